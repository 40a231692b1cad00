"""Listing pages: the next page of a list.

``find_next_page`` knows the ways portals link the next page of a list:
``rel="next"``, link text (下一页, 下页, 后一页, Next, ›, », >) and the TRS
pager script ``createPageHTML(total, current, "index", "html")`` that
prints ``index.html``, ``index_1.html``, ``index_2.html`` … in the browser
and leaves no link in the HTML.
"""

import re
from urllib.parse import urljoin

from crawler.extract.text import normalize_space

NEXT_TEXTS = {"下一页", "下页", "后一页", "下一页>", "下一页>>", "下一页»", "下一页 >", "next", "next »", "next ›", "›", "»", ">", ">>"}
TRS_PAGER = re.compile(r"createPage(?:HTML)?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*['\"]([\w.-]+)['\"]\s*,\s*['\"](\w+)['\"]")


def _followable(href: str | None) -> bool:
    return bool(href) and not href.strip().lower().startswith(("javascript:", "#", "mailto:"))


def find_next_page(sel, url: str) -> str | None:
    """Absolute URL of the listing's next page, or None on the last page."""
    for href in sel.root.xpath('//link[@rel="next"]/@href | //a[@rel="next"]/@href'):
        if _followable(href):
            return urljoin(url, href.strip())
    for anchor in sel.root.iter("a"):
        href = anchor.get("href")
        if _followable(href) and normalize_space(anchor.text_content()).lower() in NEXT_TEXTS:
            return urljoin(url, href.strip())
    for script in sel.root.xpath("//script[contains(., 'createPage')]/text()"):
        match = TRS_PAGER.search(script)
        if match:
            total, current, prefix, suffix = int(match[1]), int(match[2]), match[3], match[4]
            if current + 1 < total:
                return urljoin(url, f"{prefix}_{current + 1}.{suffix}")
    return None
