"""Calendar dates written in text: ``2020-05-09``, ``2020年5月9日``,
``16.10.2019``, ``15/01/2016``, ``9. Mai 2020 um 21:22``, ``May 9, 2020 9:22 PM``,
two-digit years and year-less ``5月9日`` / ``05-09 21:22``, with a weekday, a
time and an offset around them.

``scan_calendar(text)`` picks the best such date of a text (one after a
publish label beats one after an update label, which beats an unlabelled
one; greetings and year-less datelines are refused) without knowing ``now``;
``resolve_calendar`` then makes it a ``DateResult``: the order of day and
month by the site's language and zone, the year of a year-less date from a
nearby date, the URL, or the latest year that does not put it in the future.
"""

import functools
import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from crawler.dates.clock import CLOCK, OFFSET, TIME_OPT, ZONE_WORD_RE, Clock, cn_int, moment_at, read_clock, read_offset
from crawler.dates.fallback import LongTail
from crawler.dates.labels import GREETING_TAIL_RE, LABEL_TAIL_RE, LABEL_WINDOW, MONTH_NAMES, UPDATE_LABEL_SET
from crawler.dates.result import CLOCK_SKEW, DateResult, Refused, day_result, instant_result
from crawler.dates.url import url_date


# Made for every date read, a named tuple: a frozen dataclass takes three times as long to make.
class Calendar(NamedTuple):
    """A calendar date read from the text, maybe with a time and an offset."""

    year: int | None  # None: no year in the text
    two_digit_year: bool
    month: int
    day: int
    clock: Clock | None
    offset: timedelta | None  # explicit UTC offset; None means local time
    # 06.11.23 read as YY.MM.DD; in a day-first language it is DD.MM.YY.
    dotted_yy: bool = False
    # 04/05/2020 read month first; where the site writes the day first it is 4 May.
    either_order: bool = False


# Patterns. The text is NFKC-normalised first, so full-width digits, colons,
# brackets and spaces arrive as ASCII; ``【】`` have no ASCII form and are
# listed explicitly.

_WEEKDAY_OPT = r"(?:\s*,?\s*[(\[【]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)\]】]?)?"


def _with_weekday_and_time(date_pattern: str) -> re.Pattern:
    """``date_pattern`` followed by an optional weekday, then an optional time and offset, compiled."""
    return re.compile(date_pattern + _WEEKDAY_OPT + TIME_OPT)


# 2020-05-09, 2020/5/9, 2020.05.09 (+ weekday, time, offset).
_YMD_NUM_RE = _with_weekday_and_time(
    r"(?<![\d.])(?P<y>[12]\d{3})\s?(?P<sep>[-/.])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<d>\d{1,2})(?!\d)"
)
# 2020年5月9日, 20年5月9日.
_YMD_CJK_RE = _with_weekday_and_time(
    r"(?<!\d)(?P<y>[12]\d{3}|\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
)
# 09.05.2020 (DD.MM.YYYY: with dots and the year last, the day is first in
# every language that writes it), with a time after a space, comma, bar,
# dash or "um"/"at": 09.05.2020, 21:22 / 09.05.2020 | 21:22 Uhr.
_DMY_DOTTED_RE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>[12]\d{3})(?![\d.])" + _WEEKDAY_OPT
    + rf"(?:\s*(?:[,|/∙·•–-]|um|at|à)?\s*{CLOCK}{OFFSET}(?![\d:]))?"
)
# 6.11.22: a one-digit first number is a day (a two-digit year has two).
_DMY_DOTTED_YY_RE = _with_weekday_and_time(r"(?<![\d.])(?P<d>\d)\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])")
# 15/01/2016, 01-11-2023 10:29: day and month in either order. The order is
# read from a number above 12; when both are 12 or less the site's language
# and zone decide (see _month_first).
_DM_SLASH_RE = _with_weekday_and_time(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>[12]\d{3})(?![\d/-])"
)
# 20/05/09 (YY/MM/DD, as Chinese sites write it; dotted, DD.MM.YY in a
# day-first language: see resolve_calendar).
_YMD_YY_RE = _with_weekday_and_time(
    r"(?<![\d./-])(?P<y>\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d./-])"
)
# 5月9日 [21:22] and the 11月22日讯 dateline.
_MD_CJK_RE = _with_weekday_and_time(
    r"(?<![\d年])(?<!年\s)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號](?P<dateline>\s*[讯訊电電])?"
)
# 05-09 21:22: a year-less numeric date counts with a time after it, or when it
# ends the text, as in a listing's date cell ("11-24", "[11-24]"); inside other
# text, "05-09" is as likely a page range or a phone number.
_MD_NUM_RE = re.compile(
    r"(?<![\d./-])(?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?![\d/-])" + _WEEKDAY_OPT
    + rf"(?:\s+{CLOCK}{OFFSET}(?![\d:])|(?=\s*[\]】)）]?\s*$))"
)
# Any word in a month's place: scan_calendar keeps the matches whose word is
# in MONTH_NAMES (an alternation of all the names is slow to search).
_MONTH_NAME = r"(?P<mon>[^\W\d_]{3,10})\.?"
# The time after a date written with a month name: 24. Juli 2017 - 18:55,
# 3. Februar 2022 um 21:17 Uhr, Oct 24, 2023, 8:54 AM GMT+1.
_NAMED_TIME_OPT = (
    rf"(?:\s*(?:[,|/∙·•@–-]|um|at|à|a\s+las|às|alle)?\s*{CLOCK}(?:\s*Uhr)?{OFFSET}(?![\d:]))?"
)
# 9 May 2020, 9. Mai 2020, 9 de mayo de 2020, 9th May, 2020.
_DMY_NAMED_RE = re.compile(
    rf"(?<![\d.])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?{_MONTH_NAME},?\s*(?:de\s+|del\s+)?"
    rf"(?P<y>[12]\d{{3}})(?!\d)" + _NAMED_TIME_OPT,
    re.I,
)
# May 9, 2020 / May 9th 2020.
_MDY_NAMED_RE = re.compile(
    rf"(?<![^\W\d_]){_MONTH_NAME}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[12]\d{{3}})(?!\d)" + _NAMED_TIME_OPT,
    re.I,
)
# (pattern, how its year is written, the characters a match needs), in
# priority order: a later pattern's match is ignored where it overlaps an
# earlier one's, and a pattern is not searched in text that has none of its
# characters ("" stands for a Latin letter).
_DATE_PATTERNS = (
    (_YMD_NUM_RE, "full", "-/."),
    (_YMD_CJK_RE, "cjk", "年"),
    (_DMY_DOTTED_RE, "full", "."),
    (_DMY_DOTTED_YY_RE, "yy", "."),
    (_DM_SLASH_RE, "either", "-/"),
    (_DMY_NAMED_RE, "named", ""),
    (_MDY_NAMED_RE, "named", ""),
    (_YMD_YY_RE, "yy", "-/."),
    (_MD_CJK_RE, "none", "月"),
    (_MD_NUM_RE, "none", "-/"),
)
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

