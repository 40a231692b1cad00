"""Judges each site's crawl at close and writes the verdict into the stats.

While the crawl runs it counts, for every article the site produced (written,
or dropped as ``invalid``: a page whose layout changed usually loses its
title or body), which watched fields had a value: ``news/coverage/<field>``
out of ``news/coverage/articles``. At close it assesses the run
(``crawler.health.checks``) against the thresholds in the ``HEALTH_*``
settings and the site's previous runs (``crawler.health.history``), stores
the result as the ``health`` stat (so ``STATS_FILE`` and ``scrapy crawlall``
see it), logs each problem as a warning and appends the run to the site's
history under ``<OUTPUT_DIR>/state/health/``.
"""

import logging
from datetime import datetime, timezone

from itemadapter import ItemAdapter
from scrapy import signals

from crawler.health.checks import COVERAGE_PREFIX, EXTRACTED_KEY, Thresholds, assess, figures
from crawler.health.history import HealthHistory, baseline

logger = logging.getLogger(__name__)

EXTRACTION_FAILURES = ("invalid",)
HISTORY_KEYS = ("finish_reason", "healthy", "articles_new", "articles_extracted", "coverage")
_EMPTY = (None, "", [], {})


class SiteHealth:
    def __init__(self, crawler):
        self.crawler = crawler
        self.fields = tuple(crawler.settings.getdict("HEALTH_MIN_COVERAGE"))
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def item_scraped(self, item, **kwargs):
        self._count_fields(item)

    def item_dropped(self, item, exception, **kwargs):
        if getattr(exception, "reason", None) in EXTRACTION_FAILURES:
            self._count_fields(item)

    def _count_fields(self, item):
        adapter = ItemAdapter(item)
        stats = self.crawler.stats
        stats.inc_value(EXTRACTED_KEY)
        for field in self.fields:
            if adapter.get(field) not in _EMPTY:
                stats.inc_value(COVERAGE_PREFIX + field)

    def spider_closed(self, spider, reason):
        thresholds = Thresholds.from_crawler(self.crawler)
        history = HealthHistory.for_site(self.crawler.settings["OUTPUT_DIR"], spider.name)
        usual = baseline(history.records(), self.fields, thresholds.coverage_min_sample, thresholds.history_runs)
        health = assess(figures(self.crawler.stats.get_stats(), reason, self.fields), thresholds, usual)
        self.crawler.stats.set_value("health", health)
        finished_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        history.append({"finished_at": finished_at, **{key: health[key] for key in HISTORY_KEYS}})
        if health["healthy"]:
            logger.info(
                "Site healthy: %d new articles, %d already known", health["articles_new"], health["articles_known"]
            )
        for problem in health["problems"]:
            logger.warning("Site unhealthy: %s", problem)
