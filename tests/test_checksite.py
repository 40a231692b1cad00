"""``scrapy checksite``: every value with the rule that produced it, the listing's links, and what looks wrong."""

import json
import shutil

import pytest

from crawler.demo.portal import DemoPortal
from crawler.demo.server import DemoServer

from conftest import REPO, run_scrapy

FIXTURES = REPO / "tests" / "fixtures"
BROKEN_SPIDER = '''"""枫溪网 with selectors gone wrong, for the checksite test."""

from crawler.spiders.families.dedecms import DedecmsSpider


class BrokenSpider(DedecmsSpider):
    name = "broken"
    site_name = "枫溪网"
    start_urls = ["http://www.fengxi.example/a/xinwen/list_5_1.html"]
    selectors = {**DedecmsSpider.selectors, "listing": "ul.nope > li", "published": "span.nope", "body": "div.nothing"}
'''
SHORT_FUTURE_ARTICLE = """<html><head><meta charset="utf-8"><title>县里明年通高铁 - 枫溪网</title></head><body>
<div class="title"><h2>县里明年通高铁</h2></div>
<div class="info"><small>时间:</small>2027-06-01 09:00<small>来源:</small>枫溪日报</div>
<div class="content"><p>枫溪高铁站明年建成。</p></div></body></html>"""


def checksite(tmp_path, *args):
    return run_scrapy(["checksite", *args], tmp_path)


def test_a_reviewed_site_shows_every_value_and_its_rule(tmp_path):
    checked = checksite(tmp_path, "example_zjol")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[0] == "example_zjol: 岚溪新闻网 — ExampleZjolSpider, a zjol /system/ site"
    assert "saved pages: tests/fixtures/example_zjol (fetched 2026-11-20T02:05:00+00:00); expected.json reviewed" in lines
    for line in (
        "entries    generic list, links of zjol /system/ article shape only",
        "links      7",
        "    1  http://news.lanxi.example/lxnews/system/2026/11/20/030125471.shtml  [2026-11-20]",
        "next page  http://news.lanxi.example/lxnews/lxxw/index_2.shtml  ← generic pagination",
        'title          岚溪县委常委会召开会议 部署冬春农田水利建设  ← selector title "div.contTit"',
        'published_raw  2026年11月20日 08:12:36  ← selector published "#pubtime_baidu"',
        "published_at   2026-11-20T08:12:36+08:00  ← read from published_raw",
        'authors        叶青, 钱程  ← selector byline "#author_baidu"',
        'editors        孙悦  ← selector editors "#editor_baidu"',
        'source         岚溪日报  ← selector source "#source_baidu"',
        "tags           岚溪, 农田水利  ← metadata",
        "· empty: subtitle, photographers, section, summary, images",
    ):
        assert line in lines, line
    assert lines[-1] == "2 pages, no warnings."


def test_a_spider_gone_wrong_gets_warnings_that_say_where(tmp_path):
    spiders, fixtures = tmp_path / "spiders", tmp_path / "fixtures"
    spiders.mkdir()
    shutil.copytree(FIXTURES / "example_dedecms", fixtures / "broken")
    (spiders / "broken.py").write_text(BROKEN_SPIDER, encoding="utf-8")
    checked = checksite(tmp_path, "broken", "--spiders-dir", str(spiders), "--fixtures-dir", str(fixtures))
    assert checked.returncode == 1
    out = checked.stdout
    for warning in (
        '! selector listing "ul.nope > li" matched nothing',
        "! no article links: give the spider a listing selector (scrapy shell the page to try one)",
        "! links differ from expected.json: 0 new, 5 missing",
        "      - http://www.fengxi.example/a/xinwen/2026/1120/3456.html",
        '! selector published "span.nope" matched nothing',
        '! selector body "div.nothing" matched nothing',
        "! site differs from expected.json: expected 'example_dedecms', now 'broken'",
        "! extracted_by differs from expected.json: published_raw selector → generic, body selector → generic",
    ):
        assert warning in out.splitlines(), warning
    # The generic rules stood in where the selectors failed, and say so.
    assert "published_raw  2026-11-20 09:10  ← generic" in out.splitlines()
    assert out.rstrip().endswith("warnings (lines marked !).")


def test_a_page_file_with_a_future_date_and_a_short_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(SHORT_FUTURE_ARTICLE, encoding="utf-8")
    checked = checksite(tmp_path, "example_dedecms", str(page), "--url", "http://www.fengxi.example/a/xinwen/2026/1120/3460.html")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert "── page.html · article · http://www.fengxi.example/a/xinwen/2026/1120/3460.html" in lines
    assert 'title          县里明年通高铁  ← selector title "div.title h2"' in lines
    assert any(line.startswith("! published_raw '2027-06-01 09:00' is later than the page was fetched (") for line in lines)
    assert "! published_at is empty" in lines
    assert "! the text has only 10 characters: a summary, a caption or the wrong element?" in lines


def test_a_url_is_fetched_politely_and_its_kind_guessed(tmp_path):
    with DemoServer(DemoPortal()) as portal:
        checked = checksite(tmp_path, "demo_county", f"{portal.base_url}/xzdt/list.html?page=1")
        refused = checksite(tmp_path, "demo_county", f"{portal.base_url}/admin/list.html")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert f"── {portal.base_url}/xzdt/list.html?page=1 · listing · {portal.base_url}/xzdt/list.html?page=1" in lines
    assert 'entries    selector listing "ul.news-list > li"' in lines and "links      10" in lines
    assert f"next page  {portal.base_url}/xzdt/list.html?page=2  ← generic pagination" in lines
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"could not fetch {portal.base_url}/admin/list.html: forbidden by the site's robots.txt" in refused.stderr


def test_write_expected_rewrites_it_unreviewed(tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / "example_people", fixtures / "example_people")
    written = checksite(tmp_path, "example_people", "--write-expected", "--fixtures-dir", str(fixtures))
    assert written.returncode == 0, written.stderr
    rewritten = json.loads((fixtures / "example_people" / "expected.json").read_text(encoding="utf-8"))
    reviewed = json.loads((FIXTURES / "example_people" / "expected.json").read_text(encoding="utf-8"))
    assert rewritten["_reviewed"] is False and "scrapy checksite example_people" in rewritten["_review"]
    assert (rewritten["listings"], rewritten["articles"]) == (reviewed["listings"], reviewed["articles"])
    checked = checksite(tmp_path, "example_people", "--fixtures-dir", str(fixtures))
    assert checked.returncode == 1 and "! expected.json is not reviewed" in checked.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["no_such_site"], "no spider named 'no_such_site'; `scrapy list` shows them"),
    (["generic"], "no saved pages in "),
    (["example_zjol", "/no/such/page.html"], "no file /no/such/page.html"),
    (["example_zjol", "http://127.0.0.1:9/x.html", "-s", "RETRY_TIMES=0"],
     "could not fetch http://127.0.0.1:9/x.html: the connection was refused"),
    (["example_zjol", "tests/fixtures/example_zjol/listing.html", "--write-expected"], "--write-expected rewrites"),
])
def test_bad_input_is_one_line(tmp_path, args, message):
    checked = checksite(tmp_path, *args)
    assert checked.returncode == 2
    assert message in checked.stderr and "Traceback" not in checked.stderr
