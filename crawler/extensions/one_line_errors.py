"""Network failures are everyday events on the real web: log them as one line, not a traceback.

A dead site, a refused connection or a timeout is reported by Scrapy's
robots.txt middleware with a full traceback; this filter keeps its message
(which names the URL and the error) and drops the traceback. The spiders'
own requests report failures through ``PortalSpider.fetch_failed``.
"""

import logging

from scrapy.exceptions import NotConfigured

NETWORK_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


class _DropDownloadTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Error downloading"):
            record.exc_info = None
            record.exc_text = None
        return True


class OneLineNetworkErrors:
    _filter = _DropDownloadTraceback()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("ONE_LINE_NETWORK_ERRORS", True):
            raise NotConfigured
        for name in NETWORK_LOGGERS:
            logger = logging.getLogger(name)
            if cls._filter not in logger.filters:
                logger.addFilter(cls._filter)
        return cls()
