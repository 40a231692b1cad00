"""Which element of an unknown page holds the article text, and what inside it is not text.

One walk over the page cuts its text into blocks (the inline text of a
block element, or a ``<br>``-separated line) and rates each block:

- *text*: punctuated (``，。,.!?``…, not the ``,`` and ``.`` of numbers) and
  mostly not link text: worth its characters outside links;
- anything else (menus, link lists, headings — even punctuated ones —,
  buttons, dates, captions …): costs ``NOISE_COST`` per character.

Every block element's score is the sum over the blocks inside it; the
element with the highest score holds the most article text with the least
else around it. Then:

- Boilerplate containers (comments, related and hot lists, share bars,
  navigation, footers: by tag, class or id, see
  ``crawler.extract.boilerplate``) cost all their text and are never
  chosen; the walk does not go into them, their text is only measured
  (``_measure``: most of a page, most of the time saved). One around the
  headline is the article's header, not boilerplate. One right after the
  headline (no article text in between, see TEXT_BETWEEN) that holds most
  of the page's text (teasers aside) is a broken page (an unclosed ``<div
  class="breadcrumb">`` around everything) or a misleading name (a
  ``print`` wrapper): the page is walked again with it taken as text, and
  again for one inside it (MAX_WALKS in all). Without a known headline,
  any container that holds most of the text is taken so.
- Teasers (see MIN_TEASERS: three or more alike items showing other
  articles' headlines as links) cost like boilerplate whatever their class,
  and are never chosen.
- The article text follows its headline: a candidate right after the
  headline (or holding it) wins over a better one further down when it
  scores a good share of it (see NEAR_HEADLINE).
- Noisy elements (see NOISY_LINE: almost no text, in short lines or links:
  a video player's controls, an infobox, a toolbar, links to other stories)
  are left out of the body.
- Hidden elements (``display:none``) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract.boilerplate import INLINE_TAGS, NOT_TEXT_TAGS, is_boilerplate_container, is_hidden
from crawler.extract.title import HEADINGS

NOISE_COST = 0.5
MAX_LINK_SHARE = 0.5
MOST_OF_PAGE = 0.5
MAX_WALKS = 4
# Teasers: at least MIN_TEASERS alike child blocks (same tag and class) of at most MAX_TEASER characters,
# each with a line that is mostly a link of MIN_HEADLINE_LINK characters or more (another article's
# headline).
MIN_TEASERS = 3
MAX_TEASER = 600
HEADLINE_LINK_SHARE = 0.7
MIN_HEADLINE_LINK = 8
# The article text follows its headline: a candidate that starts within NEAR_HEADLINE characters after
# it (or holds it) wins over a better one further away when it scores NEAR_SHARE of it (a stream of
# teasers after a short article).
NEAR_HEADLINE = 600
NEAR_SHARE = 0.3
# A boilerplate container "right after the headline" has at most TEXT_BETWEEN characters of text before it.
TEXT_BETWEEN = 100
# A noisy element inside the content (left out of the body): a container of MIN_NOISY characters or
# more, less than NOISY_TEXT_SHARE of them text, in short lines (fewer than NOISY_LINE characters on
# average) or mostly links, and no image; not a list of ingredients.
MIN_NOISY = 30
NOISY_LINE = 12
NOISY_LINK_SHARE = 0.5
NOISY_TEXT_SHARE = 0.3
NOISY_CONTAINERS = frozenset(("div", "section", "table", "ul", "ol", "dl", "form", "span"))
# Block elements that cannot be the content: list parts, table rows, headings.
NOT_CANDIDATES = frozenset(("li", "ul", "ol", "dl", "dt", "dd", "tr", "tbody", "thead", *HEADINGS))
# Sentence punctuation; a Latin comma or full stop not inside a number (18,652.59 is no sentence).
_PUNCTUATION = re.compile(r"[，。！？；：、…]|[,.!?;:](?!\d)")


class _Stats:
    """What the walk knows of one block element's text."""

    __slots__ = ("score", "size", "good", "blocks", "links", "image", "headline_link", "linked")

    def __init__(self):
        self.score = 0.0  # the element's score
        self.size = 0  # characters
        self.good = 0  # characters of text blocks (counted even inside boilerplate containers)
        self.blocks = 0
        self.links = 0  # characters in links
        self.image = False  # holds an image
        self.headline_link = False  # a line of it is mostly a link
        self.linked = None  # (tag, class) -> [(child, stats)] of the child blocks that may be teasers

    def add(self, child: _Stats) -> None:
        self.score += child.score
        self.size += child.size
        self.good += child.good
        self.blocks += child.blocks
        self.links += child.links
        self.image = self.image or child.image
        self.headline_link = self.headline_link or child.headline_link


