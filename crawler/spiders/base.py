"""Base spider for news portals: a new site is a small declarative subclass.

::

    class QingxiNewsSpider(PortalSpider):
        \"\"\"青溪新闻网 (Qingxi News) — ...\"\"\"
        name = "qingxi_news"
        site_name = "青溪新闻网"
        start_urls = {"https://www.qxnews.cn/xwzx/index.html": "新闻中心"}
        selectors = {
            "listing": "ul.news-list > li",
            "listing_date": "span.date::text",
            "title": "h1.article-title",
            "published": ".article-info .time",
            "byline": ".article-info .author",
            "body": "div.article-content",
        }

Attributes
    ``name``, ``site_name``; ``start_urls``: the listing pages, a list or a
    ``{url: section name}`` dict, absolute or relative to ``base_url``;
    ``sitemap_urls`` and ``feed_urls``: sitemaps (news sitemaps too; or a
    ``robots.txt`` naming them) and RSS/Atom feeds as further entry points,
    see ``crawler.spiders.feeds``; ``timezone`` (default Asia/Shanghai) and
    ``languages`` (default ``["zh"]``) of the dates and text;
    ``allowed_domains`` (default: the hosts of the entry points).
Selectors
    Listing pages: ``listing`` (one element per article entry),
    ``listing_link`` (inside an entry, default ``a::attr(href)``),
    ``listing_date`` (inside an entry, optional: lets ``since`` skip old
    entries), ``next_page`` (default: generic pagination, see
    ``crawler.extract.pagination``). Without ``listing`` the page's main list
    is found with no site knowledge (``crawler.extract.listing``: article
    links, the dates they show, the next page); ``scrapy crawl generic -a
    start_url=URL`` crawls a site that way with no spider of its own.
    Article pages: see ``crawler.extract.article.ArticleExtractor``. Every
    field a selector does not give comes from the page's structured data,
    then generic extraction.
Spider arguments (``-a name=value``)
    ``since=YYYY-MM-DD``: skip articles published before that day;
    ``max_pages=N``: follow at most N pages of each listing;
    ``base_url=URL``: crawl a mirror of the site (another host or port);
    ``timezone=Europe/Berlin``, ``languages=de,en``: read the site's dates in
    another zone and languages (``crawler.locales``).
Incremental runs
    Article links already in the seen-store are not fetched, nor links that
    answered 404/410 on an earlier run (kind ``gone``); a listing page
    that brings no new article ends that list's pagination, and so does one
    whose last dated entry is older than ``since`` (lists run newest first).
    Stats: ``news/listing/known``, ``news/listing/older_than_since``,
    ``news/pagination/stopped/<empty|all_known|older_than_since|max_pages>``.
Hooks
    ``listing_entries(response)`` for odd listing markup,
    ``next_page(response)`` for odd pagers, ``post_process(item, response)``
    to fix an item, or override ``parse_article`` entirely.
"""

from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from parsel import Selector
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.dates.parse import normalize_date
from crawler.extensions.seen_state import SeenState
from crawler.extract import queries
from crawler.extract.article import ArticleExtractor
from crawler.extract.body import select
from crawler.extract.listing import Listing, read_listing
from crawler.extract.pagination import find_next_page
from crawler.extract.text import normalize_space
from crawler.items import ARTICLE_FIELDS, Article
from crawler.locales import DEFAULT_LANGUAGES, DEFAULT_ZONE, LocaleError, checked_locale
from crawler.spiders.feeds import EntryTally, FeedEntryPoints
from crawler.spiders.links import page_link
from crawler.urls import strip_tracking, url_id

GONE_STATUSES = (404, 410)
ARGUMENTS = ("since", "max_pages", "base_url", "timezone", "languages")  # the portal spiders' own arguments


class SpiderArgumentError(ValueError):
    """A spider argument given with ``-a`` is not valid; the message is one line for the user."""


