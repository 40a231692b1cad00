"""``scrapy export``: merge every crawl run under ``OUTPUT_DIR`` into one documented dataset.

Reads ``<OUTPUT_DIR>/<spider>/*.jsonl`` and ``<OUTPUT_DIR>/runs/*/*.jsonl``,
keeps one record per canonical URL (the latest, with ``first_seen`` and
``last_seen``), groups near-duplicates under a ``story_id`` without dropping
them, applies ``--site``/``--since``/``--until``/``--lang`` and writes
``articles.<format>`` for each ``--format`` with README.md (the dataset
card) and report.html into ``--output`` (default ``<OUTPUT_DIR>/dataset``).
docs/dataset.md describes the result.
"""

import importlib.util
import shlex
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.dataset.build import ExportError, export_dataset
from crawler.dataset.filters import FilterError, parse_filters
from crawler.dataset.formats import WRITERS


def parse_formats(value: str) -> list[str]:
    formats = list(dict.fromkeys(name.strip().lower() for name in value.split(",") if name.strip()))
    for name in formats:
        if name not in WRITERS:
            raise UsageError(f"unknown format {name!r}; choose from {', '.join(WRITERS)}", print_help=False)
    if "parquet" in formats and importlib.util.find_spec("pyarrow") is None:
        raise UsageError("parquet needs pyarrow: pip install -r requirements.txt", print_help=False)
    if not formats:
        raise UsageError(f"--format needs at least one of {', '.join(WRITERS)}", print_help=False)
    return formats


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[--output DIR] [--format jsonl,csv,…] [--site a,b] [--since DAY] [--until DAY] [--lang zh]"

    def short_desc(self):
        return "Merge the crawl runs in OUTPUT_DIR into one deduplicated dataset with a README and a report"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--output", metavar="DIR", help="dataset folder (default: <OUTPUT_DIR>/dataset)")
        parser.add_argument("--format", default="jsonl", metavar="F,…",
                            help=f"one or more of {', '.join(WRITERS)} (default: jsonl)")
        parser.add_argument("--site", metavar="A,B", help="only these spiders' articles")
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="only articles published on or after this day")
        parser.add_argument("--until", metavar="YYYY-MM-DD", help="only articles published on or before this day")
        parser.add_argument("--lang", metavar="L,…", help="only articles in these languages, e.g. zh")

    def run(self, args, opts):
        if args:
            raise UsageError(f"export takes no positional arguments, got {' '.join(args)}", print_help=False)
        formats = parse_formats(opts.format)
        settings = self.settings
        threshold = settings.getfloat("EXPORT_NEAR_DUP_THRESHOLD")
        window_days = settings.getint("EXPORT_NEAR_DUP_WINDOW_DAYS")
        if not 0 < threshold <= 1 or window_days < 0:
            raise UsageError("EXPORT_NEAR_DUP_THRESHOLD must be in (0, 1] and EXPORT_NEAR_DUP_WINDOW_DAYS at least 0",
                             print_help=False)
        output_dir = Path(settings["OUTPUT_DIR"]).resolve()
        folder = Path(opts.output).resolve() if opts.output else output_dir / "dataset"
        try:
            filters = parse_filters(opts.site, opts.since, opts.until, opts.lang)
            result = export_dataset(output_dir, folder, formats, filters, threshold=threshold,
                                    window_days=window_days, command=shlex.join(["scrapy", "export", *sys.argv[1:]]))
        except (FilterError, ExportError) as error:
            raise UsageError(str(error), print_help=False) from None
        profile = result.profile
        print(f"Dataset: {profile.rows} articles from {len(profile.by_site)} sites; stories told by more than one"
              f" article: {len(profile.stories)} ({profile.near_duplicates} later copies marked near_duplicate)")
        print(f"Written: {', '.join(path.name for path in result.files)}, README.md, report.html in {folder}")
