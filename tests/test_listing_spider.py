"""The listing side of the portal spiders: generic discovery, the seen-store, ``since``, gone links, pagination stops."""

import re
from datetime import date, timedelta

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.extensions.seen_state import SeenState
from crawler.spiders.base import PortalSpider, SpiderArgumentError
from crawler.spiders.demo_county import DemoCountySpider
from crawler.spiders.generic import GenericSpider, site_name
from crawler.urls import url_id
from evaluation.eval_listing import FIXTURES

from conftest import run_scrapy

TRS_URL = "http://www.qxx.gov.cn/xwzx/zwdt/index.html"


def listing_response(url: str = TRS_URL, name: str = "trs_index_createpagehtml.html") -> HtmlResponse:
    return HtmlResponse(url, body=(FIXTURES / name).read_bytes(), request=Request(url))


def crawl_page(spider, response, page: int = 1):
    """The requests ``parse`` yields: (article links, next page link or None)."""
    requests = list(spider.parse(response, page=page, section="政务动态"))
    articles = [r.url for r in requests if r.callback == spider.parse_article]
    pages = [r.url for r in requests if r.callback == spider.parse]
    return articles, (pages[0] if pages else None)


def stat(spider, name):
    return spider.crawler.stats.get_value(name)


@pytest.fixture
def generic(crawler_factory):
    return crawler_factory(spidercls=GenericSpider, start_url=TRS_URL).spider


def test_generic_spider_is_named_after_the_host_and_starts_from_its_urls(crawler_factory):
    spider = crawler_factory(
        spidercls=GenericSpider, start_url=f"{TRS_URL}, http://www.qxx.gov.cn/xzdt/index.html",
        feed_url="http://rss.qxx.gov.cn/zwdt.xml",
    ).spider
    assert spider.name == "qxx_gov_cn" == site_name(TRS_URL)
    assert spider.allowed_domains == ["rss.qxx.gov.cn", "www.qxx.gov.cn"]
    assert [url for url, _ in spider.listing_pages()] == [TRS_URL, "http://www.qxx.gov.cn/xzdt/index.html"]
    assert spider.extractor.selectors == {}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "start_url is required"),
        ({"start_url": "www.qxx.gov.cn/xwzx/"}, "start_url must be http(s) URLs"),
        ({"start_url": TRS_URL, "feed_url": "ftp://x/rss"}, "feed_url must be http(s) URLs"),
        ({"start_url": TRS_URL, "since": "yesterday"}, "since must be a date"),
        ({"start_url": TRS_URL, "timezone": "Europe/Bonn"}, "timezone must be a time zone name such as Europe/Berlin"),
        ({"start_url": TRS_URL, "languages": "de,english"}, "languages must be language codes separated by commas"),
        ({"feed_url": "http://rss.qxx.gov.cn/zwdt.xml", "timezone": "UTC+8"}, "timezone must be a time zone name"),
    ],
)
def test_generic_spider_arguments_are_checked(arguments, message):
    with pytest.raises(SpiderArgumentError, match=re.escape(message)):
        GenericSpider.check_arguments(**arguments)


def test_a_bad_argument_is_one_line_on_the_command_line(tmp_path):
    result = run_scrapy(["crawl", "generic", "-a", "start_url=www.qxx.gov.cn"], tmp_path, timeout=60)
    assert result.returncode != 0
    assert "start_url must be http(s) URLs separated by commas, not 'www.qxx.gov.cn'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("arguments", "zone", "languages"),
    [
        ({"start_url": TRS_URL}, "Asia/Shanghai", ["zh"]),
        ({"start_url": "https://www.kreisbote.example.de/lokales/"}, "Europe/Berlin", ["de"]),
        ({"start_url": "https://millbrookgazette.com/local/"}, "Asia/Shanghai", ["zh"]),  # .com says nothing
        ({"start_url": "https://millbrookgazette.com/local/", "timezone": "America/Chicago", "languages": "en"},
         "America/Chicago", ["en"]),
        ({"start_url": "https://www.ville.example.fr/actualites", "languages": "FR, en"}, "Europe/Paris", ["fr", "en"]),
    ],
)
def test_generic_spider_reads_dates_in_the_site_zone_and_languages(crawler_factory, arguments, zone, languages):
    spider = crawler_factory(spidercls=GenericSpider, **arguments).spider
    assert (spider.timezone, spider.zone.key, spider.languages) == (zone, zone, languages)


def test_a_site_spider_keeps_its_zone_and_languages_unless_told_others(crawler_factory):
    assert crawler_factory(spidercls=DemoCountySpider).spider.languages == DemoCountySpider.languages
    spider = crawler_factory(spidercls=DemoCountySpider, timezone="Asia/Taipei", languages="zh,en").spider
    assert (spider.timezone, spider.zone.key, spider.languages) == ("Asia/Taipei", "Asia/Taipei", ["zh", "en"])


