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
  first ``<h1>``…``<h6>`` that is most of the page title, else the first
  ``<h1>``) are read in document order, a hundred at most; when the walk
  leaves the headline's small header block, the two elements before the
  headline come next (a date line above it). The first date met is the info
  line's. Only when that finds none, and the metadata gives no time, is the
  whole page searched (weak evidence, see below). A date is read with its
  label (``发布时间：``, ``Veröffentlicht am``) and with the time in the next
  element (``<span>10-08</span><span>12:00</span>``); a date labelled as an
  update (``最后更新``, ``Aktualisiert``) or in an element whose class says
  ``updated`` is the update date.
- ``url``: the date in the article URL, day precision, when nothing else is
  found.

Never used: dates in comments, related-article, hot and ranking lists,
sidebars, navigation, breadcrumbs and the page footer (by tag, class and id),
dates repeated in a run of sibling items, ``上一篇/下一篇`` lines, greetings
(``今天是2020年5月9日``), dates inside sentences (body paragraphs, ``2009年
5月14日在南京逝世``), in URLs, and in links whose text is another headline.

When the metadata and the visible date disagree (the corpora under
``../shared/corpora`` show both kinds of error):

- same day: the one with a time wins when only one has a time (users want
  the minute); when both have one and they differ, the visible one wins:
  sina, guancha and qq show the minute the article went out, while
  ``article:published_time`` / cambrian ``pubDate`` hold a later save of
  the record. When they agree, the metadata wins (seconds, offset).
- up to three days apart, with the visible date right after the headline:
  the visible one. These are the same publication seen through a time zone
  (a UTC timestamp on a US or European site crosses midnight; the page
  prints its own local day) or a record created a day or two before it went
  out.
- further apart, or a visible date found only by searching the whole page:
  the metadata. A visible date weeks or years away from the metadata is
  most often another date that the page shows (an event, an update, a
  teaser), while the metadata describes the article.

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
MIN_HEADLINE = 4
HEADLINE_SHARE = 0.4
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "select", "option", "button", "textarea"))
INLINE_TAGS = frozenset(("a", "b", "strong", "em", "i", "span", "font", "u", "small", "time", "abbr", "sup", "sub"))
DISTRACTOR_TAGS = frozenset(("nav", "aside"))
# Class/id words of the places that show other articles' dates.
_DISTRACTOR_RE = re.compile(
    r"comment|reply|replies|relate|recommend|tuijian|xgxw|xiangguan|remen|paihang|sidebar|breadcrumb|crumb|"
    r"copyright|pagination|prevnext|prev-next|adjacent|navigation|popular|trending|"
    r"(?:^|[\s_-])(?:hot|nav|navbar|menu|side|rank|ranking)(?:$|[\s_\d-])"
    r"|(?:^|\s)(?:site-|page-|global-|main-)?footer(?:$|\s)"  # the page's footer, not an article's "post-footer"
)
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
_UPDATED_MARK_RE = re.compile(r"(?i)updated|modified")
SAME_STORY = timedelta(days=3)  # metadata and visible dates this close describe the same publication

# --- visible dates ---

