"""白石县人民政府 (Baishi County Government), a fictional county government portal on Hanweb JCMS — that family's example.

Not a real site (``baishi.example``): its saved pages in
``tests/fixtures/example_hanweb/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    部门动态 ``/col/col1229/index.html``: 15 records in the page's datastore, then
    the list proxy ``/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5…``
    (23 records in all).
Quirks
    None beyond the platform's: the list exists only as script data, the article fields
    between ``<!--<$[…]>begin-->`` marks.
Dates
    Listings ``2026-11-20``; articles ``发布日期：2026-11-20 09:12`` and ``PubDate`` meta, Beijing time.
"""

from crawler.spiders.families.hanweb import HanwebSpider


class ExampleHanwebSpider(HanwebSpider):
    name = "example_hanweb"
    site_name = "白石县人民政府"
    start_urls = ["http://www.baishi.example/col/col1229/index.html"]
    crawl_all = False
