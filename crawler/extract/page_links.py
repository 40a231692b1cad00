"""The links of a page, read once for the listing and pagination rules.

``page_links(root, url)`` walks the parsed page a single time and keeps every
``<a>`` with its ``href`` and its text (whitespace collapsed), the ``<a>`` and
``<link>`` elements that carry a ``rel``, the scripts, and the URL relative
links resolve against (``<base href>`` over the page URL). Hanweb (大汉)
column pages ship their first page of records inside ``<script
type="text/xml">`` as CDATA, which an HTML parser leaves as script text;
those records are parsed and their links kept too, in page order.

Reading the page once, keeping what every rule needs as plain strings, is
what keeps the listing rules fast on big portal pages: each lxml element the
rules touch is a Python object built on demand, and the rules look for
``rel`` links and pager scripts in these lists rather than with XPath calls
over the whole document (so, like the links, under ``root`` only).
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from crawler.urls import strip_tracking

UNFOLLOWABLE = ("javascript:", "#", "mailto:", "about:", "tel:")
RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
# An absolute http(s) URL with a host, no ";" and no whitespace: joining it to any base gives it back as urllib
# writes it, with the same scheme, host, path and query (so absolute() need not join it).
PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\s][^;\s]*\Z")
# ... with a plain host and a path, and no query or fragment: nothing strip_tracking would take away.
BARE_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?/[^?#;\s]*\Z")


def followable(href: str | None) -> bool:
    """A link a crawler can request: not empty, not script, not a fragment of this page."""
    return bool(href) and not href.strip().lower().startswith(UNFOLLOWABLE)


def page_base(root, url: str | None) -> str | None:
    """The URL relative links of the page resolve against: ``<base href>`` over the page URL."""
    base = root.find("head/base")
    href = (base.get("href") or "").strip() if base is not None else ""
    if not href:
        return url
    return urljoin(url, href) if url else href


def element_text(element) -> str:
    """All the text inside ``element`` (not its tail), as ``text_content()`` gives it, without an XPath call."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def anchor_text(anchor) -> str:
    """The text of a link, whitespace collapsed (most links hold only text: no serialisation for those)."""
    text = anchor.text if not len(anchor) else element_text(anchor)
    return " ".join(text.split()) if text else ""


def _record_anchors(script: str) -> list:
    records = RECORD.findall(script)
    if not records:
        return []
    return list(lxml.html.fragment_fromstring("".join(records), create_parent="div").iter("a"))


@dataclass
class PageLinks:
    """Every link of a page in page order (``anchors``, with their ``hrefs`` and ``texts``), the elements with a
    ``rel`` (``<a>`` and ``<link>`` with an ``href``, in page order), the ``scripts``, and the page's base URL."""

    root: object
    url: str | None
    base: str | None
    anchors: list
    hrefs: list[str | None]
    texts: list[str]
    with_rel: list
    scripts: list

    def resolve(self, href: str) -> str:
        """``href`` made absolute (left as written when the page has no URL and no base)."""
        href = href.strip()
        return urljoin(self.base, href) if self.base else href

    def absolute(self, href: str) -> str:
        """``href`` made absolute to read its parts with ``urlsplit``: ``resolve(href)``, or ``href`` itself when
        it is already a plain absolute URL, which the join would only rewrite without changing those parts."""
        href = href.strip()
        return href if PLAIN_ABSOLUTE.match(href) else self.resolve(href)

    def canonical(self, href: str) -> str:
        """``strip_tracking(resolve(href))``: ``href`` absolute, without tracking parameters and fragment."""
        href = href.strip()
        return href if BARE_ABSOLUTE.match(href) else strip_tracking(self.absolute(href))


def page_links(root, url: str | None) -> PageLinks:
    """Read the links of the parsed page ``root`` fetched from ``url``."""
    anchors, with_rel, scripts = [], [], []
    for element in root.iter("a", "link", "script"):
        tag = element.tag
        if tag == "script":
            scripts.append(element)
            if element.text and "<recordset" in element.text:
                anchors.extend(_record_anchors(element.text))
            continue
        if tag == "a":
            anchors.append(element)
        if element.get("rel") is not None and element.get("href") is not None:
            with_rel.append(element)
    hrefs = [anchor.get("href") for anchor in anchors]
    texts = [anchor_text(anchor) for anchor in anchors]
    return PageLinks(root, url, page_base(root, url), anchors, hrefs, texts, with_rel, scripts)
