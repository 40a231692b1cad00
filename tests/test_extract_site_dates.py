"""With a site profile that names the publish date, the update date comes from its selector or the page metadata only."""

from datetime import UTC, datetime

from parsel import Selector

from crawler.extract.article import ArticleExtractor

PAGE = """<html><head><title>青溪县召开经济工作会议_青溪新闻网</title>{meta}</head><body>
<h1 class="title">青溪县召开经济工作会议</h1>
<div class="info"><span class="time">2026-11-25 09:32</span> <span class="up">更新时间：2026-11-26 10:00</span></div>
<div class="content"><p>11月25日，青溪县召开经济工作会议，总结今年工作，部署明年任务。会议要求各地各部门抓好项目建设。</p></div>
</body></html>"""
URL = "https://www.qxnews.cn/xw/202611/t20261125_1.html"
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def extract(selectors, meta=""):
    return ArticleExtractor(selectors).extract(Selector(text=PAGE.format(meta=meta)), URL, now=NOW)


def test_visible_update_date_is_not_searched_when_the_profile_names_the_publish_date():
    fields, rules = extract({"published": ".info .time", "body": ".content"})
    assert fields["published_raw"] == "2026-11-25 09:32" and rules["published_raw"] == "selector"
    assert fields.get("updated_raw") is None


def test_metadata_update_date_is_still_used():
    meta = '<meta property="article:modified_time" content="2026-11-26T02:00:00Z">'
    fields, rules = extract({"published": ".info .time", "body": ".content"}, meta)
    assert fields["updated_at"] == "2026-11-26T10:00:00+08:00" and rules["updated_raw"] == "metadata"


def test_an_updated_selector_gives_the_visible_one():
    fields, rules = extract({"published": ".info .time", "updated": ".info .up", "body": ".content"})
    assert fields["updated_raw"] == "更新时间：2026-11-26 10:00" and rules["updated_raw"] == "selector"


def test_without_a_profile_the_visible_update_date_is_found():
    fields, rules = extract({})
    assert fields["updated_at"] == "2026-11-26T10:00:00+08:00"
