"""Opens the seen-store for a crawl and closes it at the end.

The spider (to skip known article links), the dedupe pipeline and the
record-seen pipeline all reach the one store of a crawl through
``SeenState.store_for(crawler)``.
"""

from scrapy import signals
from scrapy.utils.misc import load_object


class SeenState:
    def __init__(self, crawler):
        self.crawler = crawler
        self._store = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @classmethod
    def store_for(cls, crawler):
        """The crawl's seen-store, opened on first use."""
        state = crawler.get_extension(cls)
        if state is None:
            raise RuntimeError(f"{cls.__module__}.{cls.__name__} must be enabled in EXTENSIONS")
        return state.store

    @property
    def store(self):
        if self._store is None:
            store_cls = load_object(self.crawler.settings["SEEN_STORE"])
            self._store = store_cls.from_settings(self.crawler.settings, self.crawler.spider.name)
        return self._store

    def spider_closed(self, spider):
        if self._store is not None:
            self._store.close()
            self._store = None
