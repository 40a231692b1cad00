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


class RecordSeenPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def item_scraped(self, item, response, spider):
        adapter = ItemAdapter(item)
        store = SeenState.store_for(self.crawler)
        # The link the spider followed may differ from the page's canonical
        # URL (redirects, rel=canonical); record all of them so tomorrow's listing link is known either way.
        followed = response.request.meta.get("redirect_urls", [response.url])[0]
        store.add("url", list(dict.fromkeys([adapter["id"], url_id(adapter["url"]), url_id(followed)])))
        store.add("content", [adapter["content_hash"]])
        self.crawler.stats.inc_value("news/recorded_seen")
