"""临江市新闻网 (Linjiang City News), a fictional city news portal on TRS WCM — the TRS family's example.

Not a real site (``linjiang.example``): its saved pages in
``tests/fixtures/example_trs/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    本地新闻 ``/xwzx/bdxw/index.html`` → ``index_1.html`` … (``createPageHTML`` script pager).
Quirks
    The list mixes in a video-platform link (``v.linjiang.example``), which the
    family's URL rule leaves out; the ranking on the right repeats articles; the
    ``责任编辑`` line sits after the ``TRS_Editor`` text (the generic rules read it).
Dates
    Listings ``2026-11-20``; articles ``发布时间：2026-11-20 08:46`` and ``PubDate`` meta, Beijing time.
"""

from crawler.spiders.families.trs import TrsSpider


class ExampleTrsSpider(TrsSpider):
    name = "example_trs"
    site_name = "临江市新闻网"
    start_urls = ["http://www.linjiang.example/xwzx/bdxw/index.html"]
    crawl_all = False
