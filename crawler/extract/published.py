"""When a page says its article was published (and updated): page-level date evidence.

``find_published(sel, url, now=...)`` and ``find_updated(...)`` return a
``DateEvidence(raw, value, rule)``, or None: the text as found, its ISO 8601
value (``pipelines.dates.parse_date`` in the site's zone, against ``now``,
the fetch time) and the rule that found it. ``PageDates`` gathers the
evidence once when both are wanted. The site's own selector, when it has
one, is applied before any of this by ``ArticleExtractor``.

Evidence, and the rule it is recorded under:

- ``metadata``: JSON-LD ``datePublished`` / ``dateModified`` (Baidu's
  cambrian ``pubDate`` / ``upDate``), then date ``<meta>`` tags
  (``article:published_time``, ``publishdate``, ``PubDate`` …, best first),
  read in the head, and in the body when the head has no publish date; then
  the first ``<time datetime>`` outside lists and sidebars; as a last
  resort, a publish time in the page state an inline script hands to the
  page's JavaScript (``"pubtime": "…"``). A metadata instant at midnight is
  a day stored as a timestamp: only its day is kept, as written.
- ``generic``: a date the reader sees. The texts after the headline (the
  first ``<h1>`` that is most of the page title, else the first
  ``<h2>``…``<h6>`` that is, else the first ``<h1>``, else the first
  heading over a paragraph that is not a link nor in a list, navigation or
  sidebar) are read in document order, a hundred at most; when the walk
  leaves the headline's small header block, the three elements before the
  headline and before that block come next (a date line above it, maybe
  behind a category label and an image). The first date met is the info
  line's. Only when that finds none, and the metadata gives no time, is the
  whole page searched (weak evidence, see below). A date is read with its
  label (``发布时间：``, ``Veröffentlicht am``), with the time in the next
  element (``<span>10-08</span><span>12:00</span>``) and, after a day number
  alone, with the month and year in the next texts (a calendar badge:
  ``<span>26</span> Okt 2018``, ``8.<a>Dezember 2010</a> um 09:43``); in
  the header, an empty element's ``data-date`` / ``datetime`` attribute is
  read too (a date the page's style sheet or script shows: ``<div
  data-date="18. März 2020"></div>``). A date labelled as an update (``最后更新``,
  ``Aktualisiert``, ``Updated 2010 GMT … March 14, 2021``) or in an element
  whose class says ``update`` (and not also ``published``) is the update
  date. The article's header is what lies between the headline and the
  body's first paragraph (a text of more than 200 characters outside a
  heading), and the lines just above the headline; the only date read
  inside a paragraph of sentences is the dateline that opens the body
  (``27.1.2022 - Bei der …``, ``(21. November 2022) Die …``,
  ``Karlsruhe, (12.11.2021). Die …``).
- ``url``: the date in the article URL, day precision, when nothing else is
  found.
- ``metadata`` again, last: the metadata's update date, when the page gives
  no publish date at all (an encyclopedia entry, a service page: its last
  revision is the only date it has).

Never used: dates in comments, related-article, hot and ranking lists,
sidebars, navigation, breadcrumbs, quotes (embedded posts) and the page
footer (by tag, class and id), dates repeated in a run of sibling items,
``上一篇/下一篇`` lines, greetings (``今天是2020年5月9日``), a member's
registration date (``Registriert:``, ``Joined``), dates inside sentences
(body paragraphs, ``2009年5月14日在南京逝世``), in URLs, and in links whose
text is another headline; nor a date found only by searching the whole page
that is later than the metadata's update date (a page is not published after
its last update: that is an event in its text). A comment or reply
container right after the headline is no distractor: on a forum it is the
thread's opening post, and its date is the thread's.

When the metadata and the visible date disagree (the corpora under
``../shared/corpora`` show both kinds of error):

- same day: the one with a time wins when only one has a time (users want
  the minute); when both have one and they differ, the visible one wins:
  sina, guancha and qq show the minute the article went out, while
  ``article:published_time`` / cambrian ``pubDate`` hold a later save of
  the record. When they agree, the metadata wins (seconds, offset).
- up to three days apart, with the visible date in the article's header:
  the visible one. These are the same publication seen through a time zone
  (a UTC timestamp on a US or European site crosses midnight; the page
  prints its own local day) or a record created a day or two before it went
  out.
- further apart, or a visible date met outside the header (further down
  the walk: a hidden "read also" teaser in the body; or by searching the
  whole page): the metadata. A visible date weeks or years away from the metadata is
  most often another date that the page shows (an event, an update, a
  teaser), while the metadata describes the article. Two exceptions, where
  the visible date in the article's header wins at any distance: it is
  earlier than the metadata's (the metadata stamps a later save of the
  record: a migration, a re-publication), or the header shows an update
  date and no publish date (``Updated Mar 12, 2020``, ``Aktualisiert:
  11.04.2020``): the page gives its update as its date, and that is the
  date readers (and the corpora's labels) take.
- a visible day one before a metadata timestamp that is a local midnight
  (``6.11.22`` and ``2022-11-06T23:00:00Z`` on a Berlin site): the
  metadata's day. The timestamp is a day stored as a local midnight and the
  page printed it in UTC.

A year-less visible date (``发布时间：10-08 12:00``) takes its year from the
page's metadata dates, then from the URL (``parse_date(near=...)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from crawler.extract.text import normalize_space
from pipelines.dates import DEFAULT_TIMEZONE, MONTH_NAMES, PUBLISH_LABELS, UPDATE_LABELS, parse_date, url_date

__all__ = ["DateEvidence", "PageDates", "find_published", "find_updated", "is_date_line"]

METADATA, GENERIC, URL = "metadata", "generic", "url"
# Kinds of visible dates: a publish date, an update date the page labels as one ("Updated",
# "Aktualisiert"), one that only the element's class marks as an update (class="updated").
PUBLISHED, UPDATED, MARKED = "published", "updated", "marked"

# --- metadata ---

# <meta> names/properties (lower-cased, spaces removed), best first.
PUBLISHED_META = (
    "datepublished", "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "publishdate", "publish_date", "publish-date", "pubdate", "publishtime",
    "publish_time", "publication_date", "published_time", "published_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "weibo:article:create_at", "firstpublishedtime", "og:time", "og:release_date",
    "citation_publication_date", "citation_date", "dc.date", "dcterms.date", "date", "datecreated", "uploaddate",
)
UPDATED_META = (
    "datemodified", "article:modified_time", "og:updated_time", "og:article:modified_time", "article.updated",
    "dc.date.modified", "dcterms.modified", "weibo:article:update_at", "lastmodifiedtime", "lastmodified",
    "dateupdate", "updatedate",
)
# JSON-LD keys, best first; Baidu's cambrian JSON-LD says pubDate / upDate.
PUBLISHED_LD = ("datePublished", "pubDate", "dateCreated", "uploadDate")
UPDATED_LD = ("dateModified", "upDate")
# Publish times in the page state that inline scripts hand to the page's
# JavaScript (qq: "pubtime", toutiao: "publish_time" …), read last. Searched
# in the lower-cased script: a case-insensitive search is eight times slower.
_STATE_DATE_RE = re.compile(
    r"""(?:pub_?time|publish_?time|publish_?date|pub_?date|ptime|release_?time)["']?\s*[:=]\s*["']"""
    r"""(?P<v>[^"'<>]{8,40})["']"""
)
_META_RANKS = {key: ("published", rank) for rank, key in enumerate(PUBLISHED_META)}
_META_RANKS.update({key: ("updated", rank) for rank, key in enumerate(UPDATED_META)})
# JSON-LD ranks before every meta tag.
_LD_RANKS = {key: ("published", rank - len(PUBLISHED_LD)) for rank, key in enumerate(PUBLISHED_LD)}
_LD_RANKS.update({key: ("updated", rank - len(UPDATED_LD)) for rank, key in enumerate(UPDATED_LD)})
_LD_DATE_RE = re.compile(rf'"(?P<k>{"|".join(PUBLISHED_LD + UPDATED_LD)})"\s*:\s*"(?P<v>[^"]{{4,40}})"')
# A metadata instant at midnight is a day stored as a timestamp (often in
# UTC): its day is the one written, whatever the zone.
_MIDNIGHT_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")

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
_WORD_CHAR_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u4e00-\u9fff]")
MIN_TITLE_CHARS = 6
_UPDATED_MARK_RE = re.compile(r"(?i)update|modified")
_PUBLISHED_MARK_RE = re.compile(r"(?i)publish")
SAME_STORY = timedelta(days=3)  # metadata and visible dates this close describe the same publication

