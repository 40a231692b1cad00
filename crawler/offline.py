"""Run a site spider on saved pages, without the network.

A site's fixture folder ``tests/fixtures/<spider>/`` holds saved pages,
``meta.json`` (each page's file, URL, kind — ``listing`` or ``article`` — and
HTTP ``Content-Type``, plus the ``fetched_at`` the pages were saved at) and
``expected.json`` (what the spider must get from each page). The fixture
test and the site tools use these functions to get, from a saved page,
exactly what a crawl would: listing links and next page, or the article
record after the clean and dates pipelines.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

import crawler.settings as project_settings
from crawler.extract.encoding import choose_encoding
from crawler.urls import strip_tracking
from pipelines.clean import CleanPipeline
from pipelines.dates import DatesPipeline


@dataclass(frozen=True)
class SavedPage:
    file: str
    url: str
    kind: str
    content_type: str
    body: bytes

    def response(self) -> HtmlResponse:
        """The page as the spider would receive it, charset settled as the middleware does."""
        header_charset = self.content_type.partition("charset=")[2].strip() or None
        return HtmlResponse(
            self.url,
            body=self.body,
            headers={"Content-Type": self.content_type},
            encoding=choose_encoding(self.body, header_charset),
            request=Request(self.url),
        )


def load_fixture(folder: Path) -> tuple[dict, list[SavedPage]]:
    """``meta.json`` and the saved pages it lists."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    pages = [
        SavedPage(p["file"], p["url"], p["kind"], p.get("content_type", "text/html"), (folder / p["file"]).read_bytes())
        for p in meta["pages"]
    ]
    return meta, pages


def site_crawler(spider_class, settings: dict | None = None, **spider_arguments):
    """A crawler with the project settings and its spider, for running callbacks by hand."""
    values = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    values.update(settings or {})
    crawler = get_crawler(spider_class, values)
    crawler.spider = crawler._create_spider(**spider_arguments)
    crawler.stats.open_spider()
    return crawler


def listing_links(spider, response) -> list[str]:
    """The article links a spider takes from a listing response: tracking parameters stripped, each once."""
    return list(dict.fromkeys(strip_tracking(link) for link, _ in spider.listing_entries(response)))


def listing_result(spider, page: SavedPage) -> dict:
    """The article links (tracking parameters stripped, each once) and next page the spider finds."""
    response = page.response()
    return {"article_links": listing_links(spider, response), "next_page": spider.next_page(response)}


def article_record(crawler, page: SavedPage, fetched_at: str, listing_url: str | None = None) -> dict:
    """The article the spider makes of the page, after the clean and dates pipelines."""
    (item,) = crawler.spider.parse_article(page.response(), listing_url=listing_url)
    item["fetched_at"] = fetched_at
    item = CleanPipeline().process_item(item)
    item = DatesPipeline.from_crawler(crawler).process_item(item)
    return ItemAdapter(item).asdict()


def site_results(crawler, pages: list[SavedPage], fetched_at: str) -> dict:
    """What the spider gets from every saved page, keyed by file: ``expected.json``'s listings and articles."""
    return {
        "listings": {page.file: listing_result(crawler.spider, page) for page in pages if page.kind == "listing"},
        "articles": {page.file: article_record(crawler, page, fetched_at) for page in pages if page.kind == "article"},
    }
