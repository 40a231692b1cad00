"""The dates a reader sees on an article page (the ``generic`` rule of ``crawler.extract.published``).

``article_headline(root, titles)`` finds the headline; ``VisibleDates(root,
headline, distractors, reader, near).find(search_page)`` reads the first
publish and update dates around it.

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
``<span>26</span> Okt 2018``, ``8.<a>Dezember 2010</a> um 09:43``); in the
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

Never read (``Distractors`` and the text rules of ``VisibleDates``): dates in
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
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from crawler.dates.labels import MONTH_NAMES
from crawler.extract.date_text import (
    DATE_HINT_RE, GENERIC, MAX_SEGMENT, PUBLISH_LABEL, UPDATE_LABEL, WORD_CHAR_RE, DateEvidence, DateReader, find_date,
    without_dates,
)
from crawler.extract.text import normalize_space

# Kinds of visible dates: a publish date, an update date the page labels as one ("Updated",
# "Aktualisiert"), one that only the element's class marks as an update (class="updated").
PUBLISHED, UPDATED, MARKED = "published", "updated", "marked"

# --- where visible dates are not the article's ---

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))  # "Queer Royal – Über …" in the title, "-" in the <h2>
MIN_HEADLINE = 4
HEADLINE_SHARE = 0.4
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "select", "option", "button", "textarea"))
INLINE_TAGS = frozenset(("a", "b", "strong", "em", "i", "span", "font", "u", "small", "time", "abbr", "sup", "sub"))
DISTRACTOR_TAGS = frozenset(("nav", "aside", "blockquote"))  # a quote (an embedded post) has its own date
# Where the headings of menus, teasers and widgets stand.
FURNITURE_TAGS = frozenset(("nav", "aside", "li", "a", "footer"))
# Class/id words of the places that show other articles' dates.
_DISTRACTOR_RE = re.compile(
    r"comment|reply|replies|relate|recommend|tuijian|xgxw|xiangguan|remen|paihang|sidebar|breadcrumb|crumb|"
    r"copyright|pagination|prevnext|prev-next|adjacent|navigation|popular|trending|"
    r"(?:^|[\s_-])(?:hot|nav|navbar|menu|side|rank|ranking)(?:$|[\s_\d-])"
    r"|(?:^|\s)(?:site-|page-|global-|main-)?footer(?:$|\s)"  # the page's footer, not an article's "post-footer"
)
# A comment's or reply's container (right after the headline: a forum thread's opening post).
_POST_RE = re.compile(r"comment|reply")
# Repeated siblings with these tags are list items even without a class.
LIST_ITEM_TAGS = frozenset(("li", "dd", "dt", "tr", "article"))
ANCESTORS_CHECKED = 6
LIST_NEIGHBOURS = 2  # dated siblings alike, among the two before and the two after
_NOT_THIS_ARTICLE_RE = re.compile(r"上一篇|下一篇|上一條|下一條|上一条|下一条|(?i:previous|next)\s*(?:post|article)")
_GREETING_END_RE = re.compile(r"(?:今天|今日|现在)\s*(?:是|为)?\s*[:：]?\s*$")
# A date inside a sentence is an event's date, not the page's; one in a URL
# or in a link's headline belongs to another page.
_PROSE_RE = re.compile(r"[。，！？；]")
_URL_LIKE_RE = re.compile(r"://|www\.|/[^\s/]*[A-Za-z-]{3}[^\s/]*/")
MIN_TITLE_CHARS = 6
_UPDATED_MARK_RE = re.compile(r"(?i)update|modified")
_PUBLISHED_MARK_RE = re.compile(r"(?i)publish")

# --- visible dates ---

MAX_TEXT = 200  # longer text is a body paragraph: its dates are events, not the publish date
WALK_TEXTS = 100  # non-blank texts after the headline searched for the info line
WALK_AFTER_FIRST = 20  # texts still searched (for an update date) once one is found
HEADER_LEVELS = 3
PRECEDING_SIBLINGS = 3
HEADED_SIBLINGS = 3  # siblings after a headline found by its paragraph (see _is_plain_heading)
HEADER_TEXT = 400
DATELINE_HEAD = 80  # where a paragraph's dateline (place, date and its separator) ends
SPLIT_DATE_PARTS = 2  # texts after a day number alone that may hold its month and year
MAX_SPLIT_PART = max(map(len, MONTH_NAMES)) + len(" 2020,")  # "September 2010", "septiembre 2010,"

_OTHER_LABEL = (
    r"来源|稿源|来自|作者|编辑|责任编辑|责编|记者|通讯员|摄影|撰稿|点击|点击数|点击率|阅读|浏览|浏览次数|字号|分享|分享到|"
    r"打印|关闭|收藏|(?i:source|quelle|autor|author|fuente|auteur|fonte|von|by)"
)
# Labels of a member's dates in a post's author box: not the article's.
_PROFILE_LABEL = (
    r"注册时间|註冊時間|注册于|加入时间|(?i:registriert(?:\s+seit)?|mitglied\s+seit|dabei\s+seit|joined|"
    r"member\s+since|registered(?:\s+since)?|inscrit(?:e)?(?:\s+(?:le|depuis))?|membre\s+depuis|"
    r"registrado(?:\s+(?:el|em|desde))?|miembro\s+desde|iscritto(?:\s+il)?)"
)
# A date label right before a date (group ``update`` when it names an update, ``profile`` a member's date).
_LABEL_END_RE = re.compile(
    rf"(?:(?P<update>{UPDATE_LABEL})|(?P<profile>{_PROFILE_LABEL})|{PUBLISH_LABEL})\s*[:：]?\s*[\[【(]?\s*$"
)
# An update label opening the text, with a time between it and the date:
# "Updated 2010 GMT (0410 HKT) March 14, 2021".
_LEADING_UPDATE_RE = re.compile(rf"\s*(?:{UPDATE_LABEL})(?![^\W\d_])")
# Where a dated segment of an info line ends: the next label, or a separator.
_SEGMENT_END_RE = re.compile(
    rf"(?:{UPDATE_LABEL}|{PUBLISH_LABEL}|{_OTHER_LABEL})\s*[:：]|\s*[|丨｜]\s*|\s(?:[•·]|//|[-–—](?!\s*\d))\s"
)
# A day number alone in its element: the rest of the date may follow (see _joined_date).
_BARE_DAY_RE = re.compile(r"\s*\d{1,2}\.?\s*$")
# A dateline opening the body: [Place, ][(]date[)] followed by a bracket or a dash, colon or full stop.
_DATELINE_BEFORE_RE = re.compile(r"(?:[A-ZÄÖÜ][\w.'-]*(?:\s+[A-ZÄÖÜ][\w.'-]*)?\s*,\s*)?[(\[]?\s*")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:[)\]]|[-–—|:.](?:\s|$)|$)")
# What may follow a date in the next element: its time, weekday, AM/PM or zone.
_CONTINUATION_RE = re.compile(
    r"\s*(?:(?:(?i:um|at|à|a\s+las|às)\s+)?\d{1,2}:\d{2}|\d{1,2}\s*[点时]|星期[一二三四五六日天]|周[一二三四五六日天]|[（(]?\s*(?:星期|周)|"
    r"(?i:uhr\b|[ap]\.?m\.?(?![a-z])|gmt|utc|cet|cest|[ecmp][sd]t\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))"
)


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


def article_headline(root, titles: Iterable[str]):
    """The headline element: the first <h1> that is most of a page title (or holds it), else the first heading
    of another level that is (an <h1> beats an earlier teaser of the same article), else the first <h1>, else
    the first heading over a paragraph (see _is_plain_heading).

    ``titles`` are the page title and og:title; "most" is HEADLINE_SHARE of
    a title's length, so that a menu heading such as "Wärmepumpe" is not taken
    for the headline of "Eignet sich eine Wärmepumpe im Altbau? | heizung.de".
    """
    titles = [t.translate(_DASHES) for t in titles if t]
    first_h1 = matched = None
    for heading in root.iter(*HEADINGS):  # stops at a matching <h1>: most pages are not walked to the end
        is_h1 = heading.tag == "h1"
        if not is_h1 and matched is not None:
            continue
        text = normalize_space("".join(heading.itertext())).translate(_DASHES)
        if len(text) < MIN_HEADLINE:
            continue
        if any(t in text or (text in t and len(text) >= HEADLINE_SHARE * len(t)) for t in titles):
            if is_h1:
                return heading
            matched = heading
        elif is_h1 and first_h1 is None:
            first_h1 = heading
    if matched is not None or first_h1 is not None:
        return matched if matched is not None else first_h1
    return next(filter(_is_plain_heading, root.iter(*HEADINGS)), None)


class Distractors:
    """The places of one page that show other articles' dates, told apart around its headline."""

    def __init__(self, headline):
        self.headline = headline
        self._cache: dict = {}

    def excludes(self, element) -> bool:
        """Is ``element`` in a distractor (see is_distractor) or in a run of dated list items?"""
        return self.is_distractor(element) or _is_list_item(element)

    def is_distractor(self, element) -> bool:
        """Inside a comment, related-list, sidebar, navigation … container?

        A container of the headline is never one (``<div class="main
        has-sidebar">``), nor is ``<body>``, whose classes describe the layout.
        The thread's opening post (see opening_post) is judged by the
        containers around it.
        """
        chain = []
        verdict = False
        node = element
        post = self.opening_post
        if post is not None and (node is post or any(ancestor is post for ancestor in node.iterancestors())):
            node = post.getparent()
        if not self._cache and self.headline is not None:
            self._cache.update(dict.fromkeys(self.headline.iterancestors(), False))
        while node is not None and node.tag != "body":
            cached = self._cache.get(node)
            if cached is not None:
                verdict = cached
                break
            chain.append(node)
            tag = node.tag
            if tag in DISTRACTOR_TAGS or (tag == "footer" and not _in_article(node)) or (
                isinstance(tag, str) and _DISTRACTOR_RE.search(_class_and_id(node))
            ):
                verdict = True
                break
            node = node.getparent()
        for node in chain:
            self._cache[node] = verdict
        return verdict

    @cached_property
    def opening_post(self):
        """The element right after the headline when its class says it is a comment or a reply: on a
        forum, the thread's opening post, set in the same kind of container as the replies below it."""
        node = self.headline.getnext() if self.headline is not None else None
        while node is not None and not isinstance(node.tag, str):  # an HTML comment
            node = node.getnext()
        return node if node is not None and _POST_RE.search(_class_and_id(node)) else None


