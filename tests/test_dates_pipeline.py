"""Tests for pipelines/dates.py: DatesPipeline, and the module as the public home of the parser's functions."""

import logging
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

import pipelines.dates
from crawler.dates import labels, parse, result
from crawler.dates.url import url_date
from pipelines.dates import DatesPipeline


def test_the_parser_functions_are_exported_where_they_are_documented():
    assert pipelines.dates.normalize_date is parse.normalize_date
    assert pipelines.dates.parse_date is parse.parse_date
    assert pipelines.dates.url_date is url_date
    assert pipelines.dates.DateResult is result.DateResult
    assert pipelines.dates.MONTH_NAMES is labels.MONTH_NAMES
    assert pipelines.dates.PUBLISH_LABELS is labels.PUBLISH_LABELS
    assert pipelines.dates.UPDATE_LABELS is labels.UPDATE_LABELS
    assert (pipelines.dates.DEFAULT_TIMEZONE, pipelines.dates.CLOCK_SKEW) == (parse.DEFAULT_TIMEZONE, result.CLOCK_SKEW)
    assert sorted(pipelines.dates.__all__) == [
        "CLOCK_SKEW", "DEFAULT_TIMEZONE", "DateResult", "DatesPipeline", "MONTH_NAMES", "PUBLISH_LABELS",
        "UPDATE_LABELS", "normalize_date", "parse_date", "url_date",
    ]


def make_pipeline(timezone="Asia/Shanghai", languages=None, **spider_attrs):
    if timezone is not None:
        spider_attrs["timezone"] = timezone
    if languages is not None:
        spider_attrs["languages"] = languages
    crawler = SimpleNamespace(settings=Settings(), spider=SimpleNamespace(name="test", **spider_attrs))
    crawler.stats = MemoryStatsCollector(crawler)
    return DatesPipeline.from_crawler(crawler)


def make_item(**fields):
    item = {
        "url": "http://tsxw66.zjol.com.cn/gxxw/system/2020/06/23/032575677.shtml",
        "fetched_at": "2020-06-24T04:00:00+00:00",
        "title": "标题",
    }
    item.update(fields)
    return item


def test_pipeline_sets_published_and_updated():
    pipeline = make_pipeline()
    item = make_item(published_raw="发布时间：2020年06月23日 10:04:00 来源:浙江在线", updated_raw="3小时前")
    assert pipeline.process_item(item) is item
    assert item["published_at"] == "2020-06-23T10:04:00+08:00"
    assert item["updated_at"] == "2020-06-24T09:00:00+08:00"  # fetched 12:00 Shanghai time
    assert pipeline.crawler.stats.get_stats() == {}


def test_pipeline_takes_year_from_item_url():
    pipeline = make_pipeline()
    item = make_item(
        url="http://www.newsxc.com/folder33/folder1740/folder1742/2019-02-13/380812.html",
        published_raw="来源: 作者: 发表时间:02-13 09:33",
    )
    pipeline.process_item(item)
    assert item["published_at"] == "2019-02-13T09:33:00+08:00"


def test_pipeline_keeps_unparsed_items_and_counts_them(caplog):
    pipeline = make_pipeline()
    item = make_item(published_raw="点击数:123", updated_raw="10分钟后")
    with caplog.at_level(logging.WARNING, logger="pipelines.dates"):
        assert pipeline.process_item(item) is item
    assert item["published_at"] is None
    assert item["updated_at"] is None
    assert item["title"] == "标题"
    assert pipeline.crawler.stats.get_stats() == {
        "news/dates/unparsed/published_at": 1,
        "news/dates/unparsed/updated_at": 1,
        "news/dates/unparsed_reason/not_a_date": 1,
        "news/dates/unparsed_reason/future": 1,
    }
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert messages == [
        f"Unparsed published date '点击数:123' on {item['url']}: not_a_date",
        f"Unparsed updated date '10分钟后' on {item['url']}: future",
    ]


def test_pipeline_leaves_spider_set_value_when_raw_is_empty():
    pipeline = make_pipeline()
    item = make_item(published_raw="", published_at="2020-06-01", updated_raw=None, updated_at="2020-06-02T10:00:00+08:00")
    pipeline.process_item(item)
    assert item["published_at"] == "2020-06-01"
    assert item["updated_at"] == "2020-06-02T10:00:00+08:00"
    item = make_item()
    pipeline.process_item(item)
    assert "published_at" not in item and "updated_at" not in item
    assert pipeline.crawler.stats.get_stats() == {}


def test_pipeline_uses_spider_zone_and_languages():
    pipeline = make_pipeline(timezone="Europe/Berlin", languages=["de"])
    item = make_item(published_raw="vor 3 Stunden", updated_raw="2020-06-23T08:00:00Z")
    pipeline.process_item(item)
    assert item["published_at"] == "2020-06-24T03:00:00+02:00"  # fetched 06:00 Berlin time
    assert item["updated_at"] == "2020-06-23T10:00:00+02:00"


def test_pipeline_defaults_without_spider_attributes():
    pipeline = make_pipeline(timezone=None)
    item = make_item(published_raw="2020-06-23T02:04:00Z", updated_raw=["", "昨天 10:04"])
    pipeline.open_spider()
    pipeline.process_item(item)
    assert item["published_at"] == "2020-06-23T10:04:00+08:00"
    assert item["updated_at"] == "2020-06-23T10:04:00+08:00"


def test_pipeline_open_spider_rejects_unknown_zone():
    pipeline = make_pipeline(timezone="Mars/Olympus_Mons")
    with pytest.raises(Exception, match="Mars/Olympus_Mons"):
        pipeline.open_spider()


def test_pipeline_on_the_project_article_item():
    from crawler.items import Article

    pipeline = make_pipeline()
    item = Article(url="https://news.example.cn/xw/202611/t20261125_1001.html", fetched_at="2026-11-25T04:00:00+00:00",
                   published_raw="发布时间：11-25 09:32", updated_raw="共3页")
    assert pipeline.process_item(item) is item
    assert item["published_at"] == "2026-11-25T09:32:00+08:00"  # year from the URL
    assert item["updated_at"] is None
    assert pipeline.crawler.stats.get_value("news/dates/unparsed_reason/not_a_date") == 1
