"""A page's texts in reading order around its headline (what ``crawler.extract.visible_dates`` reads).

``texts_after(headline)`` yields (owner, text) for each text after the
headline, in document order; when the walk leaves the headline's small
header block (the largest of its three nearest ancestors whose text is
short), the three elements before the headline and before that block come
next (a date line above it, maybe behind a category label and an image),
after the ``ABOVE_HEADLINE`` marker. ``texts_in(element)`` yields the texts
inside one element; for an empty element, its ``data-date`` / ``datetime``
attribute stands for its text (``AttributeDate``: a date the page's style
sheet or script shows, ``<div data-date="18. März 2020"></div>``). ``Texts``
lets a reader look ahead and put back what it did not use;
``short_text(element)`` is the cheap start of an element's text.
"""

from __future__ import annotations

from itertools import islice

SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "select", "option", "button", "textarea"))
INLINE_TAGS = frozenset(("a", "b", "strong", "em", "i", "span", "font", "u", "small", "time", "abbr", "sup", "sub"))
MAX_TEXT = 200  # longer text is a body paragraph: its dates are events, not the publish date
HEADER_LEVELS = 3
PRECEDING_SIBLINGS = 3
HEADER_TEXT = 400


class Texts:
    """The (owner, text) pairs of a walk, and the texts read ahead and put back."""

    __slots__ = ("_texts", "_back")

    def __init__(self, texts):
        self._texts = iter(texts)
        self._back = []

    def next(self):
        return self._back.pop() if self._back else next(self._texts, None)

    def put_back(self, *items) -> None:
        self._back.extend(reversed(items))


# Where texts_after turns to the texts just above the headline.
ABOVE_HEADLINE = ("", "")


def texts_after(anchor):
    """(owner, text) for each text after ``anchor`` (not inside it), in document order.

    When the walk leaves the headline's header block (see _header_block)
    the texts just before the headline come next (see _texts_before): a date
    line above the headline. ABOVE_HEADLINE marks where they start.
    """
    if anchor.tail and not anchor.tail.isspace():
        yield anchor.getparent(), anchor.tail
    header = _header_block(anchor)
    node = anchor
    while node is not None:
        for sibling in node.itersiblings():
            yield from texts_in(sibling)
            if sibling.tail and not sibling.tail.isspace():
                yield node.getparent(), sibling.tail
        parent = node.getparent()
        if parent is not None and parent is (header if header is not None else anchor.getparent()):
            yield ABOVE_HEADLINE
            yield from _texts_before(anchor, header)
        node = parent


def _header_block(anchor):
    """The largest of the headline's three nearest ancestors whose text is short: the article's header."""
    header = None
    node = anchor.getparent()
    for _ in range(HEADER_LEVELS):
        if node is None or node.tag == "body" or len(short_text(node, HEADER_TEXT)) >= HEADER_TEXT:
            break
        header = node
        node = node.getparent()
    return header


def _texts_before(anchor, header):
    """(owner, text) in the three elements before the headline and before each of its ancestors up to
    ``header`` (only before the headline itself when there is no header block), nearest level first."""
    node = anchor
    while node is not None:
        for sibling in reversed(list(islice(node.itersiblings(preceding=True), PRECEDING_SIBLINGS))):
            yield from texts_in(sibling)
            if sibling.tail and not sibling.tail.isspace():
                yield sibling.getparent(), sibling.tail
        if header is None or node is header:
            return
        node = node.getparent()


class AttributeDate(str):
    """The date of an empty element's ``data-date`` attribute (``<time>``'s ``datetime``), which the page's style
    sheet or script shows (``<div class="timeline__arrow" data-date="18. März 2020"></div>`` with
    ``content: attr(data-date)``): read in the article's header only."""

    __slots__ = ()


def texts_in(element, attribute_dates: bool = True):
    """(owner, text) for each text inside ``element`` that is not blank, in document order
    (a tail comes before its element's children); for an empty element, its attribute date
    (see AttributeDate) unless ``attribute_dates`` is false."""
    for child in element.iter():
        text = child.text
        if text and not text.isspace():
            if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
                yield child, text
        elif attribute_dates and len(child) == 0 and isinstance(child.tag, str):
            shown = child.get("datetime") if child.tag == "time" else child.get("data-date")
            if shown and child.tag not in SKIPPED_TAGS:
                yield child, AttributeDate(shown)
        text = child.tail
        if text and not text.isspace() and child is not element:
            yield child.getparent(), text


def short_text(element, limit: int = MAX_TEXT) -> str:
    """The start of an element's text (at most ``limit`` characters, read from a few text nodes)."""
    return "".join(islice(element.itertext(), limit // 10))[:limit]

