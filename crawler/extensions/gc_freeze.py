"""Moves everything alive once the crawl has started out of the garbage collector's way.

Settings, spiders, compiled patterns, dateparser's language data and the
extension objects live as long as the process; without this, every full
collection walks them again while the crawl churns through pages. After
``gc.freeze()`` the collector only looks at what the crawl creates. Off with
``-s GC_FREEZE=False``.
"""

import gc

from scrapy import signals
from scrapy.exceptions import NotConfigured


class GcFreeze:
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GC_FREEZE", True):
            raise NotConfigured
        extension = cls()
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        return extension

    def spider_opened(self, spider):
        gc.collect()
        gc.freeze()