# --- visible dates ---

MAX_TEXT = 200  # longer text is a body paragraph: its dates are events, not the publish date
MAX_SEGMENT = 100
WALK_TEXTS = 100  # non-blank texts after the headline searched for the info line
WALK_AFTER_FIRST = 20  # texts still searched (for an update date) once one is found
HEADER_LEVELS = 3
PRECEDING_SIBLINGS = 3
HEADED_SIBLINGS = 3  # siblings after a headline found by its paragraph (see _is_plain_heading)
HEADER_TEXT = 400
DATELINE_HEAD = 80  # where a paragraph's dateline (place, date and its separator) ends
SPLIT_DATE_PARTS = 2  # texts after a day number alone that may hold its month and year
MAX_SPLIT_PART = max(map(len, MONTH_NAMES)) + len(" 2020,")  # "September 2010", "septiembre 2010,"

_CJK_PUBLISH_LABEL = "|".join(sorted(PUBLISH_LABELS, key=len, reverse=True))
_LABEL_FIRST_CHARS = "".join(sorted({label[0] for label in PUBLISH_LABELS}))
_PUBLISH_LABEL = _CJK_PUBLISH_LABEL + (
    r"|(?i:published(?:\s+on)?|posted(?:\s+on)?|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publié(?:\s+le)?|"
    r"publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?)"
)
_UPDATE_LABEL = "|".join(sorted(UPDATE_LABELS, key=len, reverse=True)) + (
    r"|(?i:(?:last\s+)?updated(?:\s+on)?|modified|(?:zuletzt\s+)?(?:aktualisiert|geändert|bearbeitet)(?:\s+am)?|"
    r"editiert(?:\s+am)?|stand|"
    r"mis\s+à\s+jour(?:\s+le)?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|aggiornato(?:\s+il)?)"
)
# Text that may hold a date: a cheap test first, then the shapes. Each
# alternative opens with a lookahead on its first character, so that the
# search fails fast at the positions of ordinary text.
_DATE_HINT_RE = re.compile(r"[\d刚剛昨前今]")
_DATE_SHAPE_RE = re.compile(
    r"(?=\d)(?:"
    r"(?:19|20)\d{2}\s?(?P<sep>[-/.])\s?\d{1,2}\s?(?P=sep)\s?\d{1,2}|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
    r"|(?<!\d)\d{1,2}\s?(?P<sep2>[-/.])\s?\d{1,2}\s?(?P=sep2)\s?(?:19|20)?\d{2}(?!\d)"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号號]"
    r"|(?<![\d.:-])\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|個月|个月)前)"
    # relative forms as a page shows them, not the words inside a sentence (刚刚掉落的树叶)
    r"|(?=[刚剛])(?:刚刚|剛剛)(?![\u4e00-\u9fff])"
    r"|(?=[昨前今])(?:昨天|前天|今天)(?=\s*(?:\d|$|[上下中晚早凌]))"
    # a year-less day after its label: 发布时间：10-08
    rf"|(?=[{_LABEL_FIRST_CHARS}])(?:{_CJK_PUBLISH_LABEL})\s*[:：]?\s*\d{{1,2}}-\d{{1,2}}"
)
# Dates with a month name (9 May 2020, May 9, 2020, 9. Mai 2020): any word
# in a month's place here, and _find_date keeps those that are month names
# (an alternation of all the names would be slow to search).
_NAMED_DATE_RE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b"
    r"|\b(?P<month_first>[^\W\d_]{3,10})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"
)
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
    rf"(?:(?P<update>{_UPDATE_LABEL})|(?P<profile>{_PROFILE_LABEL})|{_PUBLISH_LABEL})\s*[:：]?\s*[\[【(]?\s*$"
)
# An update label opening the text, with a time between it and the date:
# "Updated 2010 GMT (0410 HKT) March 14, 2021".
_LEADING_UPDATE_RE = re.compile(rf"\s*(?:{_UPDATE_LABEL})(?![^\W\d_])")
# Where a dated segment of an info line ends: the next label, or a separator.
_SEGMENT_END_RE = re.compile(
    rf"(?:{_UPDATE_LABEL}|{_PUBLISH_LABEL}|{_OTHER_LABEL})\s*[:：]|\s*[|丨｜]\s*|\s(?:[•·]|//|[-–—](?!\s*\d))\s"
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


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """A date found on a page: the text as found, its ISO 8601 value and the rule that found it."""

    raw: str
    value: str
    rule: str  # "metadata", "generic" or "url"

    @property
    def day(self) -> str:
        return self.value[:10]

    @property
    def has_time(self) -> bool:
        return len(self.value) > 10


def find_published(sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                   languages=None) -> DateEvidence | None:
    """The page's publication date, or None. ``sel`` is a parsel Selector of the page."""
    return PageDates(sel, url, now=now, timezone=timezone, languages=languages).published


def find_updated(sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                 languages=None) -> DateEvidence | None:
    """The page's last-update date, or None."""
    return PageDates(sel, url, now=now, timezone=timezone, languages=languages).updated


class _Visible(NamedTuple):
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


def _reconcile(meta: DateEvidence | None, visible: DateEvidence | None, by_headline: bool,
               trusted: bool = False) -> DateEvidence | None:
    """The metadata's date or the visible one (see the module docstring for why). Only a visible date
    ``by_headline`` may win on another day than the metadata's; a ``trusted`` one wins at any distance."""
    if meta is None or visible is None:
        return meta or visible
    if meta.day == visible.day:
        if visible.has_time and (not meta.has_time or visible.value[:16] != meta.value[:16]):
            return visible
        return meta
    if _printed_in_utc(meta, visible):
        return meta
    if by_headline and (
        trusted or abs(date.fromisoformat(meta.day) - date.fromisoformat(visible.day)) <= SAME_STORY
    ):
        return visible
    return meta


def _printed_in_utc(meta: DateEvidence, visible: DateEvidence) -> bool:
    """Is ``visible`` the UTC day of a metadata timestamp that is a local midnight (a day stored as
    a timestamp: 2022-11-06T23:00:00Z for 7 November in Berlin), printed by a server running in UTC?"""
    return not (meta.has_time or visible.has_time) and meta.raw[:10] == visible.day != meta.day


@dataclass
class _Elements:
    """The elements of a part of the page that hold metadata."""

    meta: list = field(default_factory=list)
    json_ld: list = field(default_factory=list)
    inline_scripts: list = field(default_factory=list)
    time: list = field(default_factory=list)
    title: str = ""

    @classmethod
    def of(cls, elements) -> _Elements:
        found = cls()
        for element in elements:
            tag = element.tag
            if tag == "meta":
                found.meta.append(element)
            elif tag == "script":
                if (element.get("type") or "").lower() == "application/ld+json":
                    found.json_ld.append(element)
                elif element.get("src") is None:
                    found.inline_scripts.append(element)
            elif tag == "time":
                found.time.append(element)
            elif tag == "title" and not found.title:
                found.title = normalize_space("".join(element.itertext()))
        return found


class PageDates:
    """The date evidence of one page, gathered once for both ``published`` and ``updated``."""

    def __init__(self, sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                 languages=None):
        self.root = sel.root
        self.url = url
        self.now = now
        self.timezone = timezone
        self.languages = tuple(languages) if languages else None
        self._distractor_cache: dict = {}

    @cached_property
    def published(self) -> DateEvidence | None:
        visible = self._visible
        meta, meta_updated = self._metadata
        if meta is None and not visible.near_headline:
            meta = self._script_state
        shown = visible.published
        if (shown is not None and not visible.near_headline and meta_updated is not None
                and shown.day > meta_updated.day):
            shown = None  # found anywhere on the page and later than its last update: an event in its text
        # The header's update date is the page's own choice of date; a header date earlier than
        # the metadata's says that the metadata stamps a later save of the record (a migration).
        trusted = visible.update_only or (
            visible.in_header and shown is not None and meta is not None and shown.day < meta.day
        )
        chosen = _reconcile(meta, shown, visible.in_header, trusted)
        if chosen is None:
            day = url_date(self.url)
            if day is not None:
                chosen = DateEvidence(day.isoformat(), day.isoformat(), URL)
        # No publish date anywhere: the page's last update is the only date it gives.
        return chosen if chosen is not None else meta_updated

    @cached_property
    def updated(self) -> DateEvidence | None:
        return _reconcile(self._metadata[1], self._visible.updated, self._visible.near_headline)

    @property
    def updated_in_metadata(self) -> DateEvidence | None:
        """The update date the page's metadata states, without searching its text."""
        return self._metadata[1]

    def _parse(self, raw: str, rule: str, near: date | None = None) -> DateEvidence | None:
        result = parse_date(raw, now=self.now, timezone=self.timezone, languages=self.languages, url=self.url,
                            near=near)
        return DateEvidence(raw, result.value, rule) if result.value else None

    # --- the page's elements: the head first, the rest only when needed ---

    @cached_property
    def _head(self) -> _Elements:
        head = self.root.find("head")
        return _Elements.of(head.iter("meta", "script", "title") if head is not None else ())

    @cached_property
    def _body(self) -> _Elements:
        """Meta tags, scripts and <time> elements in the body: one walk of the whole body, done only
        when the head has no publish date."""
        body = self.root.find("body")
        return _Elements.of((body if body is not None else self.root).iter("meta", "script", "time"))

    # --- metadata ---

    @cached_property
    def _metadata(self) -> tuple[DateEvidence | None, DateEvidence | None]:
        """The best (published, updated) of the head's JSON-LD and meta tags; when the head has no publish
        date, of the body's too, then of the first <time datetime>."""
        published, updated = self._metadata_in(self._head)
        if published is None:
            body_published, body_updated = self._metadata_in(self._body)
            published = body_published or self._time_element("published")
            updated = updated or body_updated or self._time_element("updated")
        return published, updated

    def _metadata_in(self, elements: _Elements) -> tuple[DateEvidence | None, DateEvidence | None]:
        ranked: dict[str, list[tuple[int, str]]] = {"published": [], "updated": []}
        for script in elements.json_ld:
            for m in _LD_DATE_RE.finditer(script.text or ""):
                kind, rank = _LD_RANKS[m["k"]]
                ranked[kind].append((rank, m["v"]))
        for element in elements.meta:
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content:
                found = _META_RANKS.get(key.replace(" ", "").lower())
                if found is not None:
                    ranked[found[0]].append((found[1], content))
        return self._first_valid(ranked["published"]), self._first_valid(ranked["updated"])

    def _first_valid(self, ranked: list[tuple[int, str]]) -> DateEvidence | None:
        for _, raw in sorted(ranked, key=itemgetter(0)):
            evidence = self._parse_metadata(raw.strip())
            if evidence is not None:
                return evidence
        return None

    def _parse_metadata(self, raw: str) -> DateEvidence | None:
        midnight = _MIDNIGHT_RE.match(raw)
        evidence = self._parse(midnight[1] if midnight else raw, METADATA)
        if evidence is not None and evidence.value[10:19] == "T00:00:00":  # midnight in the site's zone: a day, too
            return DateEvidence(raw, evidence.day, METADATA)
        return evidence

    def _time_element(self, kind: str) -> DateEvidence | None:
        """The first <time datetime> of ``kind`` (``updated`` when its class says so) outside lists and sidebars."""
        for element in self._body.time:
            stamp = element.get("datetime")
            if (stamp and ("updated" if _marked_updated(element) else "published") == kind
                    and not self._is_distractor(element) and not self._is_list_item(element)):
                evidence = self._parse_metadata(stamp.strip())
                if evidence is not None:
                    return evidence
        return None

    @cached_property
    def _script_state(self) -> DateEvidence | None:
        """A publish time in the page state of an inline script (read only when there is no metadata)."""
        for script in self._head.inline_scripts + self._body.inline_scripts:
            text = script.text or ""
            lowered = text.lower()
            for m in _STATE_DATE_RE.finditer(lowered if len(lowered) == len(text) else text):
                evidence = self._parse(text[m.start("v"):m.end("v")].strip(), METADATA)
                if evidence is not None:
                    return evidence
        return None

    @cached_property
    def _near(self) -> date | None:
        """A day the metadata gives, for the year of a year-less visible date."""
        for evidence in self._metadata:
            if evidence is not None:
                return date.fromisoformat(evidence.day)
        return None

    # --- visible dates ---

    @cached_property
    def headline(self):
        """The headline element: the first <h1> that is most of the page title (or holds it), else the first heading
        of another level that is (an <h1> beats an earlier teaser of the same article), else the first <h1>, else
        the first heading over a paragraph (see _is_plain_heading).

        The page title and og:title both count; "most" is HEADLINE_SHARE of
        its length, so that a menu heading such as "Wärmepumpe" is not taken
        for the headline of "Eignet sich eine Wärmepumpe im Altbau? | heizung.de".
        """
        og_title = next(
            (m.get("content") for m in self._head.meta if (m.get("property") or "").lower() == "og:title"), ""
        )
        titles = [t.translate(_DASHES) for t in (self._head.title, normalize_space(og_title)) if t]
        first_h1 = matched = None
        for heading in self.root.iter(*HEADINGS):  # stops at a matching <h1>: most pages are not walked to the end
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
        return next(filter(_is_plain_heading, self.root.iter(*HEADINGS)), None)

    @cached_property
    def _visible(self) -> _Visible:
        """The first published and updated dates shown after the headline, else anywhere on the page."""
        anchor = self.headline
        walk = self._search(_Texts(_texts_after(anchor)), in_header=True) if anchor is not None else _Walk()
        if walk.first == UPDATED and walk.updated_in_header and not walk.published_in_header:
            return _Visible(walk.updated, walk.updated, near_headline=True, in_header=True, update_only=True)
        if walk.published is not None:
            return _Visible(walk.published, walk.updated, near_headline=True, in_header=walk.published_in_header)
        published, updated = None, walk.updated
        meta = self._metadata[0]
        if meta is None or not meta.has_time:
            # A date found anywhere is weak evidence: it cannot beat metadata
            # that has a time, so the page is not searched for it then.
            body = self.root.find("body")
            everything = _texts_in(body if body is not None else self.root, attribute_dates=False)
            anywhere = self._search(_Texts(everything), limit=None)
            published, updated = anywhere.published, updated or anywhere.updated
        return _Visible(published, updated, near_headline=False)

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
            elif _DATE_HINT_RE.search(text) and _find_date(text):
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
                or self._is_distractor(owner) or self._is_list_item(owner) or _in_headline_link(owner)):
            return found
        if _in_prose(owner):
            dateline = self._dateline(owner, text) if opening else None
            return [(PUBLISHED, dateline)] if dateline is not None else found
        position = 0
        while (m := _find_date(text, position)) is not None:
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
            evidence = self._parse(segment.strip(), GENERIC, near=self._near)
            if evidence is not None:
                labelled = (label is not None and label["update"]) or (
                    label is None and first_in_text and _LEADING_UPDATE_RE.match(text)
                )
                found.append((UPDATED if labelled else MARKED if _marked_updated(owner) else PUBLISHED, evidence))
        return found

    def _dateline(self, owner, text: str) -> DateEvidence | None:
        """The date that opens a paragraph (``27.1.2022 - Bei der …``, ``(21. November 2022) Die …``,
        ``Karlsruhe, (12.11.2021). Die …``), when ``text`` is where the paragraph starts."""
        head = text[:DATELINE_HEAD]
        m = _find_date(head)
        if (m is None or not _DATELINE_BEFORE_RE.fullmatch(head, 0, m.start())
                or not _DATELINE_AFTER_RE.match(head, m.end()) or not _opens_paragraph(owner, text)
                or self._is_distractor(owner)):
            return None
        return self._parse(m[0], GENERIC, near=self._near)

    def _is_distractor(self, element) -> bool:
        """Inside a comment, related-list, sidebar, navigation … container?

        A container of the headline is never one (``<div class="main
        has-sidebar">``), nor is ``<body>``, whose classes describe the layout.
        The thread's opening post (see _opening_post) is judged by the
        containers around it.
        """
        chain = []
        verdict = False
        node = element
        post = self._opening_post
        if post is not None and (node is post or any(ancestor is post for ancestor in node.iterancestors())):
            node = post.getparent()
        if not self._distractor_cache and self.headline is not None:
            self._distractor_cache.update(dict.fromkeys(self.headline.iterancestors(), False))
        while node is not None and node.tag != "body":
            cached = self._distractor_cache.get(node)
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
            self._distractor_cache[node] = verdict
        return verdict

    @cached_property
    def _opening_post(self):
        """The element right after the headline when its class says it is a comment or a reply: on a
        forum, the thread's opening post, set in the same kind of container as the replies below it."""
        node = self.headline.getnext() if self.headline is not None else None
        while node is not None and not isinstance(node.tag, str):  # an HTML comment
            node = node.getnext()
        return node if node is not None and _POST_RE.search(_class_and_id(node)) else None

    @staticmethod
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
                                and _find_date(_short_text(sibling))):
                            dated += 1
                if dated >= LIST_NEIGHBOURS:
                    return True
            node = parent
        return False


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
        m = _find_date(joined)
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


