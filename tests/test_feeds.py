"""The feed's JSON Lines exporter: the same lines as Scrapy's, written faster."""

import io
import json

from scrapy.exporters import JsonLinesItemExporter

from crawler import settings as project_settings
from crawler.feeds import ArticleJsonLinesExporter
from pipelines.clean import CleanPipeline
from tests.conftest import make_article


def exported(exporter_class, items, **options) -> bytes:
    file = io.BytesIO()
    exporter = exporter_class(file, encoding="utf-8", **options)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return file.getvalue()


def cleaned_articles():
    clean = CleanPipeline()
    return [
        clean.process_item(make_article()),
        clean.process_item(make_article(url="https://news.example.cn/xw/202611/t20261125_1002.html", title="第二篇\t稿件",
                                        images=[{"url": "https://news.example.cn/a.jpg", "caption": "记者 梁臻 摄"}])),
    ]


def test_lines_are_byte_for_byte_scrapys_for_the_project_field_list():
    fields = list(project_settings.FEED_EXPORT_FIELDS)
    ours = exported(ArticleJsonLinesExporter, cleaned_articles(), fields_to_export=fields)
    assert ours == exported(JsonLinesItemExporter, cleaned_articles(), fields_to_export=fields)
    lines = ours.decode("utf-8").splitlines()
    assert [list(json.loads(line)) for line in lines] == [fields, fields]
    assert "青溪县新增学位3000个" in lines[0]  # real characters, no \\u escapes
    assert json.loads(lines[1])["images"] == [{"url": "https://news.example.cn/a.jpg", "caption": "记者 梁臻 摄"}]


def test_fields_missing_from_an_item_are_left_out_unless_empty_fields_are_exported():
    item = make_article()
    fields = ["url", "title", "subtitle"]
    assert json.loads(exported(ArticleJsonLinesExporter, [item], fields_to_export=fields)) == {
        "url": item["url"], "title": item["title"]}
    assert json.loads(exported(ArticleJsonLinesExporter, [item], fields_to_export=fields, export_empty_fields=True)) == {
        "url": item["url"], "title": item["title"], "subtitle": None}


def test_a_field_mapping_renames_fields_as_scrapys_does():
    item = make_article()
    mapping = {"url": "link", "title": "headline"}
    assert exported(ArticleJsonLinesExporter, [item], fields_to_export=mapping) == exported(
        JsonLinesItemExporter, [item], fields_to_export=mapping)
    assert json.loads(exported(ArticleJsonLinesExporter, [item], fields_to_export=mapping)) == {
        "link": item["url"], "headline": item["title"]}
