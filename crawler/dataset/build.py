"""One export, start to end: read the runs, merge, filter, group stories, write, describe.

``export_dataset`` is what ``scrapy export`` calls. The dataset folder gets
``articles.<format>`` for each format asked for, ``README.md`` (the dataset
card) and ``report.html``; files of formats not asked for this time are
removed, so the folder never mixes two exports.
"""

import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from crawler.dataset.card import dataset_card, field_meanings
from crawler.dataset.filters import Filters
from crawler.dataset.formats import WRITERS
from crawler.dataset.inputs import InputTally, LineReader, read_records, run_files
from crawler.dataset.merge import merge
from crawler.dataset.profile import Profile
from crawler.dataset.report import html_report
from crawler.dataset.schema import COLUMNS
from crawler.dataset.stories import group_stories

PROJECT_DIR = Path(__file__).resolve().parents[2]


class ExportError(ValueError):
    """Nothing to export, or a filter that matches nothing that exists; the message is one line."""


@dataclass
class ExportResult:
    folder: Path
    files: list
    profile: Profile
    provenance: dict


def crawler_version() -> str:
    try:
        commit = subprocess.run(["git", "-C", str(PROJECT_DIR), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10)
    except OSError:
        return "unknown"
    return commit.stdout.strip() if commit.returncode == 0 and commit.stdout.strip() else "unknown"


def _write(entries, stories, files, folder: Path, formats) -> tuple[list[Path], Profile]:
    writers = [WRITERS[name](folder) for name in formats]
    profile = Profile()
    reader = LineReader(files)
    try:
        for entry in entries:
            record = reader.record(entry.file, entry.offset)
            story_id, story_size = stories[entry.id]
            record.update(id=entry.id, first_seen=entry.first_seen, last_seen=entry.last_seen,
                          versions=entry.versions, story_id=story_id, story_size=story_size,
                          near_duplicate=story_id != entry.id)
            record = {name: record.get(name) for name in COLUMNS}
            profile.add(record)
            for writer in writers:
                writer.write(record)
    except BaseException:
        for writer in writers:
            writer.discard()
        raise
    finally:
        reader.close()
    return [writer.close() for writer in writers], profile


def export_dataset(output_dir: Path, folder: Path, formats: list[str], filters: Filters, *, threshold: float,
                   window_days: int, command: str) -> ExportResult:
    files = run_files(output_dir, exclude=folder)
    if not files:
        raise ExportError(f"no crawl output under {output_dir}: run scrapy crawl or scrapy crawlall first")
    tally = InputTally()
    entries = merge(read_records(files, tally))
    found = {entry.site for entry in entries}
    missing = sorted(filters.sites - found)
    if missing:
        raise ExportError(f"no articles from site {missing[0]!r} under {output_dir};"
                          f" sites found: {', '.join(sorted(found)) or 'none'}")
    chosen = [entry for entry in entries if filters.accepts(entry)]
    stories = group_stories(chosen, threshold, window_days)
    chosen.sort(key=lambda entry: (entry.site, entry.published_at or "", entry.id))
    folder.mkdir(parents=True, exist_ok=True)
    paths, profile = _write(chosen, stories, files, folder, formats)
    for name, writer in WRITERS.items():
        if name not in formats:
            (folder / f"articles.{writer.suffix}").unlink(missing_ok=True)
    provenance = {
        "command": command,
        "made_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "version": crawler_version(),
        "input_dir": str(output_dir),
        "input_files": len(files),
        "input_lines": tally.lines,
        "bad_lines": tally.bad_lines,
        "records": tally.lines - tally.bad_lines,
        "articles": len(entries),
        "filters": filters.describe(),
        "filtered_out": len(entries) - len(chosen),
        "threshold": threshold,
        "window_days": window_days,
    }
    meanings = field_meanings(PROJECT_DIR / "docs" / "fields.md")
    (folder / "README.md").write_text(dataset_card(profile, provenance, paths, meanings), encoding="utf-8")
    (folder / "report.html").write_text(html_report(profile, provenance), encoding="utf-8")
    return ExportResult(folder, paths, profile, provenance)
