"""Any portal nobody has written a spider for.

::

    scrapy crawl generic -a start_url=http://www.qxnews.cn/xwzx/qxyw/index.html
    scrapy crawl generic -a start_url=URL1,URL2 -a since=2026-11-01 -a max_pages=5
    scrapy crawl generic -a start_url=URL -a feed_url=URL -a sitemap_url=URL
    scrapy crawl generic -a start_url=https://www.example.com/news/ -a timezone=America/Chicago -a languages=en

Each start URL is a listing page; the page's main list, the dates it shows
and its next page are found with no site knowledge (``crawler.extract.listing``),
and the articles are read with the generic article extraction
(``ArticleExtractor({})``: structured data, then generic rules). Feeds and
sitemaps (``feed_url``, ``sitemap_url``, comma-separated too) are optional
further entry points. The spider takes the name of the first start URL's
host (``www.qxnews.cn`` → ``qxnews_cn``): it names the output folder, the
``site`` of the articles and the seen-store namespace, so daily runs over one
site are incremental and two sites do not mix. Dates are read in the site's
time zone and languages, which are the articles' language too: those of
the first URL's country-code domain (``.de`` → Europe/Berlin, German), else
Asia/Shanghai and Chinese (``crawler.locales``) with the language each page
declares (``<html lang>``). The other arguments are the
portal spiders' (``since``, ``max_pages``, ``base_url``, and ``timezone`` /
``languages`` to override the zone and languages).
"""

import re
from urllib.parse import urlsplit

from crawler.locales import COUNTRIES, country_locale, country_of
from crawler.spiders.base import PortalSpider, SpiderArgumentError

NOT_NAME = re.compile(r"[^a-z0-9]+")


def url_list(value, argument: str, required: bool = False) -> list[str]:
    """The http(s) URLs of a comma-separated argument; raises SpiderArgumentError."""
    urls = [url.strip() for url in str(value or "").split(",") if url.strip()]
    if required and not urls:
        raise SpiderArgumentError(f"{argument} is required: -a {argument}=http://www.example.cn/news/index.html")
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SpiderArgumentError(f"{argument} must be http(s) URLs separated by commas, not {url!r}")
    return urls


def site_name(url: str) -> str:
    """A spider/site name from a URL's host: ``www.qxnews.cn`` → ``qxnews_cn``."""
    host = urlsplit(url).hostname or ""
    return NOT_NAME.sub("_", host.removeprefix("www.")).strip("_") or "generic"


class GenericSpider(PortalSpider):
    """A portal crawled with generic listing discovery and generic article extraction."""

    name = "generic"
    crawl_all = False  # a plain `scrapy crawlall` has no start_url to give it

    def __init__(self, *args, start_url=None, feed_url=None, sitemap_url=None, **kwargs):
        self.start_urls = url_list(start_url, "start_url", required=not (feed_url or sitemap_url))
        self.feed_urls = url_list(feed_url, "feed_url")
        self.sitemap_urls = url_list(sitemap_url, "sitemap_url")
        super().__init__(*args, **kwargs)
        self.name = site_name(self.first_url())

    def first_url(self) -> str:
        return (self.start_urls or self.feed_urls or self.sitemap_urls)[0]

    def site_locale(self) -> tuple[str, tuple[str, ...]]:
        """The zone and languages of the first URL's country (``crawler.locales``)."""
        return country_locale(self.first_url())

    def knows_language(self) -> bool:
        """Only a country-code domain tells the language: on ``.com`` the page's ``<html lang>`` does."""
        return country_of(self.first_url()) in COUNTRIES

    @classmethod
    def check_arguments(cls, **arguments) -> None:
        """Raise SpiderArgumentError for bad URLs or portal arguments."""
        super().check_arguments(**arguments)
        url_list(arguments.get("start_url"), "start_url",
                 required=not (arguments.get("feed_url") or arguments.get("sitemap_url")))
        url_list(arguments.get("feed_url"), "feed_url")
        url_list(arguments.get("sitemap_url"), "sitemap_url")
