import json

import jsonschema
import pytest

from crawler.items import ARTICLE_FIELDS, ARTICLE_SCHEMA, SCHEMA_PATH
from pipelines.clean import CleanPipeline
from pipelines.drops import ArticleDropped
from pipelines.validate import ValidatePipeline

from conftest import make_article


def test_schema_is_a_valid_json_schema_and_items_follow_it():
    jsonschema.Draft7Validator.check_schema(json.loads(SCHEMA_PATH.read_text()))
    assert set(ARTICLE_FIELDS) == set(ARTICLE_SCHEMA["properties"])


def validated(crawler, **fields):
    item = CleanPipeline().process_item(make_article(**fields))
    item["published_at"] = fields.get("published_at", "2026-11-25T09:32:10+08:00")
    return ValidatePipeline.from_crawler(crawler).process_item(item)


def test_a_complete_article_passes(crawler_factory):
    item = validated(crawler_factory())
    assert item["title"] == "青溪县新增学位3000个"


def test_a_day_only_date_is_valid(crawler_factory):
    assert validated(crawler_factory(), published_at="2026-11-25")["published_at"] == "2026-11-25"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "   "}, "title"),
        ({"body": ""}, "body"),
        ({"published_at": "2026-11-25 09:32"}, "published_at"),
        ({"published_at": "2026-11-25T09:32:10"}, "published_at"),
        ({"url": "ftp://news.example.cn/a.html"}, "url"),
        ({"site": "Bad Name"}, "site"),
    ],
)
def test_an_invalid_article_is_dropped_with_its_reason_counted(crawler_factory, fields, field):
    crawler = crawler_factory()
    with pytest.raises(ArticleDropped) as dropped:
        validated(crawler, **fields)
    assert dropped.value.reason == "invalid"
    assert crawler.stats.get_value("news/dropped/invalid") == 1
    assert crawler.stats.get_value(f"news/invalid/{field}") == 1
