"""The dataset card: README.md next to the data, for the researcher who receives only the folder.

It says what is in the dataset (counts per site and over time, field
coverage, story groups), what each column means (the article fields'
explanations are taken from ``docs/fields.md`` when the project is at hand)
and how and when the dataset was made.
"""

import re
from pathlib import Path

from crawler.dataset.profile import Profile
from crawler.dataset.schema import COLUMNS, DATASET_FIELDS, column_types

FIELD_ROW = re.compile(r"^\|\s*(`[a-z_]+`(?:,\s*`[a-z_]+`)*)\s*\|[^|]*\|\s*(.+?)\s*\|\s*$")
MAX_SITE_COLUMNS = 6
TOP_STORIES = 10


def field_meanings(fields_doc: Path) -> dict[str, str]:
    """``{field: meaning}`` from the table in docs/fields.md; empty when the file is not there."""
    if not fields_doc.exists():
        return {}
    meanings = {}
    for line in fields_doc.read_text(encoding="utf-8").splitlines():
        match = FIELD_ROW.match(line)
        if match:
            for name in re.findall(r"`([a-z_]+)`", match.group(1)):
                meanings[name] = match.group(2)
    return meanings


def _table(header: tuple, rows) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines + [""]


def _size(path: Path) -> str:
    size = path.stat().st_size
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024


def dataset_card(profile: Profile, provenance: dict, files: list[Path], meanings: dict[str, str]) -> str:
    unit, periods = profile.timeline()
    dated = [period for period in periods if period != "unknown"]
    span = f", published {dated[0]} to {dated[-1]}" if dated else ""
    stories = sorted(profile.stories.values(), key=lambda s: (-s.size, s.title))
    sites = sorted(profile.by_site, key=lambda site: (-profile.by_site[site], site))
    site_columns = sites if len(sites) <= MAX_SITE_COLUMNS else []
    types = column_types()
    lines = [
        "# Local news dataset",
        "",
        f"{profile.rows} articles from {len(sites)} sites{span}. Exported {provenance['made_at']} by `scrapy export`"
        " of the local news crawler. `report.html` beside this file has the same figures as charts.",
        "",
        "## Files",
        "",
        *_table(("file", "rows", "size"), ((f"`{path.name}`", profile.rows, _size(path)) for path in files)),
        "JSON Lines: one article per line, UTF-8. CSV: one column per field; lists and objects are JSON text in"
        " their cell; `true`/`false`; an empty cell is an empty value. Parquet: typed columns (lists, structs, a map).",
        "",
        "## How it was made",
        "",
        f"- Command: `{provenance['command']}`",
        f"- Made: {provenance['made_at']} (UTC), crawler version {provenance['version']}",
        f"- Input: {provenance['input_files']} run files under `{provenance['input_dir']}`, {provenance['input_lines']}"
        f" lines ({provenance['bad_lines']} unreadable lines skipped)",
        f"- Dedup: {provenance['records']} records → {provenance['articles']} articles by canonical URL; an article"
        " crawled more than once keeps its latest version, with `first_seen`/`last_seen` spanning all of them",
        f"- Filters: {provenance['filters']} ({provenance['filtered_out']} articles left out)",
        f"- Near-duplicates: articles published within {provenance['window_days']} days whose clauses (text between"
        f" punctuation marks) overlap by at least {provenance['threshold']:.0%} (Jaccard) share a `story_id`."
        f" Stories told by more than one article: {len(stories)}, with {profile.near_duplicates} later copies"
        " marked `near_duplicate` (kept, not dropped).",
        "",
        "## Articles per site",
        "",
        *_table(("site", "name", "articles", "share"), (
            (f"`{site}`", profile.site_names[site], count, f"{count / profile.rows:.1%}")
            for site in sites for count in [profile.by_site[site]])),
        f"## Articles per {unit} (publication date)",
        "",
        *_table((unit, "articles", *site_columns), (
            (period, sum(counts.values()), *(counts[site] for site in site_columns))
            for period, counts in periods.items())),
        "## Field coverage",
        "",
        "Share of articles with a value (not empty):",
        "",
        *_table(("field", "filled"), ((f"`{name}`", f"{profile.coverage(name):.1%}") for name in COLUMNS
                                       if name not in DATASET_FIELDS)),
        "## Stories told by more than one article",
        "",
        *(_table(("story", "articles", "sites"), (
            (story.title, story.size, ", ".join(sorted(story.sites))) for story in stories[:TOP_STORIES]))
          if stories else ["None.", ""]),
        "## Schema",
        "",
        *_table(("column", "type", "meaning"), (
            (f"`{name}`", types[name], DATASET_FIELDS[name][1] if name in DATASET_FIELDS else meanings.get(name, ""))
            for name in COLUMNS)),
    ]
    return "\n".join(lines)
