"""One spider per site; the file name is the spider name.

Base classes live in ``base`` (``PortalSpider``) and, for the CMS platforms
many local portals share, in ``families`` (a site on one is a few lines);
``example_<family>`` are fictional sites on each family, left out of a plain
``scrapy crawlall``. ``scrapy newsite NAME URL`` writes a new site's spider
and saved pages, ``scrapy checksite NAME`` shows what it gets from them
(docs/adding-a-site.md).
"""
