import pytest

from crawler.extensions.seen_state import SeenState
from pipelines.clean import CleanPipeline
from pipelines.dedupe import DedupePipeline
from pipelines.drops import ArticleDropped

from conftest import make_article


def cleaned(**fields):
    return CleanPipeline().process_item(make_article(**fields))


def test_same_canonical_url_in_one_run_is_dropped(crawler_factory):
    crawler = crawler_factory()
    dedupe = DedupePipeline.from_crawler(crawler)
    dedupe.process_item(cleaned(url="https://news.example.cn/a/1.html"))
    with pytest.raises(ArticleDropped) as dropped:
        dedupe.process_item(cleaned(url="https://news.example.cn/a/1.html?spm=1.2", body="另一个正文。"))
    assert dropped.value.reason == "duplicate_url"
    assert crawler.stats.get_value("news/dropped/duplicate_url") == 1


def test_same_body_under_another_url_is_dropped(crawler_factory):
    crawler = crawler_factory()
    dedupe = DedupePipeline.from_crawler(crawler)
    dedupe.process_item(cleaned(url="https://news.example.cn/a/1.html"))
    with pytest.raises(ArticleDropped) as dropped:
        dedupe.process_item(cleaned(url="https://news.example.cn/b/9.html"))
    assert dropped.value.reason == "duplicate_content"
    assert crawler.stats.get_value("news/dropped/duplicate_content") == 1


def test_articles_recorded_in_an_earlier_run_are_dropped(tmp_path, crawler_factory):
    earlier = crawler_factory()
    SeenState.store_for(earlier).add("url", [cleaned(url="https://news.example.cn/a/1.html")["id"]])
    SeenState.store_for(earlier).close()

    crawler = crawler_factory()
    dedupe = DedupePipeline.from_crawler(crawler)
    with pytest.raises(ArticleDropped):
        dedupe.process_item(cleaned(url="https://news.example.cn/a/1.html"))
    kept = dedupe.process_item(cleaned(url="https://news.example.cn/a/2.html", body="新的正文。"))
    assert kept["url"] == "https://news.example.cn/a/2.html"
