"""The zjol "/system/" CMS: old 浙江在线 and its county sub-sites, and portals built on the same system.

Articles
    ``/[<site>/]system/YYYY/MM/DD/0NNNNNNNN.shtml`` (a nine-digit, ever
    increasing id; ``_01`` continuation pages are not listed); headline in
    ``div.contTit`` or ``div.artTitle``, text in ``div.contTxt``; the date,
    source, author and editor in the ``*_baidu`` spans (``#pubtime_baidu``
    ``2020年05月09日 21:22:03``, ``#source_baidu`` ``来源：…``,
    ``#author_baidu`` ``作者：…``, ``#editor_baidu`` ``编辑：…``). Many pages
    are GBK. The URL date can be days before the date shown.
Listings
    Channel directories (``/lxnews/lxxw/``) with ``下一页`` links, read
    generically.
"""

import re

from crawler.spiders.families.family import CmsSpider


class ZjolSpider(CmsSpider):
    family = "zjol /system/"
    article_url = re.compile(r"/system/(?:19|20)\d{2}/\d{2}/\d{2}/\d{6,}\.s?html?$")
    markers = ((re.compile(r"id=[\"']?(?:pubtime|source|author|editor)_baidu"), "*_baidu date and credit spans"),)
    selectors = {
        "title": ["div.contTit", "div.artTitle"],
        "published": "#pubtime_baidu",
        "source": "#source_baidu",
        "byline": "#author_baidu",
        "editors": "#editor_baidu",
        "body": "div.contTxt",
    }