MAX_TEXT = 200  # longer text is a body paragraph: its dates are events, not the publish date
MAX_SEGMENT = 100
WALK_TEXTS = 100  # non-blank texts after the headline searched for the info line
WALK_AFTER_FIRST = 20  # texts still searched (for an update date) once one is found
HEADER_LEVELS = 3
PRECEDING_SIBLINGS = 2
HEADER_TEXT = 400

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
# A date label right before a date (group ``update`` when it names an update).
_LABEL_END_RE = re.compile(rf"(?:(?P<update>{_UPDATE_LABEL})|{_PUBLISH_LABEL})\s*[:：]?\s*[\[【(]?\s*$")
# Where a dated segment of an info line ends: the next label, or a separator.
_SEGMENT_END_RE = re.compile(
    rf"(?:{_UPDATE_LABEL}|{_PUBLISH_LABEL}|{_OTHER_LABEL})\s*[:：]|\s*[|丨｜]\s*|\s(?:[•·]|//|[-–—](?!\s*\d))\s"
)
# What may follow a date in the next element: its time, weekday, AM/PM or zone.
_CONTINUATION_RE = re.compile(
    r"\s*(?:\d{1,2}:\d{2}|\d{1,2}\s*[点时]|星期[一二三四五六日天]|周[一二三四五六日天]|[（(]?\s*(?:星期|周)|"
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


def _reconcile(meta: DateEvidence | None, visible: DateEvidence | None, near_headline: bool) -> DateEvidence | None:
    """The metadata's date or the visible one (see the module docstring for why)."""
    if meta is None or visible is None:
        return meta or visible
    if meta.day == visible.day:
        if visible.has_time and (not meta.has_time or visible.value[:16] != meta.value[:16]):
            return visible
        return meta
    if near_headline and abs(date.fromisoformat(meta.day) - date.fromisoformat(visible.day)) <= SAME_STORY:
        return visible
    return meta


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
        meta = self._metadata[0]
        if meta is None and not visible.near_headline:
            meta = self._script_state
        chosen = _reconcile(meta, visible.published, visible.near_headline)
        if chosen is None:
            day = url_date(self.url)
            if day is not None:
                chosen = DateEvidence(day.isoformat(), day.isoformat(), URL)
        return chosen

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
        """The headline element: the first heading that is most of the page title (or holds it), else the first <h1>.

        The page title and og:title both count; "most" is HEADLINE_SHARE of
        its length, so that a menu heading such as "Wärmepumpe" is not taken
        for the headline of "Eignet sich eine Wärmepumpe im Altbau? | heizung.de".
        """
        og_title = next(
            (m.get("content") for m in self._head.meta if (m.get("property") or "").lower() == "og:title"), ""
        )
        titles = [t for t in (self._head.title, normalize_space(og_title)) if t]
        first_h1 = None
        for heading in self.root.iter(*HEADINGS):  # stops at the headline: most pages are not walked to the end
            text = normalize_space("".join(heading.itertext()))
            if len(text) < MIN_HEADLINE:
                continue
            if any(t in text or (text in t and len(text) >= HEADLINE_SHARE * len(t)) for t in titles):
                return heading
            if first_h1 is None and heading.tag == "h1":
                first_h1 = heading
        return first_h1

    @cached_property
    def _visible(self) -> _Visible:
        """The first published and updated dates shown after the headline, else anywhere on the page."""
        anchor = self.headline
        published, updated = self._search(_texts_after(anchor)) if anchor is not None else (None, None)
        if published is not None:
            return _Visible(published, updated, near_headline=True)
        meta = self._metadata[0]
        if meta is None or not meta.has_time:
            # A date found anywhere is weak evidence: it cannot beat metadata
            # that has a time, so the page is not searched for it then.
            body = self.root.find("body")
            published, anywhere_updated = self._search(_texts_in(body if body is not None else self.root), limit=None)
            updated = updated or anywhere_updated
        return _Visible(published, updated, near_headline=False)

    def _search(self, texts, limit: int | None = WALK_TEXTS):
        """The first published and updated dates among ``texts`` ((owner element, text) pairs, not blank)."""
        texts = iter(texts)
        published = updated = None
        budget = limit
        previous = ""  # the last text: it may hold the label of a date in a separate element
        for item in texts:
            while item is not None:  # a text read ahead for a date's time, and not used, comes round again
                owner, text = item
                item = None
                if budget is not None:
                    budget -= 1
                    if budget < 0:
                        return published, updated
                if len(text) <= MAX_TEXT and _DATE_HINT_RE.search(text) and _find_date(text):
                    found, item = self._read_text(owner, normalize_space(text), previous, texts)
                    for kind, evidence in found:
                        if kind == "updated":
                            updated = updated or evidence
                        elif published is None:
                            published = evidence
                            if budget is not None:
                                budget = min(budget, WALK_AFTER_FIRST)
                    if published is not None and updated is not None:
                        return published, updated
                previous = text
        return published, updated

    def _read_text(self, owner, text: str, previous: str, texts):
        """(kind, evidence) for each dated segment of one text, and the next text if it was read and not used.

        A segment that runs to the end of the text takes the time (weekday,
        AM/PM, zone) in the next text along: ``<span>10-08</span><span>12:00</span>``.
        """
        found = []
        if (_NOT_THIS_ARTICLE_RE.search(text) or _URL_LIKE_RE.search(text) or _GREETING_END_RE.search(previous)
                or self._is_distractor(owner) or self._is_list_item(owner) or _in_prose(owner)
                or _in_headline_link(owner)):
            return found, None
        unused = None
        position = 0
        while (m := _find_date(text, position)) is not None:
            end = _SEGMENT_END_RE.search(text, m.end())
            label = _LABEL_END_RE.search(text, max(0, m.start() - 24), m.start())
            start = label.start() if label else m.start()
            if label is None and not text[:m.start()].strip():
                label = _LABEL_END_RE.search(previous[-24:])
            segment = text[start:end.start() if end else len(text)]
            position = end.end() if end else len(text)
            if _GREETING_END_RE.search(text, 0, m.start()):
                continue
            if end is None:
                following = next(texts, None)
                if following is not None and len(following[1]) <= MAX_SEGMENT and _CONTINUATION_RE.match(following[1]):
                    segment += " " + normalize_space(following[1])
                else:
                    unused = following
            if len(segment) > MAX_SEGMENT or _PROSE_RE.search(segment):
                continue
            evidence = self._parse(segment.strip(), GENERIC, near=self._near)
            if evidence is not None:
                found.append((
                    "updated" if (label and label["update"]) or _marked_updated(owner) else "published", evidence
                ))
        return found, unused

    def _is_distractor(self, element) -> bool:
        """Inside a comment, related-list, sidebar, navigation … container?

        A container of the headline is never one (``<div class="main
        has-sidebar">``), nor is ``<body>``, whose classes describe the layout.
        """
        chain = []
        verdict = False
        node = element
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
                isinstance(tag, str)
                and _DISTRACTOR_RE.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower())
            ):
                verdict = True
                break
            node = node.getparent()
        for node in chain:
            self._distractor_cache[node] = verdict
        return verdict

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


