import pytest

from pipelines.drops import ArticleDropped
from pipelines.since import SinceFilterPipeline

from conftest import make_article


def test_without_since_everything_passes(crawler_factory):
    crawler = crawler_factory()
    item = make_article(published_at="2001-01-01")
    assert SinceFilterPipeline.from_crawler(crawler).process_item(item) is item


def test_older_articles_are_dropped_and_newer_or_undated_kept(crawler_factory):
    crawler = crawler_factory(since="2026-11-20")
    since = SinceFilterPipeline.from_crawler(crawler)
    assert since.process_item(make_article(published_at="2026-11-20T00:10:00+08:00"))
    assert since.process_item(make_article(published_at="2026-11-21"))
    assert since.process_item(make_article(published_at=None))
    with pytest.raises(ArticleDropped):
        since.process_item(make_article(published_at="2026-11-19T23:59:59+08:00"))
    assert crawler.stats.get_value("news/dropped/older_than_since") == 1
    assert crawler.stats.get_value("news/since/undated") == 1
