"""Record-seen: the last step; an article counts as seen once it is written.

Registered last in ``ITEM_PIPELINES`` to keep the documented order, it does
its work on Scrapy's ``item_scraped`` signal, which is sent after every
pipeline passed the item. The feed exporter, an extension, connected to that
signal before any pipeline existed, so by the time this runs the line is on
disk (``crawler.feeds.LineAtomicFileStorage`` writes unbuffered). An article
dropped or lost to a bug is therefore fetched again on the next run.
"""

from itemadapter import ItemAdapter
from scrapy import signals

from crawler.extensions.seen_state import SeenState
from crawler.urls import url_id
from pipelines.drops import CrawlerPipeline


class RecordSeenPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    def item_scraped(self, item, response, spider):
        adapter = ItemAdapter(item)
        store = SeenState.store_for(self.crawler)
        store.add("url", self._url_keys(adapter, response))
        store.add("content", [adapter["content_hash"]])
        self.crawler.stats.inc_value("news/recorded_seen")

    def item_dropped(self, item, response, exception, spider):
        """A copy of an article already written (same body, other URL) needs no fetching tomorrow either."""
        if getattr(exception, "reason", None) != "duplicate_content":
            return
        adapter = ItemAdapter(item)
        store = SeenState.store_for(self.crawler)
        if store.contains("content", adapter["content_hash"]):
            store.add("url", self._url_keys(adapter, response))

    @staticmethod
    def _url_keys(adapter, response) -> list[str]:
        # The link the spider followed may differ from the page's canonical URL
        # (redirects, rel=canonical): record all, so tomorrow's link is known either way.
        followed = response.request.meta.get("redirect_urls", [response.url])[0]
        return list(dict.fromkeys([adapter["id"], url_id(adapter["url"]), url_id(followed)]))
