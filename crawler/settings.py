"""Scrapy settings for the local news crawler.

Every setting can be overridden per run with ``-s NAME=value`` or from the
environment with ``LOCALNEWS_NAME=value`` (JSON values such as numbers, lists
and dicts are decoded; anything else is taken as a string), which suits cron
jobs and scrapyd.
"""

import json
import os
from pathlib import Path

from crawler.items import ARTICLE_FIELDS

BOT_NAME = "crawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

PROJECT_DIR = Path(__file__).resolve().parent.parent

# --- Politeness: these crawls run daily against small county servers. ---
USER_AGENT = "LocalNewsCrawler/0.1 (+https://github.com/local-news-crawler/local-news-crawler; news archive)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOG_FORMATTER = "pipelines.drops.ArticleLogFormatter"

DOWNLOADER_MIDDLEWARES = {
    # After HttpCompressionMiddleware (590) has decompressed the body.
    "crawler.middlewares.CharsetFixMiddleware": 580,
}

EXTENSIONS = {
    "crawler.extensions.seen_state.SeenState": 100,
    "crawler.extensions.stats_file.StatsFile": 900,
    "crawler.extensions.one_line_errors.OneLineNetworkErrors": 0,
}
# Path of a JSON file to receive the run's stats at the end; empty: none.
STATS_FILE = ""

# --- Pipelines, one job each, in this order (docs/pipelines.md). ---
ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.dates.DatesPipeline": 300,
    "pipelines.since.SinceFilterPipeline": 400,
    "pipelines.validate.ValidatePipeline": 800,
    "pipelines.record_seen.RecordSeenPipeline": 900,
}

# --- Output: one JSON Lines file per spider and run. ---
OUTPUT_DIR = str(PROJECT_DIR / "output")
FEEDS = {
    "%(output_dir)s/%(name)s/%(time)s.jsonl": {
        "format": "jsonlines",
        "encoding": "utf-8",
        "store_empty": False,
        "uri_params": "crawler.feeds.uri_params",
    }
}
FEED_STORAGES = {"": "crawler.feeds.LineAtomicFileStorage", "file": "crawler.feeds.LineAtomicFileStorage"}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(ARTICLE_FIELDS)

# --- Cross-run state. ---
SEEN_STORE = "pipelines.seen_store.SqliteSeenStore"
# Empty: <OUTPUT_DIR>/state/seen.sqlite, so -s OUTPUT_DIR=... moves the state with the output.
SEEN_STORE_URI = ""


def _from_environment(prefix: str = "LOCALNEWS_") -> None:
    for key, raw in os.environ.items():
        if not key.startswith(prefix):
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        globals()[key[len(prefix):]] = value


_from_environment()
