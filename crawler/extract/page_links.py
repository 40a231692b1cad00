"""The links of a page, read once for the listing and pagination rules.

``page_links(root, url)`` walks the parsed page a single time and keeps every
``<a>`` with its ``href``, its text (whitespace collapsed) and its ``title``,
the ``<a>`` and ``<link>`` elements that carry a ``rel``, the scripts, and the
URL relative links resolve against (``<base href>`` over the page URL). Hanweb (大汉)
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
from functools import cached_property
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from crawler.urls import strip_tracking

UNFOLLOWABLE = ("javascript:", "#", "mailto:", "about:", "tel:")
# An href starting (after whitespace) with one of UNFOLLOWABLE in any case: ``href.strip().lower().startswith(...)``
# in one call (``\s`` is what ``str.strip`` strips; no other character lower-cases to the ASCII letters spelled here).
UNFOLLOWABLE_HREF = re.compile(
    r"\s*(?:[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]:|#|[mM][aA][iI][lL][tT][oO]:|[aA][bB][oO][uU][tT]:|[tT][eE][lL]:)"
)
RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
# An absolute http(s) URL with a host, no ";" and no whitespace: joining it to any base gives it back as urllib
# writes it, with the same scheme, host, path and query (so absolute() need not join it).
PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\s][^;\s]*\Z")
# ... with a plain host and a path, and no query or fragment: nothing strip_tracking would take away.
BARE_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?/[^?#;\s]*\Z")
# A path from the site root with no "." or ".." segment, no query or fragment, no ";" and no whitespace: joined to
# an http(s) URL it gives that URL's scheme and host followed by the path as it is, the way urljoin and then
# strip_tracking write it (most links of a portal are written so: no need to join them).
ROOTED_PATH = re.compile(r"(?!.*/\.\.?(?:/|\Z))/(?!/)[^?#;\s]*\Z")
ORIGIN = re.compile(r"https?://[A-Za-z0-9.:@\[\]-]+/\Z")  # what urljoin(base, "/") gives for a plain http(s) base


def followable(href: str | None) -> bool:
    """A link a crawler can request: not empty, not script, not a fragment of this page."""
    return bool(href) and not UNFOLLOWABLE_HREF.match(href)


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
    """Every link of a page in page order (``anchors``, with their ``hrefs``, ``texts`` and ``title`` attributes),
    the elements with a ``rel`` (``<a>`` and ``<link>`` with an ``href``, in page order), the ``scripts``, and the
    page's base URL."""

    root: object
    url: str | None
    base: str | None
    anchors: list
    hrefs: list[str | None]
    texts: list[str]
    titles: list[str | None]
    with_rel: list
    scripts: list

    def resolve(self, href: str) -> str:
        """``href`` made absolute (left as written when the page has no URL and no base)."""
        href = href.strip()
        if self._origin and ROOTED_PATH.match(href):
            return self._origin + href
        return urljoin(self.base, href) if self.base else href

    @cached_property
    def _origin(self) -> str | None:
        """``scheme://host`` of an http(s) base URL, to prefix paths from the site root with."""
        origin = urljoin(self.base, "/") if self.base else ""
        return origin[:-1] if ORIGIN.match(origin) else None

    def absolute(self, href: str) -> str:
        """``href`` made absolute to read its parts with ``urlsplit``: ``resolve(href)``, or ``href`` itself when
        it is already a plain absolute URL, which the join would only rewrite without changing those parts."""
        href = href.strip()
        return href if PLAIN_ABSOLUTE.match(href) else self.resolve(href)

    def canonical(self, href: str) -> str:
        """``strip_tracking(resolve(href))``: ``href`` absolute, without tracking parameters and fragment."""
        href = href.strip()
        if BARE_ABSOLUTE.match(href):
            return href
        if self._origin and ROOTED_PATH.match(href):
            return self._origin + href
        return strip_tracking(self.absolute(href))


def page_links(root, url: str | None) -> PageLinks:
    """Read the links of the parsed page ``root`` fetched from ``url``."""
    elements = list(root.iter("a", "link", "script"))
    tags = [element.tag for element in elements]
    scripts = [element for element, tag in zip(elements, tags) if tag == "script"]
    if any(script.text and "<recordset" in script.text for script in scripts):
        anchors = []
        for element, tag in zip(elements, tags):
            if tag == "a":
                anchors.append(element)
            elif tag == "script" and element.text and "<recordset" in element.text:
                anchors.extend(_record_anchors(element.text))
    else:
        anchors = [element for element, tag in zip(elements, tags) if tag == "a"]
    with_rel = [
        element for element, tag in zip(elements, tags)
        if tag != "script" and element.get("rel") is not None and element.get("href") is not None
    ]
    hrefs = [anchor.get("href") for anchor in anchors]
    texts = [anchor_text(anchor) for anchor in anchors]
    titles = [anchor.get("title") for anchor in anchors]
    return PageLinks(root, url, page_base(root, url), anchors, hrefs, texts, titles, with_rel, scripts)