class _Scorer:
    """One walk of the page: block scores, summed up the tree."""

    def __init__(self, exempt=frozenset(), headline=None):
        self.exempt = exempt  # boilerplate containers taken as text
        self.headline = headline
        self.around_headline = set(headline.iterancestors()) if headline is not None else set()
        self.headline_end = None  # where the headline's text ends, in characters from the start
        self.text_after_headline = None  # characters of text blocks walked when the headline ended
        self.position = 0  # characters walked so far
        self.text_position = 0  # characters of text blocks walked so far
        # (container, its characters of text, text_position where it starts) of the containers met
        self.swallowing = []
        self.teasers = set()
        self.noisy = set()
        self.candidates = []  # (score, element, where its text starts, where it ends)
        self.current = _Stats()
        self.length = self.link = 0  # the current inline run: characters, in links
        self.punctuated = False  # and whether it has sentence punctuation

    def block(self, element, quiet: bool, in_link: bool = False) -> _Stats:
        """Walk a block element (the inline run before it is flushed) and return its stats. ``quiet``:
        inside a heading (only measured); ``in_link``: inside an ``<a>``."""
        outer, stats = self.current, _Stats()
        start, text_start = self.position, self.text_position
        # A container of the headline is the article's header, not boilerplate.
        container = (
            is_boilerplate_container(element) and element not in self.exempt and element not in self.around_headline
        )
        if container or quiet:
            # Nothing in it can be the content: its text is only measured, without the walk (most of a page).
            stats.size, stats.good = _measure(element)
            stats.score = -NOISE_COST * stats.size
            self.position += stats.size
            self.text_position += stats.good
            if container:
                self.swallowing.append((element, stats.good, text_start))
            outer.add(stats)
            return stats
        self.current = stats
        quiet = element.tag in HEADINGS  # a headline is not article text, even punctuated
        self.children(element, quiet, in_link)
        if self.length:
            self.flush(quiet)
        if stats.linked:
            self.drop_teasers(stats)
        if stats.score > 0 and element.tag not in NOT_CANDIDATES:
            self.candidates.append((stats.score, element, start, self.position))
        if element is self.headline:
            self.headline_end, self.text_after_headline = self.position, self.text_position
        if (stats.size >= MIN_NOISY and stats.good < NOISY_TEXT_SHARE * stats.size and not stats.image
                and (stats.size < NOISY_LINE * stats.blocks or stats.links >= NOISY_LINK_SHARE * stats.size)
                and element.tag in NOISY_CONTAINERS):
            self.noisy.add(element)
        self.current = outer
        outer.add(stats)
        return stats

    def children(self, element, quiet: bool, in_link: bool) -> None:
        # The hot loop of the walk: whitespace-only texts and empty runs are skipped before any call.
        text = element.text
        if text and not text.isspace():
            self.text(text, in_link)
        for child in element:
            tag = child.tag
            if isinstance(tag, str) and tag not in NOT_TEXT_TAGS and not is_hidden(child):
                if tag == "br":
                    if self.length:
                        self.flush(quiet)
                elif tag == "img":
                    self.current.image = True
                elif tag in INLINE_TAGS:
                    self.children(child, quiet, in_link or tag == "a")
                else:
                    if self.length:
                        self.flush(quiet)
                    stats = self.block(child, quiet, in_link)
                    if stats.headline_link:
                        current = self.current
                        if current.linked is None:
                            current.linked = {}
                        current.linked.setdefault((tag, child.get("class")), []).append((child, stats))
            text = child.tail
            if text and not text.isspace():
                self.text(text, in_link)

    def drop_teasers(self, stats: _Stats) -> None:
        """Child blocks of an element that are alike teasers (see MIN_TEASERS) become noise."""
        for items in stats.linked.values():
            items = [(element, item) for element, item in items if item.size <= MAX_TEASER]
            if len(items) >= MIN_TEASERS:
                for element, item in items:
                    self.teasers.add(element)
                    stats.score -= item.score + NOISE_COST * item.size
                    stats.good -= item.good

    def text(self, text: str, in_link: bool) -> None:
        size = len(text.strip())
        self.length += size
        if in_link:
            self.link += size
        if not self.punctuated and _PUNCTUATION.search(text):
            self.punctuated = True

    def flush(self, quiet: bool) -> None:
        """Rate the inline run (not empty) as a block of the current element (``quiet``: a heading's)."""
        size = self.length
        stats, link = self.current, self.link
        self.position += size
        stats.size += size
        stats.links += link
        stats.blocks += 1
        if link >= HEADLINE_LINK_SHARE * size and size >= MIN_HEADLINE_LINK:
            stats.headline_link = True
        if self.punctuated and link < MAX_LINK_SHARE * size:
            self.text_position += size - link
            stats.good += size - link
            stats.score += -NOISE_COST * size if quiet else size - link
        else:
            stats.score -= NOISE_COST * size
        self.length = self.link = 0
        self.punctuated = False

    def best(self):
        """The best-scoring candidate that is not a teaser nor inside one, preferring one near the headline."""
        # Best score first; of equal ones the outer element (walked later): a <div> holding one <p>.
        ranked = [
            candidate for _, candidate in sorted(enumerate(self.candidates), key=lambda c: (c[1][0], c[0]), reverse=True)
            if not self.teasers or not (
                candidate[1] in self.teasers or any(a in self.teasers for a in candidate[1].iterancestors())
            )
        ]
        if not ranked:
            return None
        best = ranked[0]
        if self.headline_end is None or self._near_headline(best):
            return best[1]
        around_best = set(best[1].iterancestors())
        near = next((c for c in ranked if self._near_headline(c) and c[1] not in around_best), None)
        return near[1] if near is not None and near[0] >= NEAR_SHARE * best[0] else best[1]

    def _near_headline(self, candidate) -> bool:
        _, _, start, end = candidate
        return start <= self.headline_end + NEAR_HEADLINE and end > self.headline_end


