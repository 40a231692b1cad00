"""Digital newspapers (数字报, the node/content layout often attributed to Founder 翔宇).

Entry
    ``paperindex.htm`` refreshes (``<meta http-equiv="refresh">``, which
    Scrapy follows) to today's first page ``html/YYYY-MM/DD/node_1.htm``.
Listings
    Each page of the paper (版面) is a ``node_N.htm``: its articles are the
    ``content_<id>.htm`` links of the title list (``ul.main-ed-articlenav-list``
    in newer templates, a table in older ones) and of the page picture's
    image map (``<area href>`` in ``map#PagePicMap``), every one taken once;
    the other pages are ``a#pageLink`` links, and ``下一版`` leads to the next
    one, which is how this spider goes through the whole issue.
Articles
    ``content_<id>.htm`` (``?div=-1`` in some links), headline in
    ``td.font01`` or ``.main-article-title``, text in ``div#ozoom`` or
    ``.main-article-content``. The date is the issue's, in the directory
    (``/2026-11/20/``) and on the page's masthead line.
"""

import re

from crawler.spiders.families.family import CmsSpider
from crawler.spiders.links import page_link


class EpaperSpider(CmsSpider):
    family = "digital newspaper"
    article_url = re.compile(r"/content_\d+(?:_\d+)?\.html?(?:\?div=-?\d+)?$")
    markers = (
        (re.compile(r"PagePicMap|id=[\"']?pageLink|main-ed-articlenav"), "page map and page links"),
        (re.compile(r"paperindex\.htm|node_\d+\.htm"), "node_ pages"),
    )
    marker_required = True
    selectors = {
        "title": ["td.font01", ".main-article-title"],
        "subtitle": [".main-article-subtitle"],
        "body": ["div#ozoom", ".main-article-content"],
    }

    def page_entries(self, response):
        """Every link of the page and its image map, in page order (the family's URL shape keeps the articles)."""
        for href in response.xpath("//a/@href | //area/@href").getall():
            if link := page_link(response, href):
                yield link, None
