"""Dedupe: drops an article already written, in this run or an earlier one.

Two keys, both checked in memory for this run and in the seen-store for
earlier runs: the ``id`` (from the canonical URL) and the ``content_hash``
(the same story under another URL, such as a provincial story republished in
two sections). Counted as ``news/dropped/duplicate_url`` and
``news/dropped/duplicate_content``. Nothing is recorded here: the
record-seen pipeline does that once the article is written.
"""

from itemadapter import ItemAdapter

from crawler.extensions.seen_state import SeenState
from pipelines.drops import CrawlerPipeline, drop


class DedupePipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.ids: set[str] = set()
        self.hashes: set[str] = set()

    def process_item(self, item):
        adapter = ItemAdapter(item)
        store = SeenState.store_for(self.crawler)
        article_id, digest = adapter["id"], adapter["content_hash"]
        if article_id in self.ids or store.contains("url", article_id):
            raise drop(self.crawler, "duplicate_url", adapter["canonical_url"], log_level="DEBUG")
        if digest in self.hashes or store.contains("content", digest):
            raise drop(self.crawler, "duplicate_content", f"{adapter['url']} repeats an article already written")
        self.ids.add(article_id)
        self.hashes.add(digest)
        return item
