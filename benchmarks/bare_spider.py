"""The baseline of the crawl benchmark: a bare Scrapy spider on the generated portal.

Follows each listing's ``ul.news-list li a`` links and its ``a.next`` pager
and extracts six fields per article with parsel. Run with the project's
settings (``scrapy runspider`` from the repo root) but without anything of
ours on the page path: no item pipelines, no charset middleware, no
seen-store, no line-atomic feed storage, and Scrapy's defaults where the
project tunes Scrapy itself (``CONCURRENT_ITEMS``; no garbage-collector
extension); ``crawl_runs`` gives it that tuning for the ``bare-tuned``
side. The one extension kept,
``StatsFile``, writes the stats JSON once at close; the benchmark reads it.
Items go to a plain JSON Lines feed (UTF-8, as ours) at ``-a feed_path=FILE``;
it replaces the project's ``FEEDS`` (``-O`` would be added to them).
"""

import scrapy
from scrapy.settings import default_settings

from benchmarks.portal_layout import LISTING_ROOTS


def article_fields(page, url: str) -> dict:
    """The six fields of ``page`` (a response or a parsel Selector): url, title,
    shown date, author line, description meta, body text."""
    paragraphs = page.css("div.article-content p ::text").getall()
    return {
        "url": url,
        "title": page.css("h1.article-title::text").get(),
        "date": page.css("div.article-info span.time::text").get(),
        "author": page.css("div.article-info span.author::text").get(),
        "description": page.css('meta[name="description"]::attr(content)').get(),
        "body": "\n".join(text.strip() for text in paragraphs if text.strip()),
    }


class BareNewsSpider(scrapy.Spider):
    name = "bare_news"
    custom_settings = {
        "FEEDS": {"%(feed_path)s": {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
        "ITEM_PIPELINES": {},
        "DOWNLOADER_MIDDLEWARES": {},
        "EXTENSIONS": {"crawler.extensions.stats_file.StatsFile": 900},
        # Scrapy's own (buffered) file storage, exporter and exporter options, not the project's.
        "FEED_STORAGES": {},
        "FEED_EXPORTERS": {},
        "FEED_EXPORT_FIELDS": None,
        "LOG_FORMATTER": "scrapy.logformatter.LogFormatter",
        # Scrapy's default, not the project's: a bare spider is not tuned (the `bare-tuned` side is).
        "CONCURRENT_ITEMS": default_settings.CONCURRENT_ITEMS,
    }

    def __init__(self, *args, base_url: str, feed_path: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed_path = feed_path
        self.start_urls = [base_url.rstrip("/") + path for path in LISTING_ROOTS]

    def parse(self, response):
        for href in response.css("ul.news-list li a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_article)
        next_page = response.css("a.next::attr(href)").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_article(self, response):
        yield article_fields(response, response.url)
