"""What every CMS family base spider shares: the family's article URL shape and the marks of its markup.

A family base (``crawler.spiders.families.trs.TrsSpider`` …) is a
``PortalSpider`` with the platform's selectors, pagination and URL rules
filled in, so a site on it is a few lines::

    class LinjiangNewsSpider(TrsSpider):
        name = "linjiang_news"
        site_name = "临江市新闻网"
        start_urls = ["http://www.linjiang.example/xwzx/bdxw/index.html"]

Attributes a family sets
    ``family``: the platform's name, for people; ``article_url``: a compiled
    regex that every article link of the platform matches (searched in the
    whole URL): listing links of other shapes are left out, so sidebars and
    links to other systems of the site are not crawled (a site with other
    article URLs sets ``article_url = None``); ``markers``: ``(regex,
    description)`` pairs that recognise the platform's HTML, and
    ``marker_required`` when the URL shape alone says little (``content_…``
    is used far beyond digital newspapers). ``scrapy newsite`` reads these
    to propose the family for a new site (``crawler.sitekit.detect``).
"""

import re

from crawler.spiders.base import PortalSpider


class CmsSpider(PortalSpider):
    family: str = ""
    article_url: re.Pattern | None = None
    markers: tuple[tuple[re.Pattern, str], ...] = ()
    marker_required: bool = False

    def listing_entries(self, response):
        """The entries of ``page_entries`` whose link has the family's article shape."""
        for link, shown in self.page_entries(response):
            if self.article_url is None or self.article_url.search(link):
                yield link, shown

    def page_entries(self, response):
        """Hook: ``(link, shown date)`` of the page's entries; by default the portal spider's listing entries."""
        return super().listing_entries(response)