@pytest.mark.parametrize(
    ("start_url", "arguments", "language"),
    [
        ("https://millbrookgazette.com/local/", {}, "en"),  # .com: the page's <html lang>
        ("https://millbrookgazette.com/local/", {"languages": "fr"}, "fr"),  # told
        ("https://www.kreisbote.example.de/lokales/", {}, "de"),  # the country's, over the page's
    ],
)
def test_a_generic_article_s_language(crawler_factory, start_url, arguments, language):
    url = start_url + "county-board-approves-budget"
    body = (
        b"<html lang='en'><head><title>County board approves budget</title></head><body><article><h1>County board"
        b" approves budget</h1><p>The county board approved next year's budget on Monday night by a wide margin.</p>"
        b"</article></body></html>"
    )
    spider = crawler_factory(spidercls=GenericSpider, start_url=start_url, **arguments).spider
    (article,) = spider.parse_article(HtmlResponse(url, body=body, request=Request(url), encoding="utf-8"))
    assert article["language"] == language


def test_generic_articles_are_in_the_site_language_and_zone(crawler_factory):
    url = "https://www.kreisbote.example.de/lokales/kreistag-beschliesst-haushalt-2027"
    body = (
        "<html><head><title>Kreistag beschließt Haushalt 2027</title></head><body><article>"
        "<h1>Kreistag beschließt Haushalt 2027</h1><p class='date'>24.11.2026, 18:05 Uhr</p>"
        "<p>Mit großer Mehrheit hat der Kreistag am Montagabend den Haushalt für das kommende Jahr verabschiedet."
        " Größter Posten bleibt die Sanierung der Schulen im ganzen Landkreis, gefolgt von den Straßen.</p>"
        "</article></body></html>"
    ).encode()
    spider = crawler_factory(spidercls=GenericSpider, start_url="https://www.kreisbote.example.de/lokales/").spider
    (article,) = spider.parse_article(HtmlResponse(url, body=body, request=Request(url), encoding="utf-8"))
    assert article["language"] == "de"
    assert article["published_raw"].startswith("24.11.2026")


def test_generic_listing_follows_every_article_and_the_next_page(generic):
    articles, next_page = crawl_page(generic, listing_response())
    assert len(articles) == 15 and articles[0] == "http://www.qxx.gov.cn/xwzx/zwdt/202611/t20261125_4567890.html"
    assert next_page == "http://www.qxx.gov.cn/xwzx/zwdt/index_1.html"
    assert stat(generic, "news/listing_pages") == 1


def test_known_links_are_not_followed_and_a_fully_known_page_ends_the_list(generic):
    store = SeenState.store_for(generic.crawler)
    articles, _ = crawl_page(generic, listing_response())
    store.add("url", [url_id(link) for link in articles[:5]])
    fresh, next_page = crawl_page(generic, listing_response())
    assert fresh == articles[5:] and next_page
    store.add("url", [url_id(link) for link in articles[5:]])
    assert crawl_page(generic, listing_response()) == ([], None)
    assert stat(generic, "news/pagination/stopped/all_known") == 1
    assert stat(generic, "news/listing/known") == 5 + 15


def test_since_skips_older_entries_and_ends_the_list_at_the_first_older_one(crawler_factory):
    spider = crawler_factory(spidercls=GenericSpider, start_url=TRS_URL, since="2026-11-21").spider
    articles, next_page = crawl_page(spider, listing_response())
    assert [link.split("/t")[1][:8] for link in articles] == ["20261125"] * 2 + ["20261124"] * 2 + ["20261123"] * 2 + ["20261122"] * 2 + ["20261121"] * 2
    assert next_page is None
    assert stat(spider, "news/listing/older_than_since") == 5
    assert stat(spider, "news/pagination/stopped/older_than_since") == 1


@pytest.mark.parametrize(
    ("name", "url", "since", "kept"),
    [
        ("typo3_news_de_page2.html", "https://www.talheimer-kreisbote.de/aktuelles/page-2", "2026-11-22", 3),  # 24.11.2026
        ("drupal_actualites_fr.html", "https://www.saint-aubin-sur-loire.fr/actualites", "2026-11-21", 3),  # 25 novembre
        ("joomla_noticias_es.html", "https://www.villanuevadelrio.es/index.php/noticias", "2026-11-19", 3),  # 24 Noviembre
        ("gemeente_nieuws_nl.html", "https://www.westerveen.nl/nieuws", "2026-11-19", 3),  # inside the link
    ],
)
def test_since_reads_the_dates_listings_of_other_languages_show(crawler_factory, name, url, since, kept):
    spider = crawler_factory(spidercls=GenericSpider, start_url=url, since=since).spider
    articles, next_page = crawl_page(spider, listing_response(url, name))
    assert len(articles) == kept and next_page is None
    assert stat(spider, "news/pagination/stopped/older_than_since") == 1


