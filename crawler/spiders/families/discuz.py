"""Discuz! X portals and local forums (city BBS, 论坛).

Articles
    Portal articles ``portal.php?mod=view&aid=<aid>`` (``article-<aid>-1.html``
    rewritten): headline ``h1.ph``, an info line ``p.xg1`` (``2026-11-20
    09:30| 发布者: …| 查看: …| 评论: …| 原作者: …| 来自: …``), text in
    ``td#article_content``; the page's keywords are only its headline and its
    description ends with `` ,<site name>``: neither is kept. Forum threads ``forum.php?mod=viewthread&tid=``
    (``thread-<tid>-1-1.html``): headline ``#thread_subject``, the first
    floor's time ``em#authorposton<pid>`` (``发表于 2026-11-20 09:30``), its
    text the first ``td.t_f``.
Listings
    Portal lists ``portal.php?mod=list&catid=<catid>`` (``list-<catid>-1.html``)
    and forum lists, with a ``div.pg`` pager (``a.nxt`` 下一页), read
    generically.
"""

import re

from crawler.extract.text import normalize_space
from crawler.spiders.families.family import CmsSpider

SITE_NAME_TAIL = re.compile(r"\s+,[^,，]+$")  # " ,北岭在线" after a portal article's description


class DiscuzSpider(CmsSpider):
    family = "Discuz! X"
    article_url = re.compile(
        r"portal\.php\?mod=view&aid=\d+|/article-\d+-\d+\.html$|forum\.php\?mod=viewthread&tid=\d+|/thread-\d+-1-\d+\.html$"
    )
    markers = ((re.compile(r"discuz_uid|Powered by .{0,80}Discuz!|class=[\"']xg1", re.IGNORECASE), "Discuz! markup"),)
    marker_required = True
    selectors = {
        "title": ["h1.ph", "#thread_subject"],
        "published": ["div.h p.xg1", "(//em[starts-with(@id, 'authorposton')])[1]"],
        "byline": "div.h p.xg1",
        "body": ["td#article_content", "(//td[contains(@class, 't_f')])[1]"],
    }

    def post_process(self, item, response):
        """Drop the headline printed as keywords and the site name after the description."""
        if item.get("tags") == [normalize_space(item.get("title") or "")]:
            item["tags"] = []
            item["extracted_by"].pop("tags", None)
        if item.get("summary"):
            item["summary"] = SITE_NAME_TAIL.sub("", item["summary"])
        return item
