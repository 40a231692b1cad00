"""Dates in strings: where a text holds one, and the evidence a date string gives.

``find_date(text)`` finds the first date-like stretch of a text (numeric
and Chinese shapes, month names, ``昨天``, ``3小时前``, a year-less day after
its label: ``发布时间：10-08``); ``is_date_line(text)`` says whether a line is
only a date (with its label, time and weekday). ``DateReader(...).read(raw,
rule)`` parses a date string of one page (``crawler.dates.parse.parse_date`` in
the site's zone, against ``now``, the fetch time) into a
``DateEvidence(raw, value, rule)``: the text as found, its ISO 8601 value
and the rule that found it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from crawler.dates.labels import MONTH_NAMES, PUBLISH_LABELS, UPDATE_LABELS
from crawler.dates.parse import parse_date

# The rules that find dates: the page's metadata, a date the reader sees, the article URL.
METADATA, GENERIC, URL = "metadata", "generic", "url"

MAX_SEGMENT = 100  # longer than a date with its label and time: a sentence

_CJK_PUBLISH_LABEL = "|".join(sorted(PUBLISH_LABELS, key=len, reverse=True))
_LABEL_FIRST_CHARS = "".join(sorted({label[0] for label in PUBLISH_LABELS}))
PUBLISH_LABEL = _CJK_PUBLISH_LABEL + (
    r"|(?i:published(?:\s+on)?|posted(?:\s+on)?|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publié(?:\s+le)?|"
    r"publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?)"
)
UPDATE_LABEL = "|".join(sorted(UPDATE_LABELS, key=len, reverse=True)) + (
    r"|(?i:(?:last\s+)?updated(?:\s+on)?|modified|(?:zuletzt\s+)?(?:aktualisiert|geändert|bearbeitet)(?:\s+am)?|"
    r"editiert(?:\s+am)?|stand|"
    r"mis\s+à\s+jour(?:\s+le)?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|aggiornato(?:\s+il)?)"
)
# Text that may hold a date: a cheap test first, then the shapes. Each
# alternative opens with a lookahead on its first character, so that the
# search fails fast at the positions of ordinary text.
DATE_HINT_RE = re.compile(r"[\d刚剛昨前今]")
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
# in a month's place here, and find_date keeps those that are month names
# (an alternation of all the names would be slow to search).
_NAMED_DATE_RE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b"
    r"|\b(?P<month_first>[^\W\d_]{3,10})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"
)
WORD_CHAR_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u4e00-\u9fff]")
# What may stand around a date in a line that is only a date: its label, the time, a weekday, at / um / Uhr.
_DATE_LINE_WORDS_RE = re.compile(
    rf"{UPDATE_LABEL}|{PUBLISH_LABEL}|(?i:publiziert|erstellt|stand|letzte änderung|\b(?:am|um|uhr|at|on|le|el|"
    r"mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|gmt|utc|cet|cest)\b)|星期.|周."
)
MAX_DATE_LINE_WORDS = 2


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """A date found on a page: the text as found, its ISO 8601 value and the rule that found it."""

    raw: str
    value: str
    rule: str  # METADATA, GENERIC or URL

    @property
    def day(self) -> str:
        return self.value[:10]

    @property
    def has_time(self) -> bool:
        return len(self.value) > 10


@dataclass(slots=True)
class DateReader:
    """Reads the date strings of one page: in the site's zone and languages, against the fetch time."""

    now: datetime
    timezone: str
    languages: tuple[str, ...] | None
    url: str | None

    def read(self, raw: str, rule: str, near: date | None = None) -> DateEvidence | None:
        """``raw`` as evidence found by ``rule``, or None when it is no date; ``near`` gives a
        year-less date its year."""
        result = parse_date(raw, now=self.now, timezone=self.timezone, languages=self.languages, url=self.url,
                            near=near)
        return DateEvidence(raw, result.value, rule) if result.value else None


def find_date(text: str, position: int = 0) -> re.Match | None:
    """The first date-like stretch of ``text`` from ``position``."""
    found = _DATE_SHAPE_RE.search(text, position)
    return find_named_date(text, position, found.start() if found is not None else len(text)) or found


def find_named_date(text: str, position: int = 0, end: int | None = None) -> re.Match | None:
    """The first date written with a month name (9 May 2020, May 9, 2020, 9. Mai 2020) in ``text[position:end]``."""
    for named in _NAMED_DATE_RE.finditer(text, position, len(text) if end is None else end):
        if (named["month"] or named["month_first"]).lower() in MONTH_NAMES:
            return named
    return None


def is_date_line(text: str) -> bool:
    """Is ``text`` only a date (with its label, time and weekday: ``Publiziert: 03.04.2020, 12:35``,
    ``11 Jan 2019``, ``发布时间：2019-05-18``), no sentence?"""
    if len(text) > MAX_SEGMENT or not DATE_HINT_RE.search(text) or find_date(text) is None:
        return False
    rest = _DATE_LINE_WORDS_RE.sub(" ", without_dates(text))
    return len(WORD_CHAR_RE.findall(rest)) <= MAX_DATE_LINE_WORDS


def without_dates(text: str) -> str:
    """``text`` with its date-like stretches taken out."""
    parts = []
    position = 0
    while (m := find_date(text, position)) is not None:
        parts.append(text[position:m.start()])
        position = m.end()
    parts.append(text[position:])
    return "".join(parts)
