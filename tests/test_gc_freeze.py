import gc

import pytest
from scrapy.exceptions import NotConfigured

from crawler.extensions.gc_freeze import GcFreeze


@pytest.fixture
def gc_state():
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


def test_objects_alive_at_crawl_start_are_frozen_and_collections_made_rarer(crawler_factory, gc_state):
    crawler = crawler_factory(settings={"GC_THRESHOLDS": [5000, 7, 9]})
    extension = GcFreeze.from_crawler(crawler)
    extension.spider_opened(crawler.spider)
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (5000, 7, 9)


def test_closing_the_spider_restores_the_collector(crawler_factory, gc_state):
    before = gc.get_threshold()
    crawler = crawler_factory(settings={"GC_THRESHOLDS": [5000, 7, 9]})
    extension = GcFreeze.from_crawler(crawler)
    extension.spider_opened(crawler.spider)
    extension.spider_closed(crawler.spider)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_project_default_raises_the_young_generation_threshold(crawler_factory, gc_state):
    crawler = crawler_factory()
    GcFreeze.from_crawler(crawler).spider_opened(crawler.spider)
    assert gc.get_threshold() == (10000, 10, 10)


def test_it_can_be_switched_off(crawler_factory):
    with pytest.raises(NotConfigured):
        GcFreeze.from_crawler(crawler_factory(settings={"GC_FREEZE": False}))
