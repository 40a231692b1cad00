"""Shared test helpers: project crawlers for pipeline tests, and real crawls in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from crawler.items import Article
from crawler.offline import site_crawler
from crawler.spiders.base import PortalSpider

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


class ExampleSpider(PortalSpider):
    """Example portal (示例新闻网) used by unit tests; never crawled."""

    name = "example"
    site_name = "示例新闻网"
    start_urls = ["https://news.example.cn/list/index.html"]


def project_crawler(tmp_path, spidercls=ExampleSpider, settings=None, **spider_arguments):
    """A crawler with the project's settings, state under ``tmp_path``, and its spider created."""
    return site_crawler(spidercls, {"OUTPUT_DIR": str(tmp_path), **(settings or {})}, **spider_arguments)


def make_article(**fields) -> Article:
    """A complete article as a spider yields it (before the pipelines)."""
    values = {
        "url": "https://news.example.cn/xw/202611/t20261125_1001.html",
        "site": "example",
        "site_name": "示例新闻网",
        "listing_url": "https://news.example.cn/xw/index.html",
        "title": "青溪县新增学位3000个",
        "published_raw": "2026-11-25 09:32:10",
        "authors": ["王芳"],
        "body": "第一段。\n\n第二段。",
        "language": "zh",
        "fetched_at": "2026-11-25T04:00:00+00:00",
        "extracted_by": {"title": "selector", "body": "selector", "published_raw": "selector", "authors": "selector"},
    }
    values.update(fields)
    return Article(**values)


def scrapy_command(args: list[str], tmp_path: Path) -> list[str]:
    """``python -m scrapy <args>`` with output and state under ``tmp_path``."""
    return [sys.executable, "-m", "scrapy", *args, "-s", f"OUTPUT_DIR={tmp_path}"]


def run_scrapy(args: list[str], tmp_path: Path, *, timeout: float = 180, env: dict | None = None):
    """Run a scrapy command in the project (see ``scrapy_command``) and wait for it."""
    return subprocess.run(
        scrapy_command(args, tmp_path), cwd=REPO, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def read_jsonl(paths) -> list[dict]:
    """Every line of the given JSON Lines files, parsed (fails on a torn line)."""
    return [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def crawler_factory(tmp_path):
    return lambda **kwargs: project_crawler(tmp_path, **kwargs)