# 二〇二〇年五月九日 (print editions) is rewritten to digits before matching.
CN_DATE_RE = re.compile(r"([〇零一二三四五六七八九]{2,4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*([日号])")

_YEAR_FIRST_LANGUAGES = frozenset(("zh", "ja", "ko"))
_MONTH_FIRST_ZONES = ("America/", "US/", "Canada/", "Pacific/Honolulu")


def cn_date_to_digits(m: re.Match) -> str:
    """A match of CN_DATE_RE (二〇二〇年五月九日) written with digits (2020年5月9日)."""
    parts = [cn_int(g) for g in m.groups()[:3]]
    if None in parts:
        return m[0]
    return f"{parts[0]}年{parts[1]}月{parts[2]}{m[4]}"


def scan_calendar(text: str) -> Calendar | Refused | LongTail | None:
    """The best absolute or year-less date in ``text``.

    A date after a publish label (发布时间, 日期 ...) beats one after an update
    label (更新时间 ...), which beats an unlabeled one; among equals the first
    wins. Greetings and year-less datelines are never used.
    """
    taken: list[tuple[int, int]] = []
    best: tuple[int, int, Calendar | LongTail] | None = None
    refusal: Refused | None = None
    chars = set(text)
    has_letter = _LATIN_LETTER_RE.search(text) is not None
    for pattern, year_kind, needs in _DATE_PATTERNS:
        if chars.isdisjoint(needs) if needs else not has_letter:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if year_kind == "named" and m["mon"].lower() not in MONTH_NAMES:
                continue
            taken.append((start, end))
            before = text[max(0, start - LABEL_WINDOW):start]
            if GREETING_TAIL_RE.search(before):
                refusal = refusal or Refused("distractor")
                continue
            if year_kind == "none" and "dateline" in m.re.groupindex and m["dateline"]:
                refusal = refusal or Refused("dateline")
                continue
            found = calendar_from_match(m, year_kind)
            if isinstance(found, Refused):
                refusal = refusal or found
                continue
            label = LABEL_TAIL_RE.search(before)
            rank = 2 if label is None else 1 if label["label"] in UPDATE_LABEL_SET else 0
            if best is None or (rank, start) < best[:2]:
                best = (rank, start, found)
    if best is not None:
        return best[2]
    return refusal