def _texts_after(anchor):
    """(owner, text) for each text after ``anchor`` (not inside it), in document order.

    When the walk leaves the headline's header block (see _header_block)
    the texts just before the headline come next (see _texts_before): a date
    line above the headline.
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
    """(owner, text) in the two elements before the headline and before each of its ancestors inside
    ``header`` (only before the headline itself when there is no header block), nearest level first."""
    node = anchor
    while node is not None and node is not header:
        for sibling in reversed(list(islice(node.itersiblings(preceding=True), PRECEDING_SIBLINGS))):
            yield from _texts_in(sibling)
            if sibling.tail and not sibling.tail.isspace():
                yield sibling.getparent(), sibling.tail
        if header is None:
            return
        node = node.getparent()


def _texts_in(element):
    """(owner, text) for each text inside ``element`` that is not blank, in document order
    (a tail comes before its element's children)."""
    for child in element.iter():
        text = child.text
        if text and not text.isspace() and isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
            yield child, text
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
    text = _short_text(node)
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


def _in_article(element) -> bool:
    return any(ancestor.tag == "article" for ancestor in element.iterancestors())


def _marked_updated(element) -> bool:
    """Does the element's class or itemprop say it holds an update time (``class="updated"``)?"""
    return bool(_UPDATED_MARK_RE.search(f"{element.get('class') or ''} {element.get('itemprop') or ''}"))


def _in_headline_link(element) -> bool:
    """Is ``element`` inside a link whose text, dates aside, is a headline (another article)?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        if node.tag == "a":
            words = _WORD_CHAR_RE.findall(_without_dates(_short_text(node)))
            return len(words) >= MIN_TITLE_CHARS
        node = node.getparent()
    return False
