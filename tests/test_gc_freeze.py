import gc

import pytest
from scrapy.exceptions import NotConfigured

from crawler.extensions.gc_freeze import GcFreeze


def test_objects_alive_at_crawl_start_are_frozen(crawler_factory):
    crawler = crawler_factory()
    gc.unfreeze()
    try:
        GcFreeze.from_crawler(crawler).spider_opened(crawler.spider)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_it_can_be_switched_off(crawler_factory):
    with pytest.raises(NotConfigured):
        GcFreeze.from_crawler(crawler_factory(settings={"GC_FREEZE": False}))
