"""DedeCMS (织梦) sites: city and county portals, many of them small.

Articles
    ``{typedir}/{Y}/{M}{D}/{aid}.html`` by default, with ``typedir`` under
    ``/a/`` (``/a/xinwen/2026/1120/3456.html``), or ``{typedir}/{Y}{M}/{aid}.html``;
    the default template puts the headline in ``div.title h2``, a ``div.info``
    line of labelled values (``<small>时间:</small>2026-11-20 09:30
    <small>来源:</small>… <small>作者:</small>… <small>点击:</small>`` with a
    ``/plus/count.php`` counter script) and the text in ``div.content``.
Listings
    ``{typedir}/list_<tid>_<page>.html`` with a ``div.dede_pages`` pager
    (``下一页``), read generically.
"""

import re

from crawler.spiders.families.family import CmsSpider

INFO_VALUE = "//div[contains(@class, 'info')]/small[contains(., '{}')]/following-sibling::text()[1]"


class DedecmsSpider(CmsSpider):
    family = "DedeCMS"
    article_url = re.compile(r"/a/(?:[\w-]+/)*(?:(?:19|20)\d{2}/\d{4}|(?:19|20)\d{4})/\d+\.html$")
    markers = (
        (re.compile(r"/plus/count\.php\?"), "/plus/count.php counter"),
        (re.compile(r"dede_pages|/templets/", re.IGNORECASE), "DedeCMS template names"),
    )
    selectors = {
        "title": ["div.title h2", "div.title h1"],
        "published": INFO_VALUE.format("时间"),
        "source": INFO_VALUE.format("来源"),
        "authors": INFO_VALUE.format("作者"),
        "body": "div.content",
    }
