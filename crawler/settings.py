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
# Items (and requests) a callback's output is processed with at once. Scrapy starts this many worker tasks for
# every response, and its default, 100, costs a large share of a page's CPU (benchmarks/crawl_throughput.py:
# its bare and bare-tuned sides differ in this and the GC thresholds); our pipelines do no I/O that
# parallelism would hide (an article page yields one item).
CONCURRENT_ITEMS = 8
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
    # Before StatsFile, so the health verdict is in the stats JSON.
    "crawler.extensions.health.SiteHealth": 800,
    "crawler.extensions.stats_file.StatsFile": 900,
    "crawler.extensions.one_line_errors.OneLineNetworkErrors": 0,
    "crawler.extensions.gc_freeze.GcFreeze": 1000,
}
# Path of a JSON file to receive the run's stats at the end; empty: none.
STATS_FILE = ""
# Garbage collection during the crawl (crawler/extensions/gc_freeze.py): freeze what start-up made, and
# collect the youngest generation every GC_THRESHOLDS[0] allocations instead of Python's 700.
GC_FREEZE = True
GC_THRESHOLDS = [10000, 10, 10]

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
FEED_EXPORTERS = {"jsonlines": "crawler.feeds.ArticleJsonLinesExporter"}
FEED_STORAGES = {"": "crawler.feeds.LineAtomicFileStorage", "file": "crawler.feeds.LineAtomicFileStorage"}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(ARTICLE_FIELDS)

# --- Cross-run state. ---
SEEN_STORE = "pipelines.seen_store.SqliteSeenStore"
# Empty: <OUTPUT_DIR>/state/seen.sqlite, so -s OUTPUT_DIR=... moves the state with the output.
SEEN_STORE_URI = ""

# --- Site health at close (crawler/extensions/health.py, docs/scheduling.md). ---
# Articles a run must find (new + already known); a spider's `min_articles` attribute overrides it.
HEALTH_MIN_ARTICLES = 1
# Lowest share of a site's articles that must have each field; 0 = no minimum, watched for layout changes only.
HEALTH_MIN_COVERAGE = {
    "title": 0.95,
    "published_at": 0.9,
    "body": 0.95,
    "authors": 0.3,
    "source": 0.0,
    "section": 0.0,
}
# Coverage is judged only on runs with at least this many articles (a quiet day proves nothing).
HEALTH_COVERAGE_MIN_SAMPLE = 5
# Highest share of responses that may be HTTP 4xx/5xx, and of requests that may log an error.
HEALTH_MAX_HTTP_ERROR_RATE = 0.2
HEALTH_MAX_ERROR_RATE = 0.05
# Layout-change alarm: a field's coverage falls more than this below its median over the last runs.
HEALTH_MAX_COVERAGE_DROP = 0.25
HEALTH_HISTORY_RUNS = 5

# --- Scheduled runs: `scrapy crawlall` (docs/scheduling.md). ---
# Sites crawled at once, each in its own `scrapy crawl` process.
CRAWLALL_PROCESSES = 2
# Seconds one site may crawl; it is then closed (CLOSESPIDER_TIMEOUT) and, if it hangs, terminated.
CRAWLALL_SITE_TIMEOUT = 3600
# Seconds a site that overran gets to stop after each signal (SIGTERM, then SIGKILL).
CRAWLALL_KILL_GRACE = 30
# Seconds between progress updates (also each site's LOGSTATS_INTERVAL).
CRAWLALL_PROGRESS_INTERVAL = 5
# TOML list of the sites to crawl with their spider arguments; empty: every spider, no arguments.
SITES_FILE = ""

# --- Dataset export: `scrapy export` (docs/dataset.md). ---
# Two articles are one story when this share of their clauses is the same (Jaccard, crawler/dataset/stories.py).
EXPORT_NEAR_DUP_THRESHOLD = 0.5
# Republished copies are looked for among articles published within this many days of each other.
EXPORT_NEAR_DUP_WINDOW_DAYS = 7


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