def test_since_reads_relative_dates_of_other_languages(crawler_factory):
    url = "https://www.kreisbote.example.de/lokales/"
    shown = ["vor 2 Stunden", "vor 5 Stunden", "vor 3 Tagen", "vor 4 Tagen"]
    items = "".join(
        f'<li><a href="/lokales/kreistag-beraet-ueber-den-haushalt-teil-{n}">Kreistag berät über den Haushalt, Teil {n}</a>'
        f" <span>{text}</span></li>"
        for n, text in enumerate(shown)
    )
    body = f'<html><body><ul class="news">{items}</ul><a href="/lokales/seite-2">Nächste Seite</a></body></html>'.encode()
    since = (date.today() - timedelta(days=1)).isoformat()  # the two-hour-old entries are newer, whatever the hour
    spider = crawler_factory(spidercls=GenericSpider, start_url=url, since=since).spider
    articles, next_page = crawl_page(spider, HtmlResponse(url, body=body, request=Request(url)))
    assert [link.rsplit("-", 1)[1] for link in articles] == ["0", "1"] and next_page is None
    assert stat(spider, "news/listing/older_than_since") == 2


def test_max_pages_ends_the_list(crawler_factory):
    spider = crawler_factory(spidercls=GenericSpider, start_url=TRS_URL, max_pages="2").spider
    assert crawl_page(spider, listing_response(), page=1)[1]
    assert crawl_page(spider, listing_response(), page=2)[1] is None
    assert stat(spider, "news/pagination/stopped/max_pages") == 1


def test_an_article_link_that_is_gone_is_not_asked_for_again(generic):
    articles, _ = crawl_page(generic, listing_response())
    dead = Request(articles[0], meta={"redirect_urls": [articles[0] + "?from=rss"]})
    failure = Failure(HttpError(HtmlResponse(dead.url, status=404, request=dead), "Ignoring non-200 response"))
    failure.request = dead
    generic.article_fetch_failed(failure)
    assert stat(generic, "news/listing/gone_recorded") == 1
    assert stat(generic, "news/fetch_failed/http_404") == 1
    again, _ = crawl_page(generic, listing_response())
    assert again == articles[1:]


def test_a_server_error_is_not_taken_for_gone(generic):
    articles, _ = crawl_page(generic, listing_response())
    request = Request(articles[0])
    failure = Failure(HttpError(HtmlResponse(request.url, status=503, request=request), "Ignoring non-200 response"))
    failure.request = request
    generic.article_fetch_failed(failure)
    assert crawl_page(generic, listing_response())[0] == articles


class SelectorSpider(PortalSpider):
    """示例新闻网: listing selectors given; never crawled."""

    name = "selector_example"
    start_urls = [TRS_URL]
    selectors = {"listing": "ul.list-con > li", "listing_date": "span::text"}


def test_a_site_with_listing_selectors_uses_them(crawler_factory):
    spider = crawler_factory(spidercls=SelectorSpider).spider
    response = listing_response()
    entries = list(spider.listing_entries(response))
    assert len(entries) == 15 and entries[0][1] == "2026-11-25"
    assert spider.next_page(response) == "http://www.qxx.gov.cn/xwzx/zwdt/index_1.html"


def test_links_no_crawler_can_follow_are_left_out_by_listing_selectors(crawler_factory):
    spider = crawler_factory(spidercls=SelectorSpider).spider
    items = (
        '<li><a href="http://[www.qxx.gov.cn/1.html">链接写错</a><span>2026-11-25</span></li>'
        '<li><a href="mailto:xwzx@qxx.gov.cn">信箱</a><span>2026-11-25</span></li>'
        '<li><a href="/xwzx/zwdt/202611/t20261125_1.html">县政府召开常务会议</a><span>2026-11-25</span></li>'
    )
    body = f'<html><body><ul class="list-con">{items}</ul></body></html>'.encode()
    response = HtmlResponse(TRS_URL, body=body, request=Request(TRS_URL))
    assert list(spider.listing_entries(response)) == [("http://www.qxx.gov.cn/xwzx/zwdt/202611/t20261125_1.html", "2026-11-25")]


def test_a_page_without_a_list_ends_it_with_a_warning(generic, caplog):
    empty = HtmlResponse(TRS_URL, body="<html><body><p>栏目建设中</p></body></html>".encode(), request=Request(TRS_URL))
    assert crawl_page(generic, empty) == ([], None)
    assert stat(generic, "news/pagination/stopped/empty") == 1
    assert "No article entries on listing page" in caplog.text
