"""Shared test helpers: project crawlers for pipeline tests, and real crawls in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

import crawler.settings as project_settings
from crawler.items import Article
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
    values = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    values.update({"OUTPUT_DIR": str(tmp_path)}, **(settings or {}))
    crawler = get_crawler(spidercls, values)
    crawler.spider = crawler._create_spider(**spider_arguments)
    crawler.stats.open_spider()
    return crawler


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


def run_scrapy(args: list[str], tmp_path: Path, *, timeout: float = 180, env: dict | None = None):
    """Run ``python -m scrapy <args>`` in the project; output and state go under ``tmp_path``."""
    command = [sys.executable, "-m", "scrapy", *args, "-s", f"OUTPUT_DIR={tmp_path}"]
    return subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})}
    )


def read_jsonl(paths) -> list[dict]:
    """Every line of the given JSON Lines files, parsed (fails on a torn line)."""
    return [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def crawler_factory(tmp_path):
    return lambda **kwargs: project_crawler(tmp_path, **kwargs)