def parse_arguments(since=None, max_pages=None, base_url=None, timezone=None, languages=None) -> dict:
    """Check and convert the portal spider arguments; raises SpiderArgumentError."""
    parsed = {"since": None, "max_pages": None, "base_url": None}
    try:
        checked_locale(DEFAULT_ZONE, DEFAULT_LANGUAGES, timezone, languages)
    except LocaleError as error:
        raise SpiderArgumentError(str(error)) from None
    if since not in (None, ""):
        try:
            parsed["since"] = date.fromisoformat(str(since))
        except ValueError:
            raise SpiderArgumentError(f"since must be a date as YYYY-MM-DD, not {since!r}") from None
    if max_pages not in (None, ""):
        try:
            parsed["max_pages"] = int(max_pages)
        except ValueError:
            parsed["max_pages"] = 0
        if parsed["max_pages"] < 1:
            raise SpiderArgumentError(f"max_pages must be a whole number of at least 1, not {max_pages!r}")
    if base_url not in (None, ""):
        parts = urlsplit(str(base_url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SpiderArgumentError(f"base_url must be an http(s) URL such as http://127.0.0.1:8355, not {base_url!r}")
        parsed["base_url"] = str(base_url).rstrip("/")
    return parsed


class PortalSpider(FeedEntryPoints, scrapy.Spider):
    site_name: str = ""
    base_url: str = ""
    start_urls: list[str] | dict[str, str] = []
    timezone: str = "Asia/Shanghai"
    languages: list[str] = ["zh"]
    selectors: dict = {}

    def __init__(self, *args, since=None, max_pages=None, base_url=None, timezone=None, languages=None, **kwargs):
        super().__init__(*args, **kwargs)
        arguments = parse_arguments(since, max_pages, base_url, timezone, languages)
        self.since: date | None = arguments["since"]
        self.max_pages: int | None = arguments["max_pages"]
        if arguments["base_url"]:
            self.base_url = arguments["base_url"]
            self.allowed_domains = None
        self.timezone, self.languages = checked_locale(*self.site_locale(), timezone, languages)
        self.language_known = bool(languages) or self.knows_language()
        self.zone = ZoneInfo(self.timezone)
        self.extractor = ArticleExtractor(self.selectors)
        self._listing_cache: tuple = (None, None)
        if not getattr(self, "allowed_domains", None):
            entry_points = [url for url, _ in self.listing_pages()] + self.entry_point_urls()
            self.allowed_domains = sorted({urlsplit(url).hostname for url in entry_points})

    @classmethod
    def check_arguments(cls, **arguments) -> None:
        """Raise SpiderArgumentError for a bad ``since``, ``max_pages``, ``base_url``, ``timezone`` or ``languages``."""
        parse_arguments(**{k: v for k, v in arguments.items() if k in ARGUMENTS})

    def site_locale(self) -> tuple[str, list[str]]:
        """The site's time zone and languages, before ``-a timezone`` / ``-a languages``: those the spider declares."""
        return self.timezone, self.languages

    def knows_language(self) -> bool:
        """Whether the first of ``languages`` is the articles' language, over what a page declares (``<html
        lang>``): a site spider's declared languages are."""
        return True

    # --- listing pages ---

    def listing_pages(self) -> list[tuple[str, str | None]]:
        """``(absolute URL, section name or None)`` of every start listing page."""
        pages = self.start_urls.items() if isinstance(self.start_urls, dict) else ((u, None) for u in self.start_urls)
        return [(self.absolute(url), section) for url, section in pages]

    def absolute(self, url: str) -> str:
        """A start URL resolved against ``base_url``; with ``-a base_url`` absolute ones move host too."""
        if not self.base_url:
            return url
        parts = urlsplit(url)
        return urljoin(self.base_url + "/", parts.path.lstrip("/") + (f"?{parts.query}" if parts.query else ""))

    async def start(self):
        for url, section in self.listing_pages():
            yield scrapy.Request(
                url, callback=self.parse, errback=self.fetch_failed, cb_kwargs={"page": 1, "section": section}
            )
        for request in self.entry_point_requests():
            yield request

    def listing_entries(self, response):
        """``(article URL, shown date text or None)`` for each entry of the listing's article list.

        With a ``listing`` selector, its entries; without, the page's main
        list found by ``crawler.extract.listing``.
        """
        entry_queries = self.selectors.get("listing")
        if not entry_queries:
            for entry in self.generic_listing(response).entries:
                yield entry.url, entry.shown_date
            return
        link_query = self.selectors.get("listing_link", "a::attr(href)")
        date_query = self.selectors.get("listing_date")
        for query in (entry_queries,) if isinstance(entry_queries, str) else entry_queries:
            for entry in queries.find(response.selector.root, query):
                link = page_link(response, next(map(queries.node_text, queries.find(entry, link_query)), None))
                if not link:
                    continue
                shown = normalize_space(" ".join(map(queries.node_text, queries.find(entry, date_query)))) if date_query else None
                yield link, shown or None

    def next_page(self, response) -> str | None:
        """The URL of the listing's next page: the ``next_page`` selector, else generic pagination."""
        query = self.selectors.get("next_page")
        if query:
            return page_link(response, select(response, query).get())
        if self.selectors.get("listing"):
            return find_next_page(response.selector, response.url)
        return self.generic_listing(response).next_page

    def generic_listing(self, response) -> Listing:
        """The page's main list and next page, read once per response (both hooks above need it)."""
        cached_response, listing = self._listing_cache
        if cached_response is not response:
            listing = read_listing(response.selector, response.url)
            self._listing_cache = (response, listing)
        return listing

    def new_article_requests(self, response, entries, section: str | None, tally: EntryTally):
        """Requests for the entries neither in the seen-store nor shown older than ``since``; ``tally`` counts."""
        store = SeenState.store_for(self.crawler)
        now = datetime.now(self.zone)
        for link, shown in entries:
            link = strip_tracking(link)
            key = url_id(link)
            if store.contains("url", key) or store.contains("gone", key):
                tally.known += 1
                continue
            if self.since and shown:
                day = normalize_date(shown, now=now, timezone=self.timezone, languages=self.languages, url=link)
                if day:
                    tally.last_dated_older = day[:10] < self.since.isoformat()
                    if tally.last_dated_older:
                        tally.older += 1
                        continue
            tally.fresh += 1
            yield scrapy.Request(
                link,
                callback=self.parse_article,
                errback=self.article_fetch_failed,
                cb_kwargs={"listing_url": response.url, "section": section},
            )

    def article_fetch_failed(self, failure):
        """An article link that answers 404/410 is gone: remembered (kind ``gone``), so no later run asks again."""
        if failure.check(HttpError) and failure.value.response.status in GONE_STATUSES:
            request = failure.request
            links = {request.url, *request.meta.get("redirect_urls", [])}
            SeenState.store_for(self.crawler).add("gone", [url_id(link) for link in links])
            self.crawler.stats.inc_value("news/listing/gone_recorded")
        self.fetch_failed(failure)

    def parse(self, response, page: int = 1, section: str | None = None):
        """A listing page: follow new article links, then the next page unless the list is exhausted."""
        stats = self.crawler.stats
        stats.inc_value("news/listing_pages")
        entries = list(dict.fromkeys(self.listing_entries(response)))
        tally = EntryTally()
        yield from self.new_article_requests(response, entries, section, tally)
        stats.inc_value("news/listing/known", tally.known)
        stats.inc_value("news/listing/older_than_since", tally.older)

        if not entries:
            what = "the listing selectors" if self.selectors.get("listing") else "that it is a list of articles"
            self.logger.warning("No article entries on listing page %s: check %s", response.url, what)
            stop = "empty"
        elif tally.fresh == 0:
            stop = "all_known" if tally.known else "older_than_since"
        elif tally.last_dated_older:
            stop = "older_than_since"
        elif self.max_pages and page >= self.max_pages:
            stop = "max_pages"
        else:
            stop = None
        if stop:
            stats.inc_value(f"news/pagination/stopped/{stop}")
            return
        next_url = self.next_page(response)
        if next_url:
            yield scrapy.Request(
                next_url, callback=self.parse, errback=self.fetch_failed, cb_kwargs={"page": page + 1, "section": section}
            )

    def fetch_failed(self, failure):
        """A page that could not be fetched: one log line and a count (``news/fetch_failed/<why>``)."""
        request = failure.request
        if failure.check(HttpError):
            why, message = f"http_{failure.value.response.status}", f"HTTP {failure.value.response.status}"
        else:
            why, message = type(failure.value).__name__, str(failure.value) or type(failure.value).__name__
        self.crawler.stats.inc_value(f"news/fetch_failed/{why}")
        self.logger.warning("Could not fetch %s: %s", request.url, message)

    # --- article pages ---

    def parse_article(self, response, listing_url: str | None = None, section: str | None = None):
        fetched_at = datetime.now(timezone.utc).replace(microsecond=0)
        # Parsed apart from `response.selector`: that one points back at the response, and the cycle left every
        # page's tree to the garbage collector (2.5 times the peak memory in benchmarks/crawl_throughput.py).
        page = Selector(text=response.text, type="html", base_url=response.url)
        fields, rules = self.extractor.extract(
            page, response.url, now=fetched_at, timezone=self.timezone, languages=self.languages
        )
        if section and not fields.get("section"):
            fields["section"], rules["section"] = section, "listing"
        if self.languages and (self.language_known or not fields.get("language")):
            fields["language"], rules["language"] = self.languages[0], "spider"
        item = Article(
            url=response.url,
            site=self.name,
            site_name=self.site_name or self.name,
            listing_url=listing_url,
            fetched_at=fetched_at.isoformat(),
            extracted_by=rules,
            **{k: v for k, v in fields.items() if k in ARTICLE_FIELDS},
        )
        yield self.post_process(item, response)

    def post_process(self, item: Article, response) -> Article:
        """Hook: fix an article before the pipelines see it (``response.css()`` here parses the page again:
        the extraction's tree is not kept on the response)."""
        return item