def _measure(element) -> tuple[int, int]:
    """Characters of text in ``element``, and of them in punctuated texts: a cheap estimate of a
    boilerplate container's size and text, without the walk."""
    size = good = 0
    for node in element.iter():
        text = node.text if isinstance(node.tag, str) and node.tag not in NOT_TEXT_TAGS else None
        for piece in (text, node.tail if node is not element else None):
            if piece and not piece.isspace():
                length = len(piece.strip())
                size += length
                if _PUNCTUATION.search(piece):
                    good += length
    return size, good


def _score_page(root, headline=None) -> _Scorer:
    """The walk of the page ``root``, walked again (MAX_WALKS in all) while boilerplate containers
    swallow the article."""
    body = root.find("body")
    start = body if body is not None else root
    exempt: frozenset = frozenset()
    for _ in range(MAX_WALKS):
        scorer = _Scorer(exempt, headline)
        page = scorer.block(start, False)
        swallowing = frozenset(
            element for element, good, text_before in scorer.swallowing
            if good >= MOST_OF_PAGE * page.good > 0 and (
                headline is None
                or (scorer.text_after_headline is not None
                    and 0 <= text_before - scorer.text_after_headline <= TEXT_BETWEEN)
            )
        )
        if not swallowing:
            break
        exempt |= swallowing
    return scorer


@dataclass(frozen=True)
class Content:
    """The element holding the article text, and the elements to leave out of its text: boilerplate
    containers, teasers and noisy elements (see the module docstring)."""

    element: object
    leave_out: frozenset


def locate_content(root, headline=None) -> Content | None:
    """Where the article text of the page ``root`` (an lxml element) is, or None.

    ``headline``: the headline's element, if known (see ``crawler.extract.title``).
    """
    scorer = _score_page(root, headline)
    element = scorer.best()
    if element is None:
        return None
    containers = (container for container, _, _ in scorer.swallowing if container not in scorer.exempt)
    return Content(element, frozenset((*containers, *scorer.teasers, *scorer.noisy)))
