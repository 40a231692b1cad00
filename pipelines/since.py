"""Since: drops an article published before the spider's ``since`` argument.

``-a since=YYYY-MM-DD`` bounds a crawl by date; the spider already skips
listing entries whose shown date is older, and this catches the rest once the
article's own date is known. Undated articles are kept (counted as
``news/since/undated``); dropped ones are counted as
``news/dropped/older_than_since``.
"""

from itemadapter import ItemAdapter

from pipelines.drops import CrawlerPipeline, drop


class SinceFilterPipeline(CrawlerPipeline):
    def process_item(self, item):
        since = getattr(self.crawler.spider, "since", None)
        if since is None:
            return item
        adapter = ItemAdapter(item)
        published = adapter.get("published_at")
        if not published:
            self.crawler.stats.inc_value("news/since/undated")
        elif published[:10] < since.isoformat():
            raise drop(self.crawler, "older_than_since", f"{adapter['url']} published {published}", log_level="DEBUG")
        return item
