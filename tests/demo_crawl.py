"""Crawling the demo portal from tests: a served portal, a crawl in a subprocess, and the truth to compare with."""

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from crawler.demo import DemoPortal, DemoServer

from conftest import read_jsonl, run_scrapy

# Fast and deterministic for a local server; politeness settings are for the real web.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"]
FIELDS = (
    "title", "subtitle", "published_at", "published_raw", "authors", "editors", "photographers", "source",
    "section", "tags", "summary", "body",
)


def start_portal() -> DemoServer:
    anchor = datetime.now(ZoneInfo("Asia/Shanghai")).replace(second=0, microsecond=0)
    return DemoServer(DemoPortal(anchor=anchor)).start()


def crawl(server: DemoServer, out: Path, *arguments: str, stats_name: str = "stats.json", **popen) -> dict:
    """Crawl the served portal with ``demo_county`` into ``out``; return the run's stats."""
    stats_path = out / stats_name
    result = run_scrapy(
        ["crawl", "demo_county", "-a", f"base_url={server.base_url}", *FAST, "-s", f"STATS_FILE={stats_path}", *arguments],
        out,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(stats_path.read_text(encoding="utf-8"))


def written(out: Path) -> list[dict]:
    return read_jsonl(sorted((out / "demo_county").glob("*.jsonl")))


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def truth_by_path(portal: DemoPortal) -> dict[str, dict]:
    """Every path an expected article can be reached under → that article's truth."""
    return {path: article for article in portal.expected_articles() for path in [article["path"], *article["alt_paths"]]}