def _is_list_item(element) -> bool:
    """Part of a run of three repeated items (other articles, comments) that all show dates?"""
    node = element
    for _ in range(ANCESTORS_CHECKED):
        parent = node.getparent()
        if parent is None or node.tag == "body":
            return False
        cls = node.get("class")
        if cls or node.tag in LIST_ITEM_TAGS:
            dated = 0
            for siblings in (node.itersiblings(preceding=True), node.itersiblings()):
                for sibling in islice(siblings, LIST_NEIGHBOURS):
                    if (sibling.tag == node.tag and sibling.get("class") == cls
                            and find_date(_short_text(sibling))):
                        dated += 1
            if dated >= LIST_NEIGHBOURS:
                return True
        node = parent
    return False


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
        walk = self._search(_Texts(_texts_after(anchor)), in_header=True) if anchor is not None else _Walk()
        if walk.first == UPDATED and walk.updated_in_header and not walk.published_in_header:
            return Visible(walk.updated, walk.updated, near_headline=True, in_header=True, update_only=True)
        if walk.published is not None:
            return Visible(walk.published, walk.updated, near_headline=True, in_header=walk.published_in_header)
        published, updated = None, walk.updated
        if search_page:
            body = self.root.find("body")
            everything = _texts_in(body if body is not None else self.root, attribute_dates=False)
            anywhere = self._search(_Texts(everything), limit=None)
            published, updated = anywhere.published, updated or anywhere.updated
        return Visible(published, updated, near_headline=False)

    def _search(self, texts: _Texts, limit: int | None = WALK_TEXTS, in_header: bool = False) -> _Walk:
        """The first published and updated dates among ``texts``; ``in_header``: the walk starts in the
        article's header, which ends at the body's first paragraph (outside a heading, a text longer
        than MAX_TEXT or one with Chinese sentence punctuation)."""
        walk = _Walk()
        budget = limit
        previous = ""  # the last text: it may hold the label of a date in a separate element
        while (item := texts.next()) is not None:
            if item is _ABOVE_HEADLINE:
                in_header = True
                continue
            owner, text = item
            if isinstance(text, _AttributeDate) and not in_header:
                continue
            if budget is not None:
                budget -= 1
                if budget < 0:
                    break
            if _BARE_DAY_RE.match(text):
                text = _joined_date(text, texts) or text
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
            if in_header and owner.tag not in HEADINGS and (len(text) > MAX_TEXT or _PROSE_RE.search(text)):
                in_header = False  # the body's first paragraph
            if walk.published is not None and walk.updated is not None:
                break
            previous = text
        return walk

    def _read_text(self, owner, text: str, previous: str, texts: _Texts, opening: bool = False):
        """(kind, evidence) for each dated segment of one text.

        A segment that runs to the end of the text takes the time (weekday,
        AM/PM, zone) in the next text along: ``<span>10-08</span><span>12:00</span>``;
        that text is put back when it is not used. In a paragraph of
        sentences only the dateline that opens the body counts (``opening``).
        """
        found = []
        if (_NOT_THIS_ARTICLE_RE.search(text) or _URL_LIKE_RE.search(text) or _GREETING_END_RE.search(previous)
                or self.distractors.excludes(owner) or _in_headline_link(owner)):
            return found
        if _in_prose(owner):
            dateline = self._dateline(owner, text) if opening else None
            return [(PUBLISHED, dateline)] if dateline is not None else found
        position = 0
        while (m := find_date(text, position)) is not None:
            first_in_text = position == 0
            end = _SEGMENT_END_RE.search(text, m.end())
            label = _LABEL_END_RE.search(text, max(0, m.start() - 24), m.start())
            start = label.start() if label else m.start()
            if label is None and not text[:m.start()].strip():
                label = _LABEL_END_RE.search(previous[-24:])
            segment = text[start:end.start() if end else len(text)]
            position = end.end() if end else len(text)
            if _GREETING_END_RE.search(text, 0, m.start()) or (label is not None and label["profile"]):
                continue
            if end is None:
                following = texts.next()
                if (following is not None and following is not _ABOVE_HEADLINE and len(following[1]) <= MAX_SEGMENT
                        and _CONTINUATION_RE.match(following[1])):
                    segment += " " + normalize_space(following[1])
                elif following is not None:
                    texts.put_back(following)
            if len(segment) > MAX_SEGMENT or _PROSE_RE.search(segment):
                continue
            evidence = self.reader.read(segment.strip(), GENERIC, near=self.near)
            if evidence is not None:
                labelled = (label is not None and label["update"]) or (
                    label is None and first_in_text and _LEADING_UPDATE_RE.match(text)
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


class _Texts:
    """The (owner, text) pairs of a walk, and the texts read ahead and put back."""

    __slots__ = ("_texts", "_back")

    def __init__(self, texts):
        self._texts = iter(texts)
        self._back = []

    def next(self):
        return self._back.pop() if self._back else next(self._texts, None)

    def put_back(self, *items) -> None:
        self._back.extend(reversed(items))


# Where _texts_after turns to the texts just above the headline.
_ABOVE_HEADLINE = ("", "")


def _record(walk: _Walk, kind: str, evidence: DateEvidence, in_header: bool) -> _Walk:
    """``walk`` with a date of ``kind`` found: the first of each kind is kept."""
    first = walk.first or kind
    if kind != PUBLISHED:
        return walk if walk.updated else walk._replace(updated=evidence, updated_in_header=in_header, first=first)
    return walk if walk.published else walk._replace(published=evidence, published_in_header=in_header, first=first)


def _joined_date(day: str, texts: _Texts) -> str | None:
    """A day number alone, its month and year in the next texts (a calendar badge: ``<span
    class="day">26</span> Okt 2018``): the date they make together, else None (the texts are put back)."""
    joined = day.strip()
    read = []
    for _ in range(SPLIT_DATE_PARTS):
        item = texts.next()
        if item is None:
            break
        read.append(item)
        part = item[1].strip()
        if item is _ABOVE_HEADLINE or len(part) > MAX_SPLIT_PART:
            break
        joined = f"{joined} {part}"
        m = find_date(joined)
        if m is not None and m.start() == 0:
            return joined
    texts.put_back(*read)
    return None


def _opens_paragraph(owner, text: str) -> bool:
    """Is ``text`` the first text of the paragraph (the block around ``owner``)?"""
    node = owner
    while node.tag in INLINE_TAGS and node.getparent() is not None:
        node = node.getparent()
    first = next((t for t in node.itertext() if not t.isspace()), "")
    return normalize_space(first) == text


def _texts_after(anchor):
    """(owner, text) for each text after ``anchor`` (not inside it), in document order.

    When the walk leaves the headline's header block (see _header_block)
    the texts just before the headline come next (see _texts_before): a date
    line above the headline. _ABOVE_HEADLINE marks where they start.
    """
    if anchor.tail and not anchor.tail.isspace():
        yield anchor.getparent(), anchor.tail
    header = _header_block(anchor)
    node = anchor
    while node is not None:
        for sibling in node.itersiblings():
            yield from _texts_in(sibling)
            if sibling.tail and not sibling.tail.isspace():
                yield node.getparent(), sibling.tail
        parent = node.getparent()
        if parent is not None and parent is (header if header is not None else anchor.getparent()):
            yield _ABOVE_HEADLINE
            yield from _texts_before(anchor, header)
        node = parent


def _header_block(anchor):
    """The largest of the headline's three nearest ancestors whose text is short: the article's header."""
    header = None
    node = anchor.getparent()
    for _ in range(HEADER_LEVELS):
        if node is None or node.tag == "body" or len(_short_text(node, HEADER_TEXT)) >= HEADER_TEXT:
            break
        header = node
        node = node.getparent()
    return header


def _texts_before(anchor, header):
    """(owner, text) in the two elements before the headline and before each of its ancestors up to
    ``header`` (only before the headline itself when there is no header block), nearest level first."""
    node = anchor
    while node is not None:
        for sibling in reversed(list(islice(node.itersiblings(preceding=True), PRECEDING_SIBLINGS))):
            yield from _texts_in(sibling)
            if sibling.tail and not sibling.tail.isspace():
                yield sibling.getparent(), sibling.tail
        if header is None or node is header:
            return
        node = node.getparent()


class _AttributeDate(str):
    """The date of an empty element's ``data-date`` attribute (``<time>``'s ``datetime``), which the page's style
    sheet or script shows (``<div class="timeline__arrow" data-date="18. März 2020"></div>`` with
    ``content: attr(data-date)``): read in the article's header only."""

    __slots__ = ()


def _texts_in(element, attribute_dates: bool = True):
    """(owner, text) for each text inside ``element`` that is not blank, in document order
    (a tail comes before its element's children); for an empty element, its attribute date
    (see _AttributeDate) unless ``attribute_dates`` is false."""
    for child in element.iter():
        text = child.text
        if text and not text.isspace():
            if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
                yield child, text
        elif attribute_dates and len(child) == 0 and isinstance(child.tag, str):
            shown = child.get("datetime") if child.tag == "time" else child.get("data-date")
            if shown and child.tag not in SKIPPED_TAGS:
                yield child, _AttributeDate(shown)
        text = child.tail
        if text and not text.isspace() and child is not element:
            yield child.getparent(), text


def _short_text(element, limit: int = MAX_TEXT) -> str:
    """The start of an element's text (at most ``limit`` characters, read from a few text nodes)."""
    return "".join(islice(element.itertext(), limit // 10))[:limit]


def _in_prose(element) -> bool:
    """Is ``element`` (a <p>, or say a <b> in one) part of a paragraph of sentences?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        node = node.getparent()
    if node is None or node.tag != "p":
        return False
    text = normalize_space(_short_text(node))
    return len(text) > MAX_SEGMENT or bool(_PROSE_RE.search(text))


def _is_plain_heading(heading) -> bool:
    """Does ``heading`` head a paragraph (one of more than MAX_TEXT characters among its next few
    siblings), being neither a link (a teaser, a menu entry) nor inside a list, navigation or sidebar?"""
    return (
        len(normalize_space("".join(heading.itertext()))) >= MIN_HEADLINE
        and any(sibling.tag == "p" and len(_short_text(sibling, MAX_TEXT + 1)) > MAX_TEXT
                for sibling in islice(heading.itersiblings(), HEADED_SIBLINGS))
        and heading.find(".//a") is None
        and not any(ancestor.tag in FURNITURE_TAGS for ancestor in heading.iterancestors())
    )


def _class_and_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _in_article(element) -> bool:
    return any(ancestor.tag == "article" for ancestor in element.iterancestors())


def marked_updated(element) -> bool:
    """Does the element's class or itemprop say it holds an update time (``class="updated"``,
    ``update-time``), and not also the publish time (WordPress: ``entry-date published updated``)?"""
    marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}"
    return bool(_UPDATED_MARK_RE.search(marks)) and not _PUBLISHED_MARK_RE.search(marks)


def _in_headline_link(element) -> bool:
    """Is ``element`` inside a link whose text, dates aside, is a headline (another article)?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        if node.tag == "a":
            words = WORD_CHAR_RE.findall(without_dates(_short_text(node)))
            return len(words) >= MIN_TITLE_CHARS
        node = node.getparent()
    return False
