"""青溪新闻网 (Qingxi News), the Qingxi County Media Centre portal — the bundled demo site.

A fictional county portal served by ``scrapy demo`` on 127.0.0.1 (``crawler.demo``),
built to behave like a real 融媒体中心 site; crawl it by hand with
``scrapy demo --serve`` and ``scrapy crawl demo_county -a base_url=URL``.

Listings
    青溪要闻 ``/xwzx/qxyw/index.html`` → ``index_1.html`` → ``index_2.html`` (TRS:
    the pager is only a ``createPageHTML(3, 0, "index", "html")`` script);
    乡镇动态 ``/xzdt/list.html?page=N`` (``下一页`` link);
    民生关注 ``/msgz/list_1.htm`` → ``list_2.htm`` (old CMS, GBK).
Quirks
    民生关注 is GBK with a gb2312 meta tag but ``charset=utf-8`` in the HTTP
    header (the charset middleware fixes it) and an older table template;
    credit lines (编辑, 责任编辑, 来源, ``(记者 …)``) sit at the end of the
    content; the sidebar hot list links articles with ``spm``/``from``
    tracking parameters; one 江南日报 story is republished in two sections.
Dates
    Listings: ``3小时前``, ``昨天 10:20``, ``11-20``, ``2026-11-20``, ``[2026-11-20]``.
    Articles: ``2026-11-25 09:32:10``, ``发布时间：2026年11月25日 09:32``,
    ``发布时间：2026-11-25 09:32``, a bare ``2026-11-11`` on a few; Beijing time.
"""

from crawler.spiders.base import PortalSpider


class DemoCountySpider(PortalSpider):
    name = "demo_county"
    site_name = "青溪新闻网"
    base_url = "http://127.0.0.1:8355"
    start_urls = {
        "/xwzx/qxyw/index.html": "青溪要闻",
        "/xzdt/list.html?page=1": "乡镇动态",
        "/msgz/list_1.htm": "民生关注",
    }
    timezone = "Asia/Shanghai"
    languages = ["zh"]
    selectors = {
        "listing": "ul.news-list > li",
        "listing_date": "span.date::text",
        "title": ["h1.article-title", "td.title"],
        "subtitle": ["h2.article-subtitle", "td.subtitle"],
        "published": ["div.article-info span.time", "span#pubtime_baidu"],
        "source": ["div.article-info span.source", "span#source_baidu"],
        "byline": ["div.article-info span.author", "span#author_baidu"],
        "section": ["div.location a:last-of-type::text", "table.position a:last-of-type::text"],
        "body": ["div.article-content", "div#ozoom"],
        "body_drop": ["div.video-box"],
    }
