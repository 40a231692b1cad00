"""岚溪新闻网 (Lanxi News), a fictional county news site on the zjol "/system/" CMS — that family's example.

Not a real site (``lanxi.example``): its saved pages in
``tests/fixtures/example_zjol/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    岚溪新闻 ``/lxnews/lxxw/`` → ``index_2.shtml`` … (``下一页`` link).
Quirks
    GBK pages (a gb2312 meta tag, no charset in the HTTP header); the picture box
    and the hot list on the right link articles too.
Dates
    Listings ``[2026-11-20]``; articles ``2026年11月20日 08:12:36`` in ``#pubtime_baidu``, Beijing time.
"""

from crawler.spiders.families.zjol import ZjolSpider


class ExampleZjolSpider(ZjolSpider):
    name = "example_zjol"
    site_name = "岚溪新闻网"
    start_urls = ["http://news.lanxi.example/lxnews/lxxw/"]
    crawl_all = False
