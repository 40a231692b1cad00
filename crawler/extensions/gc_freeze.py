"""Keeps Python's garbage collector out of the crawl's way.

Settings, spiders, compiled patterns, dateparser's language data and the
extension objects live as long as the process; without this, every full
collection walks them again while the crawl churns through pages. Once the
spider is open, ``gc.freeze()`` moves everything alive out of the
collector's sight, so it only looks at what the crawl creates.

Every page makes tens of thousands of short-lived objects (the parsed tree's
proxies, selectors, requests, deferreds); with Python's default thresholds
(700 allocations) the youngest generation is collected every few hundred
microseconds (``benchmarks/crawl_throughput.py`` shows what this and
``CONCURRENT_ITEMS`` are worth: its bare and bare-tuned sides differ in
just those). ``GC_THRESHOLDS`` (the three numbers of
``gc.set_threshold``) makes collections rarer; the objects are freed by
reference counting all the same, only reference cycles wait longer.

Both are undone when the spider closes. Off with ``-s GC_FREEZE=False`` (thresholds left alone too).
"""

import gc

from scrapy import signals
from scrapy.exceptions import NotConfigured


class GcFreeze:
    def __init__(self, thresholds: list[int]):
        self.thresholds = thresholds
        self.previous_thresholds = gc.get_threshold()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GC_FREEZE", True):
            raise NotConfigured
        thresholds = [int(value) for value in crawler.settings.getlist("GC_THRESHOLDS")]
        extension = cls(thresholds)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        gc.collect()
        gc.freeze()
        if self.thresholds:
            gc.set_threshold(*self.thresholds)

    def spider_closed(self, spider):
        """Leave the process as it was (several crawls can run in one process, tests do)."""
        gc.set_threshold(*self.previous_thresholds)
        gc.unfreeze()
