"""The links of a page, read once for the listing and pagination rules.

``page_links(root, url)`` walks the parsed page a single time and keeps every
``<a>`` with its text (whitespace collapsed) and the URL relative links
resolve against (``<base href>`` over the page URL). Hanweb (大汉) column
pages ship their first page of records inside ``<script type="text/xml">``
as CDATA, which an HTML parser leaves as script text; those records are
parsed and their links kept too, in page order.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html

UNFOLLOWABLE = ("javascript:", "#", "mailto:", "about:", "tel:")
RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)


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


def anchor_text(anchor) -> str:
    """The text of a link, whitespace collapsed (most links hold only text: no tree walk for those)."""
    text = anchor.text if not len(anchor) else "".join(anchor.itertext())
    return " ".join(text.split()) if text else ""


def _record_anchors(script: str) -> list:
    records = RECORD.findall(script)
    if not records:
        return []
    return list(lxml.html.fragment_fromstring("".join(records), create_parent="div").iter("a"))


@dataclass
class PageLinks:
    """Every link of a page in page order (``anchors``, with their ``texts``), and its base URL."""

    root: object
    url: str | None
    base: str | None
    anchors: list
    texts: list[str]

    def resolve(self, href: str) -> str:
        """``href`` made absolute (left as written when the page has no URL and no base)."""
        href = href.strip()
        return urljoin(self.base, href) if self.base else href


def page_links(root, url: str | None) -> PageLinks:
    """Read the links of the parsed page ``root`` fetched from ``url``."""
    anchors = []
    for element in root.iter("a", "script"):
        if element.tag == "a":
            anchors.append(element)
        elif element.text and "<recordset" in element.text:
            anchors.extend(_record_anchors(element.text))
    return PageLinks(root, url, page_base(root, url), anchors, [anchor_text(a) for a in anchors])
