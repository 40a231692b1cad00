"""One site's share of a run: its files in the run folder and its ``scrapy crawl`` command line.

Each site is an ordinary ``scrapy crawl <site>`` with settings that put its
JSON Lines, stats JSON and log into ``<OUTPUT_DIR>/runs/<run-id>/`` while
the seen-store and the health history stay in the shared
``<OUTPUT_DIR>/state/``, so every run is incremental against all earlier
ones, whichever way they were started.
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from crawler.runs.sites import Site


@dataclass(frozen=True)
class SiteFiles:
    feed: Path
    stats: Path
    log: Path

    @classmethod
    def in_run(cls, run_dir: Path, site: str) -> "SiteFiles":
        return cls(run_dir / f"{site}.jsonl", run_dir / f"{site}.stats.json", run_dir / f"{site}.log")


@dataclass(frozen=True)
class RunSettings:
    """What every site of a run shares."""

    output_dir: str
    seen_store_uri: str
    feed_options: dict
    forwarded: tuple[str, ...]  # the -s NAME=VALUE given to crawlall
    progress_interval: float

    @classmethod
    def from_settings(cls, settings, forwarded) -> "RunSettings":
        output_dir = str(Path(settings["OUTPUT_DIR"]).resolve())
        seen_store_uri = settings["SEEN_STORE_URI"] or str(Path(output_dir) / "state" / "seen.sqlite")
        feeds = settings.getdict("FEEDS")
        return cls(
            output_dir=output_dir,
            seen_store_uri=seen_store_uri,
            feed_options=next(iter(feeds.values()), {"format": "jsonlines", "encoding": "utf-8"}),
            forwarded=tuple(forwarded),
            progress_interval=settings.getfloat("CRAWLALL_PROGRESS_INTERVAL"),
        )


def _pairs(flag: str, values: dict) -> list[str]:
    return [part for name, value in values.items() for part in (flag, f"{name}={value}")]


def crawl_command(site: Site, files: SiteFiles, run: RunSettings) -> list[str]:
    """``python -m scrapy crawl <site> …``; later ``-s`` win, so the run's own settings come last."""
    own = {
        "OUTPUT_DIR": run.output_dir,
        "SEEN_STORE_URI": run.seen_store_uri,
        "FEEDS": json.dumps({str(files.feed): run.feed_options}),
        "STATS_FILE": str(files.stats),
        "LOG_FILE": str(files.log),
        "LOGSTATS_INTERVAL": run.progress_interval,
        "CLOSESPIDER_TIMEOUT": site.timeout,
    }
    forwarded = [part for setting in run.forwarded for part in ("-s", setting)]
    return [sys.executable, "-m", "scrapy", "crawl", site.name, *_pairs("-a", site.args), *forwarded,
            *_pairs("-s", site.settings), *_pairs("-s", own)]
