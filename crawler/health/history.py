"""Each site's past health, one JSON line per run, for the layout-change alarm.

The file is ``<OUTPUT_DIR>/state/health/<site>.jsonl``: one site per file, so
sites crawled in parallel never write the same file, and each run appends a
single line. The baseline of a field is the median of its coverage over the
site's last runs that had enough articles to judge: one bad day neither
hides a break nor becomes the new normal.
"""

import json
from pathlib import Path
from statistics import median


class HealthHistory:
    def __init__(self, path: Path):
        self.path = path

    @classmethod
    def for_site(cls, output_dir: str, site: str) -> "HealthHistory":
        return cls(Path(output_dir) / "state" / "health" / f"{site}.jsonl")

    def records(self) -> list[dict]:
        """Past runs, oldest first; a torn last line (a killed run) is skipped."""
        if not self.path.exists():
            return []
        records = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                continue
        return records

    def append(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as history:
            history.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def baseline(records: list[dict], fields, min_sample: int, runs: int) -> dict:
    """Median coverage per field over the last ``runs`` runs with at least ``min_sample`` articles."""
    usable = [r for r in records if r.get("articles_extracted", 0) >= max(1, min_sample)][-runs:]
    medians = {}
    for field in fields:
        shares = [r["coverage"][field] for r in usable if field in r.get("coverage", {})]
        if shares:
            medians[field] = round(median(shares), 3)
    return medians
