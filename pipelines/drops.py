"""Shared by the pipelines: the crawler-aware base, and dropping an article with a counted, logged reason."""

from scrapy.exceptions import DropItem
from scrapy.logformatter import LogFormatter


class ArticleDropped(DropItem):
    """Raised by a pipeline to drop an article; ``reason`` names the stats key."""

    def __init__(self, reason: str, message: str, log_level: str = "INFO"):
        super().__init__(f"{reason}: {message}", log_level=log_level)
        self.reason = reason


def drop(crawler, reason: str, message: str, log_level: str = "INFO") -> ArticleDropped:
    """Count the drop as ``news/dropped/<reason>`` and return the exception to raise."""
    crawler.stats.inc_value(f"news/dropped/{reason}")
    return ArticleDropped(reason, message, log_level)


class ArticleLogFormatter(LogFormatter):
    """Log a dropped article as its reason and URL, not as the whole item."""

    def dropped(self, item, exception, response, spider):
        entry = super().dropped(item, exception, response, spider)
        entry["msg"] = "Dropped %(exception)s"
        entry["args"] = {"exception": exception}
        return entry


class CrawlerPipeline:
    """Base for pipelines that need the crawler: its stats, its spider, the seen-store."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)
