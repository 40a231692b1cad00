"""Writers for the dataset formats: jsonl, jsonl.gz, csv and parquet, all from the same records.

Every writer takes records one at a time, so an export never holds the
whole dataset in memory (Parquet gets them in row groups of
``PARQUET_ROWS``). CSV has one column per field; lists and objects
(``authors``, ``images``, ``extracted_by``) are JSON text in their cell,
booleans ``true``/``false``, empty values empty cells. Each file is written
under a temporary name and renamed when complete, so a reader never sees
half a dataset.
"""

import csv
import gzip
import json
from pathlib import Path

from crawler.dataset.schema import COLUMNS, arrow_schema

PARQUET_ROWS = 10_000


class _Writer:
    suffix = ""

    def __init__(self, folder: Path):
        self.path = folder / f"articles.{self.suffix}"
        self.partial = folder / f".articles.{self.suffix}.partial"
        self.rows = 0

    def write(self, record: dict) -> None:
        self._write(record)
        self.rows += 1

    def close(self) -> Path:
        self._close()
        self.partial.replace(self.path)
        return self.path

    def discard(self) -> None:
        """After a failure: close and delete the partial file, leave any earlier dataset as it was."""
        self._close()
        self.partial.unlink(missing_ok=True)


class JsonlWriter(_Writer):
    suffix = "jsonl"

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.file = self._open()

    def _open(self):
        return self.partial.open("w", encoding="utf-8", newline="\n")

    def _write(self, record: dict) -> None:
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _close(self) -> None:
        self.file.close()


class GzipJsonlWriter(JsonlWriter):
    suffix = "jsonl.gz"

    def _open(self):
        return gzip.open(self.partial, "wt", encoding="utf-8", newline="\n")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class CsvWriter(_Writer):
    suffix = "csv"

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.file = self.partial.open("w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.file)
        self.csv.writerow(COLUMNS)

    def _write(self, record: dict) -> None:
        self.csv.writerow([_cell(record.get(name)) for name in COLUMNS])

    def _close(self) -> None:
        self.file.close()


class ParquetWriter(_Writer):
    suffix = "parquet"

    def __init__(self, folder: Path):
        super().__init__(folder)
        import pyarrow as pa  # only when Parquet is asked for
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = arrow_schema(pa)
        self.writer = pq.ParquetWriter(self.partial, self.schema, compression="zstd")
        self.batch: list[dict] = []

    def _write(self, record: dict) -> None:
        self.batch.append(record)
        if len(self.batch) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.batch:
            self.writer.write_table(self.pa.Table.from_pylist(self.batch, schema=self.schema))
            self.batch = []

    def _close(self) -> None:
        self._flush()
        self.writer.close()


WRITERS = {writer.suffix: writer for writer in (JsonlWriter, GzipJsonlWriter, CsvWriter, ParquetWriter)}
