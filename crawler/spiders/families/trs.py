"""TRS WCM (拓尔思) sites: government portals and many newspaper and county media sites.

Articles
    ``/<channel>/YYYYMM/tYYYYMMDD_<docid>.html`` (also ``.htm``, ``.shtml``);
    the body is a ``div.TRS_Editor`` (``div.trs_editor_view``,
    ``td#td_DocContent`` in older templates); the head carries the government
    site metadata (``ArticleTitle``, ``PubDate``, ``ContentSource``,
    ``ColumnName``), which the generic metadata rules read. The URL date is
    the record's, not always the publish date.
Listings
    ``index.html``, then ``index_1.html``, ``index_2.html`` … (page 2 is
    ``index_1``); the pager is only a ``createPageHTML(total, current,
    "index", "html")`` script, read by ``crawler.extract.pagination``. List
    markup is each site's own template: the main list is found generically.
"""

import re

from crawler.spiders.families.family import CmsSpider


class TrsSpider(CmsSpider):
    family = "TRS WCM"
    article_url = re.compile(r"/t(?:19|20)\d{6}_\d+\.s?html?$")
    markers = (
        (re.compile(r"createPageHTML\s*\("), "createPageHTML pager script"),
        (re.compile(r"TRS_Editor|trs_editor_view", re.IGNORECASE), "TRS_Editor body"),
    )
    selectors = {"body": ["div.TRS_Editor", "div.trs_editor_view", "td#td_DocContent"]}
