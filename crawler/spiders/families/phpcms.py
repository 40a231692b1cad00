"""PHPCMS v9 sites: small city portals and county news sites.

Articles
    The URL rules of a PHPCMS install: ``show-<catid>-<id>-<page>.html``,
    ``content-<catid>-<id>-<page>.html``, or dynamic
    ``index.php?m=content&c=index&a=show&catid=<catid>&id=<id>``; the default
    template puts the headline and the info line in ``div#Article h1``
    (``2026-11-20 09:30:00  来源：…  评论：0 点击：`` in its ``span``) and
    the text in ``div#Article div.content``. Assets live under ``/statics/``.
Listings
    ``list-<catid>-<page>.html`` or
    ``index.php?m=content&c=index&a=lists&catid=<catid>&page=<page>`` with a
    ``div#pages`` pager (``下一页``), read generically.
"""

import re

from crawler.spiders.families.family import CmsSpider


class PhpcmsSpider(CmsSpider):
    family = "PHPCMS"
    article_url = re.compile(r"/(?:show|content)-\d+-\d+(?:-\d+)?\.html$|[?&]a=show&catid=\d+&id=\d+")
    markers = (
        (re.compile(r"/statics/(?:js|css|images)/"), "/statics/ assets"),
        (re.compile(r"phpcms", re.IGNORECASE), "PHPCMS name"),
    )
    selectors = {
        "title": "div#Article h1::text",
        "published": "div#Article h1 span",
        "byline": "div#Article h1 span",
        "body": "div#Article div.content",
    }
