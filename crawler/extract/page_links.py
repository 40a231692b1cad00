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
over the whole document (so, like the links, under ``root`` only). While
they read a page, ``classes_looked_up_in_c(root)`` has those objects built
without a Python call each; ``Lines`` searches many strings (the texts of
all links) with one regex call.
"""

import re
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, eq
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from crawler.urls import strip_tracking

UNFOLLOWABLE = ("javascript:", "#", "mailto:", "about:", "tel:")
# An href starting (after whitespace) with one of UNFOLLOWABLE in any case: ``href.strip().lower().startswith(...)``
# in one call (``\s`` is what ``str.strip`` strips; no other character lower-cases to the ASCII letters spelled here).
UNFOLLOWABLE_HREF = re.compile(
    r"\s*(?:[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]:|#|[mM][aA][iI][lL][tT][oO]:|[aA][bB][oO][uU][tT]:|[tT][eE][lL]:)"
)
UNFOLLOWABLE_STARTS = frozenset("jJ#mMaAtT")  # what an UNFOLLOWABLE_HREF match begins with, but for whitespace
BRACKET = re.compile(r"[\[\]]")  # what an href urllib cannot read holds (a host with one bracket of a pair)
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


# Read over all the links of a page at once (``map`` calls them without a Python function call per link).
_GET = etree._Element.get
_TAG = attrgetter("tag")

# lxml.html gives each element object it makes its class with a Python method: half of what making the object costs,
# for the few thousand elements the listing rules reach on a portal page. The same classes, looked up in C.
_HTML_CLASSES = etree.ElementNamespaceClassLookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
_HTML_CLASSES.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
_HTML_LOOKUP = lxml.html.HtmlElementClassLookup()  # what lxml.html.HTMLParser looks classes up with
_HTML_ELEMENT = lxml.html.HtmlElement


@contextmanager
def classes_looked_up_in_c(root):
    """Within the block, the elements of ``root``'s page get their lxml.html classes (``HtmlElement``,
    ``FormElement`` …) from a lookup written in C.

    Only for a page parsed by a parser of its own with lxml.html's own classes (a parsel Selector makes one per
    page): the lookup belongs to the parser, and lxml.html's is given back when the block ends. lxml's HTML parser
    writes tag names in lower case, as lxml.html's lookup reads them.
    """
    parser = root.getroottree().parser
    if type(parser) is not lxml.html.HTMLParser or parser is lxml.html.html_parser or type(root) is not _HTML_ELEMENT:
        yield
        return
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        yield
    finally:
        parser.set_element_class_lookup(_HTML_LOOKUP)


def followable(href: str | None) -> bool:
    """A link a crawler can request: not empty, not script, not a fragment of this page, a URL (``http://[x/`` or
    ``http://x]/``, a host with one bracket of a pair, is none: urllib refuses it)."""
    return bool(href) and not UNFOLLOWABLE_HREF.match(href) and (not BRACKET.search(href) or _splits(href))


def followable_indexes(hrefs: list[str | None]) -> list[int]:
    """The indexes of the followable ``hrefs``: the regex is asked only about those that begin like an unfollowable
    one (with whitespace, or the first letter of UNFOLLOWABLE in either case), urllib only about the rare ones
    holding a bracket."""
    indexes = [
        index for index, href in enumerate(hrefs)
        if href and (href[0] not in UNFOLLOWABLE_STARTS and not href[0].isspace() or not UNFOLLOWABLE_HREF.match(href))
    ]
    if BRACKET.search("".join(filter(None, hrefs))):
        indexes = [index for index in indexes if not BRACKET.search(hrefs[index]) or _splits(hrefs[index])]
    return indexes


def _splits(href: str) -> bool:
    """Whether urllib can read ``href`` (it raises ValueError for a host with one bracket of a pair)."""
    try:
        urlsplit(href.strip())
    except ValueError:
        return False
    return True


def page_base(root, url: str | None) -> str | None:
    """The URL relative links of the page resolve against: ``<base href>`` over the page URL (a ``<base href>``
    urllib cannot read is none)."""
    base = root.find("head/base")
    href = (base.get("href") or "").strip() if base is not None else ""
    if not href or not _splits(href):
        return url
    return urljoin(url, href) if url else href


def element_text(element) -> str:
    """All the text inside ``element`` (not its tail), as ``text_content()`` gives it, without an XPath call."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def first_picture(element, children_only: bool = False):
    """The first ``<img>`` within ``element`` (among its children only: ``find("img")``), or None. Most picture
    links hold their picture first: no iterator for those."""
    if len(element):
        first = element[0]
        if first.tag == "img":
            return first
        return next(element.iterchildren("img") if children_only else element.iter("img"), None)
    return None


def _record_anchors(script: str) -> list:
    records = RECORD.findall(script)
    if not records:
        return []
    return list(lxml.html.fragment_fromstring("".join(records), create_parent="div").iter("a"))


class Lines:
    """Strings joined by newlines, searched with one regex call for them all (the pattern must not match a newline)."""

    def __init__(self, strings: list[str]):
        self.strings = strings
        self.text = "\n".join(strings)

    @cached_property
    def _ends(self) -> list[int]:
        return list(accumulate(map(add, map(len, self.strings), repeat(1))))  # where each string and its newline end

    @cached_property
    def _one_line_each(self) -> bool:
        return self.text.count("\n") == len(self.strings) - 1

    def found(self, pattern: re.Pattern):
        """``(index of the string, match)`` for each thing ``pattern`` finds in the strings, in order."""
        if not self._one_line_each:  # a string holds a newline: its index is read from where the strings end
            for found in pattern.finditer(self.text):
                yield bisect_right(self._ends, found.start()), found
            return
        index = end = 0  # the newlines before a match tell its string (counted from the match before)
        for found in pattern.finditer(self.text):
            start = found.start()
            index += self.text.count("\n", end, start)
            end = start
            yield index, found

    def matching(self, pattern: re.Pattern) -> set[int]:
        """The indexes of the strings ``pattern`` finds something in."""
        return {index for index, _ in self.found(pattern)}


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
    tags = list(map(_TAG, elements))
    scripts = [element for element, tag in zip(elements, tags) if tag == "script"]
    if any(script.text and "<recordset" in script.text for script in scripts):
        anchors = []
        for element, tag in zip(elements, tags):
            if tag == "a":
                anchors.append(element)
            elif tag == "script" and element.text and "<recordset" in element.text:
                anchors.extend(_record_anchors(element.text))
    else:
        anchors = list(compress(elements, map(eq, tags, repeat("a"))))
    with_rel = [
        element for element, tag, rel in zip(elements, tags, map(_GET, elements, repeat("rel")))
        if rel is not None and tag != "script" and element.get("href") is not None
    ]
    hrefs = list(map(_GET, anchors, repeat("href")))
    titles = list(map(_GET, anchors, repeat("title")))
    return PageLinks(root, url, page_base(root, url), anchors, hrefs, _anchor_texts(anchors), titles, with_rel, scripts)


def _anchor_texts(anchors: list) -> list[str]:
    """The text of each link, whitespace collapsed (most links hold only text: no serialisation for those)."""
    texts = [element_text(anchor) if children else anchor.text for anchor, children in zip(anchors, map(len, anchors))]
    return [" ".join(text.split()) if text else "" for text in texts]