def _find_date(text: str, position: int = 0) -> re.Match | None:
    """The first date-like stretch of ``text`` from ``position``."""
    found = _DATE_SHAPE_RE.search(text, position)
    end = found.start() if found is not None else len(text)
    for named in _NAMED_DATE_RE.finditer(text, position, end):
        if (named["month"] or named["month_first"]).lower() in MONTH_NAMES:
            return named
    return found


# What may stand around a date in a line that is only a date: its label, the time, a weekday, at / um / Uhr.
_DATE_LINE_WORDS_RE = re.compile(
    rf"{_UPDATE_LABEL}|{_PUBLISH_LABEL}|(?i:publiziert|erstellt|stand|letzte änderung|\b(?:am|um|uhr|at|on|le|el|"
    r"mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|gmt|utc|cet|cest)\b)|星期.|周."
)
MAX_DATE_LINE_WORDS = 2


def is_date_line(text: str) -> bool:
    """Is ``text`` only a date (with its label, time and weekday: ``Publiziert: 03.04.2020, 12:35``,
    ``11 Jan 2019``, ``发布时间：2019-05-18``), no sentence?"""
    if len(text) > MAX_SEGMENT or not _DATE_HINT_RE.search(text) or _find_date(text) is None:
        return False
    rest = _DATE_LINE_WORDS_RE.sub(" ", _without_dates(text))
    return len(_WORD_CHAR_RE.findall(rest)) <= MAX_DATE_LINE_WORDS


def _without_dates(text: str) -> str:
    """``text`` with its date-like stretches taken out."""
    parts = []
    position = 0
    while (m := _find_date(text, position)) is not None:
        parts.append(text[position:m.start()])
        position = m.end()
    parts.append(text[position:])
    return "".join(parts)


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


def _marked_updated(element) -> bool:
    """Does the element's class or itemprop say it holds an update time (``class="updated"``,
    ``update-time``), and not also the publish time (WordPress: ``entry-date published updated``)?"""
    marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}"
    return bool(_UPDATED_MARK_RE.search(marks)) and not _PUBLISHED_MARK_RE.search(marks)


def _in_headline_link(element) -> bool:
    """Is ``element`` inside a link whose text, dates aside, is a headline (another article)?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        if node.tag == "a":
            words = _WORD_CHAR_RE.findall(_without_dates(_short_text(node)))
            return len(words) >= MIN_TITLE_CHARS
        node = node.getparent()
    return False
