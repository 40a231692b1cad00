"""枫溪网 (Fengxi Online), a fictional county portal on DedeCMS — the DedeCMS family's example.

Not a real site (``fengxi.example``): its saved pages in
``tests/fixtures/example_dedecms/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    枫溪新闻 ``/a/xinwen/list_5_1.html`` → ``list_5_2.html`` … (``dede_pages`` pager, ``下一页``).
Quirks
    Each list entry has a picture link and a title link to the same article; the
    recommended and hot boxes on the right link other columns.
Dates
    Listings ``2026-11-20 09:10:35``; articles ``时间:2026-11-20 09:10`` in ``div.info``, Beijing time.
"""

from crawler.spiders.families.dedecms import DedecmsSpider


class ExampleDedecmsSpider(DedecmsSpider):
    name = "example_dedecms"
    site_name = "枫溪网"
    start_urls = ["http://www.fengxi.example/a/xinwen/list_5_1.html"]
    crawl_all = False
