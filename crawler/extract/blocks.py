"""A content element cut into blocks, in document order: paragraphs, images, captions.

``cut_blocks(element, …)`` walks the element once. A block is the text of
a block element or of a ``<br>``-separated line, with the images met in it,
whether it is centred and which share of it is link text; a photo caption
(``<figcaption>``, an element whose class says caption: ``pic-note``,
``img_desc``, ``tuzhu`` …, or one the site's selectors name) is a block of
its own. Elements to skip (boilerplate, the site's ``body_drop``) and hidden
ones are left out; the headline, when the element holds it, is not a block,
and ``Blocks.after_headline`` says how many blocks came before it.
"""

import re
from dataclasses import dataclass, field

from crawler.extract.boilerplate import NOT_TEXT_TAGS, is_boilerplate_container, is_hidden
from crawler.extract.text import normalize_space
from crawler.urls import join_url

BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tbody", "thead", "tr", "td", "th", "blockquote", "figure", "center", "pre", "hr",
    "header",
}
CAPTION_CLASS = re.compile(
    r"caption|pic_?-?(note|txt|text|desc|info|title)|img_?-?(desc|note|txt|title)|photo_?-?(desc|note|txt)|tuzhu|picdes",
    re.IGNORECASE,
)


@dataclass
class Block:
    text: str
    images: list = field(default_factory=list)
    caption: bool = False
    centered: bool = False
    link_share: float = 0.0  # of its text in links


@dataclass
class Blocks:
    """The blocks of a content element, and how many came before its headline."""

    blocks: list[Block]
    after_headline: int = 0


class _Walker:
    """One walk of a content element, cutting it into blocks."""

    def __init__(self, skip, captions: set, headline=None, find_boilerplate: bool = True):
        self.skip, self.captions, self.headline = skip, captions, headline
        self.find_boilerplate = find_boilerplate  # False: the caller's ``skip`` already holds it
        self.after_headline = 0  # blocks before this index came before the headline (or were it)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._images: list = []
        self._centered = False
        self._chars = self._linked = 0  # characters of the current block, and of them in links

    def add(self, text: str):
        self._text.append(text)
        self._chars += len(text)

    def flush(self):
        text = normalize_space("".join(self._text))
        if text or self._images:
            share = self._linked / self._chars if self._chars else 0.0
            self.blocks.append(Block(text, self._images, centered=self._centered, link_share=share))
        self._text, self._images, self._centered = [], [], False
        self._chars = self._linked = 0

    def walk(self, element):
        tag = element.tag
        if (not isinstance(tag, str) or tag in NOT_TEXT_TAGS or element in self.skip or is_hidden(element)
                or (self.find_boilerplate and tag != "img" and is_boilerplate_container(element))):
            return
        if tag == "img":
            self._images.append(element)
            return
        if element is self.headline:
            self.flush()
            self.after_headline = len(self.blocks)
            return
        if tag == "br":
            self.flush()
            return
        if tag == "figcaption" or element in self.captions or CAPTION_CLASS.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            self.flush()
            self.blocks.append(Block(normalize_space("".join(_visible_text(element))), caption=True))
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
            self._centered = "center" in (element.get("style", "") + element.get("align", "")) or tag == "center"
        before = self._chars
        if element.text:
            self.add(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.add(child.tail)
        if tag == "a":
            self._linked += max(0, self._chars - before)
        if block:
            self.flush()


def _visible_text(element):
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag not in NOT_TEXT_TAGS:
            yield from _visible_text(child)
        if child.tail:
            yield child.tail


def cut_blocks(element, *, skip=frozenset(), captions=frozenset(), headline=None, find_boilerplate=True) -> Blocks:
    """The blocks of the content element ``element`` (an lxml element).

    ``skip``: elements to leave out; ``captions``: elements that are photo
    captions; ``find_boilerplate``: also leave out boilerplate containers
    (by tag, class and id; False when ``skip`` holds them already).
    """
    walker = _Walker(skip, captions, headline, find_boilerplate)
    walker.walk(element)
    walker.flush()
    return Blocks(walker.blocks, walker.after_headline)


def image_url(element, base_url: str) -> str | None:
    """The absolute URL of an ``<img>`` (lazy-loading attributes first), or None."""
    for attribute in ("data-original", "data-src", "data-lazy-src", "src"):
        value = (element.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return join_url(base_url, value)
    return None
