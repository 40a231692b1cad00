"""Multi-page articles: the link to an article's next page.

Portals cut long articles into pages (``…-31140123.html`` → ``…-31140123-2.html``,
``t20190917_123.html`` → ``t20190917_123_2.html``, ``?page=2``) and print a
pager at the end of the text: ``【1】【2】【3】``, ``上一页 1 2 下一页``,
``余下全文``. ``next_page_url`` finds, in the article's content element and
the few elements after it, a link that says next (下一页, 余下全文, Next …) or
is numbered one more than this page, and that leads to another page of the
same article: same host, and a path that is this page's path (without its
own page number) plus a page number, or this path with a ``page``-like query.

``extract_article`` returns it as ``next_page_url`` (not a field of the
article record): the body is then the first page's text only.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import parse_qsl, urlsplit

from crawler.extract.text import normalize_space
from crawler.urls import join_url

FOLLOWING_ELEMENTS = 3  # elements after the content searched for its pager
NEXT_TEXT = re.compile(
    r"^[\[【(（]?\s*(?:下一?[页頁]|下[页頁]|余下全文|餘下全文|next(?:\s*page)?|weiter|suivant|siguiente)"
    r"\s*(?:[>›»〉→]|&gt;)*\s*[\]】)）]?$",
    re.IGNORECASE,
)
PAGE_NUMBER_TEXT = re.compile(r"^[\[【(（]?\s*(\d{1,2})\s*[\]】)）]?$")
# A page number at the end of a path's stem: c1004-31140123-2, t20190917_123_2, 516432_s (the rest).
OWN_PAGE = re.compile(r"[-_](?:\d{1,2}|s|all)$")
PAGE_IN_PATH = re.compile(r"[-_](\d{1,2})$")
PAGE_QUERY = re.compile(r"^(?:p|pg|page|pageno|pagenum|page_?index|pn|seite|start)$", re.IGNORECASE)


def _stem(path: str) -> str:
    """The path without its extension (``/a/b-2.html`` → ``/a/b-2``)."""
    return path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path.rstrip("/")


def _current_page(url: str) -> int:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if PAGE_QUERY.match(key) and value.isdigit():
            return int(value)
    found = PAGE_IN_PATH.search(_stem(parts.path))
    return int(found[1]) if found else 1


def _another_page(link: str, url: str) -> bool:
    """Is ``link`` another page of the article at ``url``?"""
    here, there = urlsplit(url), urlsplit(link)
    if here.netloc != there.netloc or link.split("#", 1)[0] == url.split("#", 1)[0]:
        return False
    if here.path == there.path:
        return any(PAGE_QUERY.match(key) for key, _ in parse_qsl(there.query))
    return there.path.startswith(OWN_PAGE.sub("", _stem(here.path))) and OWN_PAGE.search(_stem(there.path)) is not None


def next_page_url(content, url: str | None) -> str | None:
    """The absolute URL of the next page of the article whose text is the element ``content``, or None."""
    if not url:
        return None
    anchors = list(content.iter("a"))
    for sibling in islice(content.itersiblings(), FOLLOWING_ELEMENTS):
        if isinstance(sibling.tag, str):
            anchors.extend(sibling.iter("a"))
    wanted = _current_page(url) + 1
    for anchor in anchors:
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#")):
            continue
        text = normalize_space("".join(anchor.itertext()))
        number = PAGE_NUMBER_TEXT.match(text)
        if NEXT_TEXT.match(text) or (number and int(number[1]) == wanted):
            link = join_url(url, href)
            if link and _another_page(link, url):
                return link
    return None
