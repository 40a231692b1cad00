"""北岭在线 (Beiling Online), a fictional county community portal on Discuz! X — the Discuz family's example.

Not a real site (``beiling.example``): its saved pages in
``tests/fixtures/example_discuz/`` were written for this project after the
platform's markup, and a plain ``scrapy crawlall`` leaves it out.

Listings
    本地新闻 ``portal.php?mod=list&catid=2`` → ``…&page=2`` (``a.nxt`` 下一页).
Quirks
    The hot box on the right mixes portal articles and forum threads; 发布者 on an
    article is the posting account, 原作者 its author and 来自 its source.
Dates
    Listings ``2026-11-20 09:30``; articles the same at the head of the ``p.xg1`` line, Beijing time.
"""

from crawler.spiders.families.discuz import DiscuzSpider


class ExampleDiscuzSpider(DiscuzSpider):
    name = "example_discuz"
    site_name = "北岭在线"
    start_urls = ["http://www.beiling.example/portal.php?mod=list&catid=2"]
    crawl_all = False
