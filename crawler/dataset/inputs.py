"""The crawl output an export reads: every run's JSON Lines under ``OUTPUT_DIR``.

Two layouts: ``<OUTPUT_DIR>/<spider>/<time>.jsonl`` (``scrapy crawl``) and
``<OUTPUT_DIR>/runs/<run-id>/<spider>.jsonl`` (``scrapy crawlall``).
``state/``, the export's folder and any other export's ``articles.jsonl``
(a crawl names its files by time) are never read. A line that is not a
whole article record (a torn line, hand edits) is counted and skipped.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

NOT_SPIDER_FOLDERS = ("runs", "state")
DATASET_FILE = "articles.jsonl"
REQUIRED = ("canonical_url", "site", "fetched_at")


@dataclass
class InputTally:
    files: list = field(default_factory=list)
    lines: int = 0
    bad_lines: int = 0


def run_files(output_dir: Path, exclude: Path) -> list[Path]:
    """Every run file, in path order (which is time order within a spider or run folder)."""
    exclude = exclude.resolve()
    spider_files = [
        path for path in output_dir.glob("*/*.jsonl")
        if path.parent.name not in NOT_SPIDER_FOLDERS and path.parent.resolve() != exclude
        and path.name != DATASET_FILE
    ]
    return sorted([*spider_files, *output_dir.glob("runs/*/*.jsonl")])


def read_records(files: list[Path], tally: InputTally):
    """``(file index, byte offset, record)`` for each good line; bad lines are counted in ``tally``."""
    tally.files = list(files)
    for index, path in enumerate(files):
        offset = 0
        with path.open("rb") as lines:
            for line in lines:
                tally.lines += 1
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                if isinstance(record, dict) and all(record.get(key) for key in REQUIRED):
                    yield index, offset, record
                else:
                    tally.bad_lines += 1
                offset += len(line)


class LineReader:
    """Reads single lines back by ``(file index, offset)``, keeping a few files open."""

    OPEN_FILES = 32

    def __init__(self, files: list[Path]):
        self.files = files
        self._open: dict[int, object] = {}

    def record(self, index: int, offset: int) -> dict:
        handle = self._open.pop(index, None) or self.files[index].open("rb")
        self._open[index] = handle  # most recently used last
        if len(self._open) > self.OPEN_FILES:
            oldest = next(iter(self._open))
            self._open.pop(oldest).close()
        handle.seek(offset)
        return json.loads(handle.readline())

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()
        self._open.clear()
