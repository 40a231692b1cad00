"""Sitemaps (news sitemaps too) and RSS/Atom feeds as entry points: the seen-store and ``since`` apply there too."""

import gzip

import pytest
from scrapy.http import Request, Response, TextResponse, XmlResponse

from crawler.extensions.seen_state import SeenState
from crawler.spiders.base import PortalSpider
from crawler.spiders.feeds import feed_entries
from crawler.urls import url_id

SITE = "http://www.qxnews.cn"


class FeedSpider(PortalSpider):
    """青溪新闻网 through its sitemaps and feeds; never crawled."""

    name = "feed_example"
    base_url = SITE
    sitemap_urls = ["/sitemap_index.xml", "/robots.txt"]
    feed_urls = ["/rss/qxyw.xml"]


@pytest.fixture
def spider(crawler_factory):
    return crawler_factory(spidercls=FeedSpider, since="2026-11-20").spider


def xml(url: str, body: str, cls=XmlResponse):
    return cls(url, body=body.encode("utf-8"), request=Request(url), encoding="utf-8")


def urls(requests) -> list[str]:
    return [request.url for request in requests]


URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10582.html</loc><lastmod>2026-11-25T09:32:10+08:00</lastmod></url>
<url><loc>http://www.qxnews.cn/xwzx/qxyw/202611/t20261124_10558.html?spm=zm1033.a.0</loc><lastmod>2026-11-24</lastmod></url>
<url><loc>http://www.qxnews.cn/xwzx/qxyw/202611/t20261119_10509.html</loc><lastmod>2026-11-19</lastmod></url>
<url><loc>http://www.qxnews.cn/xzdt/2026-11/26/content_1182160.htm</loc>
  <news:news><news:publication><news:name>青溪新闻网</news:name><news:language>zh</news:language></news:publication>
  <news:publication_date>2026-11-26T08:15:00+08:00</news:publication_date><news:title>青溪镇新建农贸市场试运营</news:title></news:news></url>
<url><loc>http://www.qxnews.cn/xzdt/2026-10/30/content_1181900.htm</loc>
  <news:news><news:publication_date>2026-10-30T10:00:00+08:00</news:publication_date><news:title>旧闻</news:title></news:news></url>
<url><loc>http://www.qxnews.cn/about.html</loc></url>
</urlset>"""


def test_start_requests_include_the_sitemaps_and_feeds(spider):
    assert urls(spider.entry_point_requests()) == [
        f"{SITE}/sitemap_index.xml", f"{SITE}/robots.txt", f"{SITE}/rss/qxyw.xml",
    ]
    assert spider.allowed_domains == ["www.qxnews.cn"]


def test_a_sitemap_gives_the_new_pages_dated_by_lastmod_or_news_publication_date(spider):
    store = SeenState.store_for(spider.crawler)
    store.add("url", [url_id(f"{SITE}/xwzx/qxyw/202611/t20261125_10582.html")])
    requests = list(spider.parse_sitemap(xml(f"{SITE}/sitemap_news.xml", URLSET)))
    assert urls(requests) == [
        f"{SITE}/xwzx/qxyw/202611/t20261124_10558.html",
        f"{SITE}/xzdt/2026-11/26/content_1182160.htm",
        f"{SITE}/about.html",  # undated: fetched, the since filter of the pipelines decides
    ]
    assert all(request.callback == spider.parse_article for request in requests)
    stats = spider.crawler.stats
    assert stats.get_value("news/sitemap/known") == 1
    assert stats.get_value("news/sitemap/older_than_since") == 2


def test_a_sitemap_index_skips_sitemaps_not_changed_since(spider):
    index = """<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://www.qxnews.cn/sitemap/2026-11.xml.gz</loc><lastmod>2026-11-26</lastmod></sitemap>
    <sitemap><loc>http://www.qxnews.cn/sitemap/2026-10.xml.gz</loc><lastmod>2026-10-31</lastmod></sitemap>
    <sitemap><loc>/sitemap/special.xml</loc></sitemap></sitemapindex>"""
    requests = list(spider.parse_sitemap(xml(f"{SITE}/sitemap_index.xml", index)))
    assert urls(requests) == [f"{SITE}/sitemap/2026-11.xml.gz", f"{SITE}/sitemap/special.xml"]
    assert all(request.callback == spider.parse_sitemap for request in requests)


def test_gzipped_sitemaps_and_robots_txt(spider):
    packed = Response(f"{SITE}/sitemap/2026-11.xml.gz", body=gzip.compress(URLSET.encode()), request=Request(SITE))
    assert len(list(spider.parse_sitemap(packed))) == 4  # the 6 pages less the 2 older than since
    robots = TextResponse(f"{SITE}/robots.txt", body=b"User-agent: *\nDisallow: /admin/\nSitemap: /sitemap_news.xml\n")
    assert urls(spider.parse_sitemap(robots)) == [f"{SITE}/sitemap_news.xml"]


def test_a_page_that_is_not_a_sitemap_is_counted_and_skipped(spider, caplog):
    html = TextResponse(f"{SITE}/sitemap", body="<html><body>首页</body></html>".encode(), encoding="utf-8")
    assert list(spider.parse_sitemap(html)) == []
    assert spider.crawler.stats.get_value("news/sitemap/invalid") == 1
    assert "not a sitemap" in caplog.text


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>青溪要闻</title><link>http://www.qxnews.cn/xwzx/qxyw/</link>
<item><title>青溪县召开冬季安全生产工作部署会</title><link>http://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10582.html</link>
<pubDate>Wed, 25 Nov 2026 09:32:10 +0800</pubDate></item>
<item><title>县委常委会传达学习省委全会精神</title><link> /xwzx/qxyw/202611/t20261121_10530.html </link><dc:date>2026-11-21T08:00:00+08:00</dc:date></item>
<item><title>旧闻</title><guid>http://www.qxnews.cn/xwzx/qxyw/202611/t20261101_10100.html</guid><pubDate>Sun, 01 Nov 2026 10:00:00 +0800</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>青溪日报</title>
<entry><title>县图书馆新馆开放</title><link rel="alternate" href="https://www.qxdaily.cn/2026/11/24/library/"/><link rel="replies" href="https://www.qxdaily.cn/2026/11/24/library/#comments"/>
<published>2026-11-24T08:30:00+08:00</published></entry>
<entry><title>青溪大米获地理标志</title><link href="https://www.qxdaily.cn/2026/11/02/rice/"/><updated>2026-11-02T08:30:00Z</updated></entry>
</feed>"""


