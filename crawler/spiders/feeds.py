"""Sitemaps and RSS/Atom feeds as entry points of a portal spider.

``PortalSpider`` mixes this in: a site spider declares

::

    sitemap_urls = ["/sitemap_news.xml"]   # or "/robots.txt" to use the sitemaps it names
    feed_urls = ["/rss/qxyw.xml"]

(absolute or relative to ``base_url``, like ``start_urls``) and the crawl
starts there too. Sitemaps are read with Scrapy's own reader
(``scrapy.utils.sitemap``): a sitemap index leads to its sitemaps (those
whose ``lastmod`` is older than ``since`` are skipped), a ``urlset`` to its
pages, dated by ``lastmod`` or, in a Google News sitemap, by
``news:publication_date``; gzipped sitemaps are unpacked. Feeds are RSS 2.0
(``item``: ``link``, ``pubDate``) or Atom (``entry``: ``link[@rel=alternate]``,
``published``/``updated``). Every entry then goes through the same checks as
a listing's: known to the seen-store → not fetched, dated before ``since`` →
not fetched (``news/sitemap/…`` and ``news/feed/…`` counts).
"""

from dataclasses import dataclass

from scrapy import Request
from scrapy.http import XmlResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from crawler.spiders.links import page_link

SITEMAP_SIZE_LIMIT = 50 * 1024 * 1024  # the sitemaps protocol caps an uncompressed sitemap at 50 MB


@dataclass
class EntryTally:
    """What the entries of a listing page, a sitemap or a feed turned out to be (see ``new_article_requests``)."""

    fresh: int = 0
    known: int = 0
    older: int = 0
    last_dated_older: bool = False  # the last entry showing a date is older than ``since``


class NewsSitemap(Sitemap):
    """Scrapy's sitemap reader, also keeping a Google News entry's ``publication_date`` (nested in ``news:news``)."""

    __slots__ = ()

    def _process_sitemap_element(self, elem):
        published = next(
            (el.text.strip() for el in elem.iter() if self._get_tag_name(el) == "publication_date" and el.text), None
        )
        entry = super()._process_sitemap_element(elem)
        if entry is not None and published:
            entry["publication_date"] = published
        return entry


def sitemap_body(response) -> bytes | None:
    """The XML of a sitemap response (gunzipped when needed), or None when it is not a sitemap."""
    if gzip_magic_number(response):
        try:
            return gunzip(response.body, max_size=SITEMAP_SIZE_LIMIT)
        except ValueError:  # too large or corrupt
            return None
    if isinstance(response, XmlResponse) or response.url.endswith((".xml", ".xml.gz")):
        return response.body
    body = response.body.lstrip()
    return response.body if body.startswith((b"<?xml", b"<urlset", b"<sitemapindex")) else None


def feed_entries(response) -> list[tuple[str, str | None]]:
    """``(link, date text or None)`` of every item of an RSS or Atom feed, in feed order."""
    selector = response.selector if isinstance(response, XmlResponse) else XmlResponse(
        response.url, body=response.body, encoding=response.encoding
    ).selector
    selector.remove_namespaces()
    entries = []
    for item in selector.xpath("//item"):
        link = item.xpath("normalize-space(link)").get() or item.xpath(
            "normalize-space(guid[not(@isPermaLink='false')])"
        ).get()
        date = item.xpath("normalize-space(pubDate)").get() or item.xpath("normalize-space(date)").get()
        if link := page_link(response, link):
            entries.append((link, date or None))
    for entry in selector.xpath("//entry"):
        link = page_link(response, entry.xpath("link[@rel='alternate' or not(@rel)]/@href").get())
        date = entry.xpath("normalize-space(published)").get() or entry.xpath("normalize-space(updated)").get()
        if link:
            entries.append((link, date or None))
    return entries


class FeedEntryPoints:
    """Sitemap and feed entry points; the spider provides ``absolute``, ``new_article_requests``, ``fetch_failed``."""

    sitemap_urls: list[str] = []
    feed_urls: list[str] = []

    def entry_point_urls(self) -> list[str]:
        """The absolute URLs of the sitemaps and feeds."""
        return [self.absolute(url) for url in [*self.sitemap_urls, *self.feed_urls]]

    def entry_point_requests(self):
        for url in self.sitemap_urls:
            yield Request(self.absolute(url), callback=self.parse_sitemap, errback=self.fetch_failed)
        for url in self.feed_urls:
            yield Request(self.absolute(url), callback=self.parse_feed, errback=self.fetch_failed)

    def parse_sitemap(self, response):
        """A robots.txt (its ``Sitemap:`` lines), a sitemap index (its sitemaps) or a sitemap (its pages)."""
        stats = self.crawler.stats
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                yield Request(url, callback=self.parse_sitemap, errback=self.fetch_failed)
            return
        body = sitemap_body(response)
        sitemap = NewsSitemap(body) if body else None
        if sitemap is None or sitemap.type not in ("sitemapindex", "urlset"):
            stats.inc_value("news/sitemap/invalid")
            self.logger.warning("Ignoring %s: not a sitemap", response.url)
            return
        stats.inc_value("news/sitemap/pages")
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                lastmod = entry.get("lastmod", "")[:10]
                if self.since and lastmod and lastmod < self.since.isoformat():
                    stats.inc_value("news/sitemap/older_than_since")
                    continue
                if link := page_link(response, entry.get("loc")):
                    yield Request(link, callback=self.parse_sitemap, errback=self.fetch_failed)
            return
        entries = [
            (link, entry.get("lastmod") or entry.get("publication_date") or None)
            for entry in sitemap
            if (link := page_link(response, entry.get("loc")))
        ]
        yield from self._follow_entry_points(response, entries, "sitemap")

    def parse_feed(self, response):
        """An RSS or Atom feed: its items' links."""
        self.crawler.stats.inc_value("news/feed/pages")
        yield from self._follow_entry_points(response, feed_entries(response), "feed")

    def _follow_entry_points(self, response, entries, kind: str):
        tally = EntryTally()
        yield from self.new_article_requests(response, list(dict.fromkeys(entries)), None, tally)
        stats = self.crawler.stats
        stats.inc_value(f"news/{kind}/known", tally.known)
        stats.inc_value(f"news/{kind}/older_than_since", tally.older)
        if not entries:
            self.logger.warning("No entries in %s %s", kind, response.url)
