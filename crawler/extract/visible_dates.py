"""The dates a reader sees on an article page (the ``generic`` rule of ``crawler.extract.published``).

``VisibleDates(root, headline, distractors, reader, near).find(search_page)``
reads the first publish and update dates around the headline
(``crawler.extract.date_headline.article_headline``), over the page's texts
in reading order (``crawler.extract.page_texts``), leaving out the places and
texts that show other articles' dates (``crawler.extract.date_distractors``).

The texts after the headline (the first ``<h1>`` that is most of the page
title, else the first ``<h2>``…``<h6>`` that is, else the first ``<h1>``,
else the first heading over a paragraph that is not a link nor in a list,
navigation or sidebar) are read in document order, a hundred at most; when
the walk leaves the headline's small header block, the three elements before
the headline and before that block come next (a date line above it, maybe
behind a category label and an image). The first date met is the info
line's. Only when that finds none, and the metadata gives no time
(``search_page``), is the whole page searched (weak evidence). A date is read
with its label (``发布时间：``, ``Veröffentlicht am``), with the time in the
next element (``<span>10-08</span><span>12:00</span>``) and, after a day
number alone, with the month and year in the next texts (a calendar badge:
``<span>26</span> Okt 2018``, ``8.<a>Dezember 2010</a> um 09:43``; see
``crawler.extract.date_segments``); in the
header, an empty element's ``data-date`` / ``datetime`` attribute is read too
(a date the page's style sheet or script shows: ``<div data-date="18. März
2020"></div>``). A date labelled as an update (``最后更新``, ``Aktualisiert``,
``Updated 2010 GMT … March 14, 2021``) or in an element whose class says
``update`` (and not also ``published``) is the update date. The article's
header is what lies between the headline and the body's first paragraph (a
text of more than 200 characters outside a heading), and the lines just
above the headline; the only date read inside a paragraph of sentences is
the dateline that opens the body (``27.1.2022 - Bei der …``, ``(21. November
2022) Die …``, ``Karlsruhe, (12.11.2021). Die …``).

Never read (``crawler.extract.date_distractors``): dates in
comments, related-article, hot and ranking lists, sidebars, navigation,
breadcrumbs, quotes (embedded posts) and the page footer (by tag, class and
id), dates repeated in a run of sibling items, ``上一篇/下一篇`` lines,
greetings (``今天是2020年5月9日``), a member's registration date
(``Registriert:``, ``Joined``), dates inside sentences (body paragraphs,
``2009年5月14日在南京逝世``), in URLs, and in links whose text is another
headline. A comment or reply container right after the headline is no
distractor: on a forum it is the thread's opening post, and its date is the
thread's.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from crawler.extract.date_distractors import (
    GREETING_END_RE, NOT_THIS_ARTICLE_RE, PROSE_RE, URL_LIKE_RE, Distractors, in_headline_link, in_prose,
)
from crawler.extract.title import HEADINGS
from crawler.extract.date_segments import (
    BARE_DAY_RE, CONTINUATION_RE, LABEL_END_RE, LEADING_UPDATE_RE, SEGMENT_END_RE, joined_date,
)
from crawler.extract.date_text import DATE_HINT_RE, GENERIC, MAX_SEGMENT, DateEvidence, DateReader, find_date
from crawler.extract.page_texts import ABOVE_HEADLINE, INLINE_TAGS, MAX_TEXT, AttributeDate, Texts, texts_after, texts_in
from crawler.extract.text import normalize_space

# Kinds of visible dates: a publish date, an update date the page labels as one ("Updated",
# "Aktualisiert"), one that only the element's class marks as an update (class="updated").
PUBLISHED, UPDATED, MARKED = "published", "updated", "marked"

_UPDATED_MARK_RE = re.compile(r"(?i)update|modified")
_PUBLISHED_MARK_RE = re.compile(r"(?i)publish")

WALK_TEXTS = 100  # non-blank texts after the headline searched for the info line
WALK_AFTER_FIRST = 20  # texts still searched (for an update date) once one is found
DATELINE_HEAD = 80  # where a paragraph's dateline (place, date and its separator) ends
# A dateline opening the body: [Place, ][(]date[)] followed by a bracket or a dash, colon or full stop.
_DATELINE_BEFORE_RE = re.compile(r"(?:[A-ZÄÖÜ][\w.'-]*(?:\s+[A-ZÄÖÜ][\w.'-]*)?\s*,\s*)?[(\[]?\s*")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:[)\]]|[-–—|:.](?:\s|$)|$)")


class Visible(NamedTuple):
    """The visible dates of a page, as ``crawler.extract.published`` weighs them against the metadata."""

    published: DateEvidence | None
    updated: DateEvidence | None
    near_headline: bool  # found after the headline, not by searching the whole page
    in_header: bool = False  # ``published`` is in the article's header (see _Walk)
    update_only: bool = False  # the header shows an update date and no publish date: ``published`` is that date


class _Walk(NamedTuple):
    """What a walk over a page's texts found: the first published and updated dates, the kind of
    the first date met, and whether each was in the article's header: after the headline and
    before the body's first paragraph, in the body's opening dateline, or just above the headline."""

    published: DateEvidence | None = None
    updated: DateEvidence | None = None
    first: str | None = None
    published_in_header: bool = False
    updated_in_header: bool = False


class VisibleDates:
    """Reads the dates one page shows around its headline (see the module docstring)."""

    def __init__(self, root, headline, distractors: Distractors, reader: DateReader, near: date | None):
        self.root = root
        self.headline = headline
        self.distractors = distractors
        self.reader = reader
        self.near = near  # a day the metadata gives, for the year of a year-less date

    def find(self, search_page: bool) -> Visible:
        """The first published and updated dates shown after the headline, else, when ``search_page``,
        anywhere on the page."""
        anchor = self.headline
        walk = self._search(Texts(texts_after(anchor)), in_header=True) if anchor is not None else _Walk()
        if walk.first == UPDATED and walk.updated_in_header and not walk.published_in_header:
            return Visible(walk.updated, walk.updated, near_headline=True, in_header=True, update_only=True)
        if walk.published is not None:
            return Visible(walk.published, walk.updated, near_headline=True, in_header=walk.published_in_header)
        published, updated = None, walk.updated
        if search_page:
            body = self.root.find("body")
            everything = texts_in(body if body is not None else self.root, attribute_dates=False)
            anywhere = self._search(Texts(everything), limit=None)
            published, updated = anywhere.published, updated or anywhere.updated
        return Visible(published, updated, near_headline=False)

    def _search(self, texts: Texts, limit: int | None = WALK_TEXTS, in_header: bool = False) -> _Walk:
        """The first published and updated dates among ``texts``; ``in_header``: the walk starts in the
        article's header, which ends at the body's first paragraph (outside a heading, a text longer
        than MAX_TEXT or one with Chinese sentence punctuation)."""
        walk = _Walk()
        budget = limit
        previous = ""  # the last text: it may hold the label of a date in a separate element
        while (item := texts.next()) is not None:
            if item is ABOVE_HEADLINE:
                in_header = True
                continue
            owner, text = item
            if isinstance(text, AttributeDate) and not in_header:
                continue
            if budget is not None:
                budget -= 1
                if budget < 0:
                    break
            if BARE_DAY_RE.match(text):
                text = joined_date(text, texts) or text
            found = ()
            if len(text) > MAX_TEXT:
                if in_header and owner.tag not in HEADINGS:
                    dateline = self._dateline(owner, normalize_space(text))
                    found = ((PUBLISHED, dateline),) if dateline is not None else ()
            elif DATE_HINT_RE.search(text) and find_date(text):
                found = self._read_text(owner, normalize_space(text), previous, texts, opening=in_header)
            for kind, evidence in found:
                walk = _record(walk, kind, evidence, in_header)
                if budget is not None:
                    budget = min(budget, WALK_AFTER_FIRST)
            if in_header and owner.tag not in HEADINGS and (len(text) > MAX_TEXT or PROSE_RE.search(text)):
                in_header = False  # the body's first paragraph
            if walk.published is not None and walk.updated is not None:
                break
            previous = text
        return walk

    def _read_text(self, owner, text: str, previous: str, texts: Texts, opening: bool = False):
        """(kind, evidence) for each dated segment of one text.

        A segment that runs to the end of the text takes the time (weekday,
        AM/PM, zone) in the next text along: ``<span>10-08</span><span>12:00</span>``;
        that text is put back when it is not used. In a paragraph of
        sentences only the dateline that opens the body counts (``opening``).
        """
        found = []
        if (NOT_THIS_ARTICLE_RE.search(text) or URL_LIKE_RE.search(text) or GREETING_END_RE.search(previous)
                or self.distractors.excludes(owner) or in_headline_link(owner)):
            return found
        if in_prose(owner):
            dateline = self._dateline(owner, text) if opening else None
            return [(PUBLISHED, dateline)] if dateline is not None else found
        position = 0
        while (m := find_date(text, position)) is not None:
            first_in_text = position == 0
            end = SEGMENT_END_RE.search(text, m.end())
            label = LABEL_END_RE.search(text, max(0, m.start() - 24), m.start())
            start = label.start() if label else m.start()
            if label is None and not text[:m.start()].strip():
                label = LABEL_END_RE.search(previous[-24:])
            segment = text[start:end.start() if end else len(text)]
            position = end.end() if end else len(text)
            if GREETING_END_RE.search(text, 0, m.start()) or (label is not None and label["profile"]):
                continue
            if end is None:
                following = texts.next()
                if (following is not None and following is not ABOVE_HEADLINE and len(following[1]) <= MAX_SEGMENT
                        and CONTINUATION_RE.match(following[1])):
                    segment += " " + normalize_space(following[1])
                elif following is not None:
                    texts.put_back(following)
            if len(segment) > MAX_SEGMENT or PROSE_RE.search(segment):
                continue
            evidence = self.reader.read(segment.strip(), GENERIC, near=self.near)
            if evidence is not None:
                labelled = (label is not None and label["update"]) or (
                    label is None and first_in_text and LEADING_UPDATE_RE.match(text)
                )
                found.append((UPDATED if labelled else MARKED if marked_updated(owner) else PUBLISHED, evidence))
        return found

    def _dateline(self, owner, text: str) -> DateEvidence | None:
        """The date that opens a paragraph (``27.1.2022 - Bei der …``, ``(21. November 2022) Die …``,
        ``Karlsruhe, (12.11.2021). Die …``), when ``text`` is where the paragraph starts."""
        head = text[:DATELINE_HEAD]
        m = find_date(head)
        if (m is None or not _DATELINE_BEFORE_RE.fullmatch(head, 0, m.start())
                or not _DATELINE_AFTER_RE.match(head, m.end()) or not _opens_paragraph(owner, text)
                or self.distractors.is_distractor(owner)):
            return None
        return self.reader.read(m[0], GENERIC, near=self.near)


def _record(walk: _Walk, kind: str, evidence: DateEvidence, in_header: bool) -> _Walk:
    """``walk`` with a date of ``kind`` found: the first of each kind is kept."""
    first = walk.first or kind
    if kind != PUBLISHED:
        return walk if walk.updated else walk._replace(updated=evidence, updated_in_header=in_header, first=first)
    return walk if walk.published else walk._replace(published=evidence, published_in_header=in_header, first=first)


def _opens_paragraph(owner, text: str) -> bool:
    """Is ``text`` the first text of the paragraph (the block around ``owner``)?"""
    node = owner
    while node.tag in INLINE_TAGS and node.getparent() is not None:
        node = node.getparent()
    first = next((t for t in node.itertext() if not t.isspace()), "")
    return normalize_space(first) == text


def marked_updated(element) -> bool:
    """Does the element's class or itemprop say it holds an update time (``class="updated"``,
    ``update-time``), and not also the publish time (WordPress: ``entry-date published updated``)?"""
    marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}"
    return bool(_UPDATED_MARK_RE.search(marks)) and not _PUBLISHED_MARK_RE.search(marks)


