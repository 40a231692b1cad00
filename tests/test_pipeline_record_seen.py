from scrapy import signals
from scrapy.http import HtmlResponse, Request

from crawler.extensions.seen_state import SeenState
from crawler.urls import url_id
from pipelines.clean import CleanPipeline
from pipelines.drops import ArticleDropped
from pipelines.record_seen import RecordSeenPipeline

from conftest import make_article


def response_for(url: str, followed: str | None = None) -> HtmlResponse:
    request = Request(url, meta={"redirect_urls": [followed]} if followed else {})
    return HtmlResponse(url, body=b"<html></html>", request=request)


def test_an_article_is_recorded_only_when_scraped(crawler_factory):
    crawler = crawler_factory()
    pipeline = RecordSeenPipeline.from_crawler(crawler)  # noqa: F841 - signals hold receivers weakly
    item = CleanPipeline().process_item(make_article(url="https://news.example.cn/a/1.html?spm=x"))
    store = SeenState.store_for(crawler)
    assert not store.contains("url", item["id"])
    crawler.signals.send_catch_log(
        signals.item_scraped, item=item, response=response_for(item["url"], "https://news.example.cn/old/1"), spider=crawler.spider
    )
    assert store.contains("url", item["id"])
    assert store.contains("url", url_id("https://news.example.cn/old/1"))  # the link that redirected here
    assert store.contains("content", item["content_hash"])
    assert crawler.stats.get_value("news/recorded_seen") == 1


def test_a_copy_of_a_written_article_is_recorded_a_dropped_invalid_one_is_not(crawler_factory):
    crawler = crawler_factory()
    pipeline = RecordSeenPipeline.from_crawler(crawler)  # noqa: F841 - signals hold receivers weakly
    store = SeenState.store_for(crawler)
    original = CleanPipeline().process_item(make_article(url="https://news.example.cn/a/1.html"))
    store.add("content", [original["content_hash"]])

    copy = CleanPipeline().process_item(make_article(url="https://news.example.cn/b/9.html"))
    crawler.signals.send_catch_log(
        signals.item_dropped, item=copy, response=response_for(copy["url"]),
        exception=ArticleDropped("duplicate_content", "copy"), spider=crawler.spider,
    )
    assert store.contains("url", copy["id"])

    invalid = CleanPipeline().process_item(make_article(url="https://news.example.cn/c/3.html", body="另一篇。"))
    crawler.signals.send_catch_log(
        signals.item_dropped, item=invalid, response=response_for(invalid["url"]),
        exception=ArticleDropped("invalid", "no title"), spider=crawler.spider,
    )
    assert not store.contains("url", invalid["id"])
