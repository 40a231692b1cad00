"""石门日报 (Shimen Daily), the digital edition of a fictional city daily — the digital-newspaper family's example.

Not a real site (``shimen.example``): its saved pages in
``tests/fixtures/example_epaper/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    ``/paperindex.htm`` refreshes to the day's ``html/YYYY-MM/DD/node_1.htm``; ``下一版``
    leads through the issue's pages (four a day).
Quirks
    Article links carry ``?div=-1``; a kicker (引题) sits above the headline; no byline
    line, the reporters are in the first paragraph (本报讯（记者 …）).
Dates
    Only the issue's day: the masthead ``2026年11月20日 星期五`` (and the URL's ``/2026-11/20/``).
"""

from crawler.spiders.families.epaper import EpaperSpider


class ExampleEpaperSpider(EpaperSpider):
    name = "example_epaper"
    site_name = "石门日报"
    start_urls = ["http://epaper.shimen.example/paperindex.htm"]
    crawl_all = False
