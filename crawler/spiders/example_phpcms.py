"""云岭在线 (Yunling Online), a fictional county news portal on PHPCMS v9 — the PHPCMS family's example.

Not a real site (``yunling.example``): its saved pages in
``tests/fixtures/example_phpcms/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    本地新闻 ``/list-12-1.html`` → ``list-12-2.html`` … (``div#pages`` pager, ``下一页``).
Quirks
    The headline, date and source share the ``h1`` of ``div#Article``; the column's
    ranking box on the right links other articles.
Dates
    Listings ``2026-11-20``; articles ``2026-11-20 09:30:00`` in the headline's ``span``, Beijing time.
"""

from crawler.spiders.families.phpcms import PhpcmsSpider


class ExamplePhpcmsSpider(PhpcmsSpider):
    name = "example_phpcms"
    site_name = "云岭在线"
    start_urls = ["http://www.yunling.example/list-12-1.html"]
    crawl_all = False