def calendar_from_match(m: re.Match, year_kind: str) -> Calendar | Refused | LongTail:
    """The date of a match of a date pattern whose year is written the ``year_kind`` way."""
    if year_kind == "none":
        year, two_digit = None, False
    else:
        year, two_digit = int(m["y"]), len(m["y"]) == 2
    clock = None
    if m["h"] is not None or m["hc"] is not None:
        clock = read_clock(m)
        if clock is None:
            return Refused("not_a_date")
    try:
        offset = read_offset(m)
    except ValueError:
        return Refused("not_a_date")
    if (year_kind in ("named", "either") and clock is not None and offset is None
            and ZONE_WORD_RE.match(m.string, m.end())):
        # May 9, 2020 9:22 PM EDT, 12/30/2019 05:03 AM EST: dateparser knows the zone names. (Not after
        # year-first dates: on Chinese sites "CST" is China Standard Time, read as local time.)
        return LongTail(m.string)
    if year_kind == "either":
        first, second = int(m["a"]), int(m["b"])
        if first > 12:
            return calendar(year, False, second, first, clock, offset)
        if second > 12:
            return calendar(year, False, first, second, clock, offset)
        return calendar(year, False, first, second, clock, offset, either_order=True)
    dotted_yy = year_kind == "yy" and "sep" in m.re.groupindex and m["sep"] == "."
    month = MONTH_NAMES[m["mon"].lower()] if year_kind == "named" else int(m["m"])
    return calendar(year, two_digit, month, int(m["d"]), clock, offset, dotted_yy)


def calendar(year, two_digit, month, day, clock, offset, dotted_yy=False, either_order=False) -> Calendar | Refused:
    """A ``Calendar``, or ``Refused`` when no such day exists."""
    if not (1 <= month <= 12 and (1 <= day <= 31 or (dotted_yy and 1 <= year <= 31))):
        return Refused("not_a_date")
    if year is not None and not two_digit:
        try:
            date(year, month, day)
        except ValueError:
            return Refused("not_a_date")
    return Calendar(year, two_digit, month, day, clock, offset, dotted_yy, either_order)


def resolve_calendar(found: Calendar, now_local: datetime, timezone: str, languages, near: date | None,
                     url) -> DateResult:
    year, month, day_of_month = found.year, found.month, found.day
    if found.dotted_yy and _day_first(languages):
        year, day_of_month = day_of_month, year
    if found.either_order and not _month_first(languages, timezone):
        month, day_of_month = day_of_month, month
    if year is None:
        year = _infer_year(found, now_local, near or url_date(url))
        if year is None:
            return DateResult(None, "not_a_date")
    elif found.two_digit_year:
        year += 2000 if 2000 + year <= now_local.year + 1 else 1900
    try:
        day = date(year, month, day_of_month)
    except ValueError:
        return DateResult(None, "not_a_date")
    if found.clock is None:
        return day_result(day, now_local)
    return instant_result(moment_at(day, found.clock, found.offset, now_local.tzinfo), found.clock.fraction, now_local)


def _day_first(languages) -> bool:
    """Do the site's languages write DD.MM.YY (any language but Chinese, Japanese and Korean)?"""
    return bool(languages) and not any(lang.split("-")[0].lower() in _YEAR_FIRST_LANGUAGES for lang in languages)


@functools.lru_cache(maxsize=64)
def _month_first(languages, timezone: str) -> bool:
    """Does the site write 04/05/2020 for April 5? English in the Americas does (the US, Canada);
    every other language, and English elsewhere (the UK, Ireland, India, Australia …), writes
    the day first. With no language known: month first, as dateparser reads it."""
    if not languages:
        return True
    language = languages[0].split("-")[0].lower()
    if language in _YEAR_FIRST_LANGUAGES:
        return True
    return language == "en" and timezone.startswith(_MONTH_FIRST_ZONES)


def _infer_year(found: Calendar, now_local: datetime, ref: date | None) -> int | None:
    """Year for a year-less date: from ``ref`` (a date the page gives
    elsewhere, or its URL's), else the latest non-future."""
    if ref is not None:
        # The reference's year, unless the same day in a neighbouring year is
        # nearer (URL 2020/12/31, page "01-01 08:00" -> 2021).
        best = None
        for year in (ref.year, ref.year - 1, ref.year + 1):
            try:
                distance = abs((date(year, found.month, found.day) - ref).days)
            except ValueError:
                continue
            if best is None or distance < best[0]:
                best = (distance, year)
        return best[1] if best else None
    for year in range(now_local.year, now_local.year - 8, -1):
        try:
            day = date(year, found.month, found.day)
        except ValueError:
            continue  # 02-29 outside a leap year
        if found.clock is None:
            if day <= now_local.date():
                return year
        elif moment_at(day, found.clock, found.offset, now_local.tzinfo) <= now_local + CLOCK_SKEW:
            return year
    return None