def test_feed_entries_of_rss_and_atom():
    assert feed_entries(xml(f"{SITE}/rss/qxyw.xml", RSS)) == [
        (f"{SITE}/xwzx/qxyw/202611/t20261125_10582.html", "Wed, 25 Nov 2026 09:32:10 +0800"),
        (f"{SITE}/xwzx/qxyw/202611/t20261121_10530.html", "2026-11-21T08:00:00+08:00"),
        (f"{SITE}/xwzx/qxyw/202611/t20261101_10100.html", "Sun, 01 Nov 2026 10:00:00 +0800"),
    ]
    served_as_html = xml("https://www.qxdaily.cn/feed/", ATOM, cls=TextResponse)
    assert feed_entries(served_as_html) == [
        ("https://www.qxdaily.cn/2026/11/24/library/", "2026-11-24T08:30:00+08:00"),
        ("https://www.qxdaily.cn/2026/11/02/rice/", "2026-11-02T08:30:00Z"),
    ]


def test_a_feed_gives_the_new_articles_since(spider):
    requests = list(spider.parse_feed(xml(f"{SITE}/rss/qxyw.xml", RSS)))
    assert urls(requests) == [
        f"{SITE}/xwzx/qxyw/202611/t20261125_10582.html", f"{SITE}/xwzx/qxyw/202611/t20261121_10530.html",
    ]
    assert spider.crawler.stats.get_value("news/feed/older_than_since") == 1


def test_links_no_crawler_can_follow_are_left_out_of_feeds_and_sitemaps(spider):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>青溪要闻</title>
<item><title>链接写错</title><link>http://[www.qxnews.cn/xwzx/1.html</link><pubDate>Wed, 25 Nov 2026 09:00:00 +0800</pubDate></item>
<item><title>邮件</title><link>mailto:news@qxnews.cn</link></item>
<item><title>青溪县召开冬季安全生产工作部署会</title><link>/xwzx/qxyw/202611/t20261125_10582.html</link>
<pubDate>Wed, 25 Nov 2026 09:32:10 +0800</pubDate></item></channel></rss>"""
    assert feed_entries(xml(f"{SITE}/rss/qxyw.xml", rss)) == [
        (f"{SITE}/xwzx/qxyw/202611/t20261125_10582.html", "Wed, 25 Nov 2026 09:32:10 +0800"),
    ]
    urlset = """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://[www.qxnews.cn/xwzx/2.html</loc><lastmod>2026-11-25</lastmod></url>
<url><loc>http://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10590.html</loc><lastmod>2026-11-25</lastmod></url></urlset>"""
    assert urls(spider.parse_sitemap(xml(f"{SITE}/sitemap.xml", urlset))) == [
        f"{SITE}/xwzx/qxyw/202611/t20261125_10590.html",
    ]
