"""Fetch a site's pages politely, through Scrapy: robots.txt obeyed, the project's user agent and settings.

``fetch_pages(process, first, then=None, follow=...)`` runs one small crawl
with the project's settings (no pipelines, feeds or seen-store): it fetches
``first`` (in order) and, when given, the URLs ``then(response)`` names for
the first page — the article pages a new site's listing links to. Pages
that answer are kept as ``SavedPage``; the others as one-line reasons
(``forbidden by robots.txt``, ``HTTP 404``, ``connection refused`` …).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.offline import SavedPage

NETWORK_REASONS = (
    (CannotResolveHostError, "the host name does not resolve"),
    (DownloadConnectionRefusedError, "the connection was refused"),
    (DownloadTimeoutError, "no answer in time"),
    (DownloadFailedError, "the download failed"),
)


def reason(failure) -> str:
    """Why a request failed, in a few words."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return "forbidden by the site's robots.txt" if "robots" in str(failure.value).lower() else str(failure.value)
    for error, words in NETWORK_REASONS:
        if failure.check(error):
            return words
    return str(failure.value) or type(failure.value).__name__


@dataclass
class Fetched:
    """What a fetch got: pages by requested URL, failures by requested URL, and the order they were asked in."""

    pages: dict = field(default_factory=dict)
    failures: dict = field(default_factory=dict)
    followed: list = field(default_factory=list)  # the URLs ``then`` named
    fetched_at: str = ""


class PageFetcher(scrapy.Spider):
    """Fetches the given pages once each and keeps their bodies."""

    name = "sitekit_fetch"
    custom_settings = {
        "ITEM_PIPELINES": {},
        "FEEDS": {},
        "EXTENSIONS": {"crawler.extensions.one_line_errors.OneLineNetworkErrors": 0},
        "REMOTE_CONTROL_ENABLED": False,
    }

    def __init__(self, first=(), then=None, kind="listing", **kwargs):
        super().__init__(**kwargs)
        self.first, self.then, self.kind = list(first), then, kind
        self.fetched = Fetched(fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat())

    async def start(self):
        for index, url in enumerate(self.first):
            kind = self.kind if index == 0 else "article"
            yield scrapy.Request(url, callback=self.keep, errback=self.failed, dont_filter=True,
                                 cb_kwargs={"requested": url, "kind": kind, "lead": index == 0})

    def keep(self, response, requested: str, kind: str, lead: bool):
        content_type = response.headers.get("Content-Type", b"text/html").decode("latin-1")
        self.fetched.pages[requested] = SavedPage("", response.url, kind, content_type, response.body)
        if lead and self.then is not None:
            self.fetched.followed = list(self.then(response))
            for url in self.fetched.followed:
                yield scrapy.Request(url, callback=self.keep, errback=self.failed,
                                     cb_kwargs={"requested": url, "kind": "article", "lead": False})

    def failed(self, failure):
        self.fetched.failures[failure.request.cb_kwargs["requested"]] = reason(failure)


def fetch_pages(process, first: list[str], then=None, kind: str = "listing") -> Fetched:
    """Fetch ``first`` (the first page of kind ``kind``, the rest articles) and what ``then`` names; blocks."""
    crawler = process.create_crawler(PageFetcher)
    process.crawl(crawler, first=first, then=then, kind=kind)
    process.start()
    return crawler.spider.fetched
