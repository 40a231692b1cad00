"""Dates: turn the date strings found on news pages into ISO 8601.

``normalize_date()`` reads what a spider scraped as a publish or update date
(``发布时间：2020年5月9日 21:22``, ``3小时前``, ``<meta content="...Z">``, an
epoch in milliseconds, ``May 9, 2020 9:22 PM`` ...) and returns the site's
local time with its offset (``2020-05-09T21:22:00+08:00``), or only the day
(``2020-05-09``) when the text gives no time: a midnight is never invented.
``parse_date()`` does the same and also says why a value was refused.

How it works:

- A fast path of compiled patterns reads the common numeric and Chinese forms
  (labels, ``年月日``, ``-`` / ``/`` / ``.``, brackets, weekdays, two-digit and
  missing years, compact digits, epochs, ISO offsets, RFC 2822, meta tags and
  JSON fragments, Chinese relative forms) and the European ones news pages
  print (``16.10.2019``, ``9. Mai 2020 um 21:22``, ``May 9, 2020 9:22 PM``,
  ``9 de mayo de 2020``; ``15/01/2016`` when a number above 12 tells day from
  month, and ``04/05/2020`` month first only for English in the Americas;
  ``06.11.23`` as DD.MM.YY when the site's languages are not Chinese,
  Japanese or Korean). Its result does not depend on ``now``, so it is cached
  on the raw string alone; ``now`` is applied afterwards.
- Whatever the fast path cannot read goes to dateparser (relative English
  and German, zone names and the rest of the long tail), with
  the site's languages and then English, reused parsers and a result cache
  keyed on ``now`` only for text that is relative.
- Values are refused (``None`` with a reason) when empty, not a date,
  ambiguous (``几分钟前``), later than ``now`` plus ten minutes of clock skew,
  or in a year before 1990 or after next year.

A year-less date (``02-13 09:33``) takes its year from ``near`` (a date the
page gives elsewhere, such as its metadata's) or from the date in the article
URL when there is one (``url_date()``), otherwise the most recent year that
does not put it in the future.

``DatesPipeline`` applies this to ``published_raw`` / ``updated_raw``.
"""

from __future__ import annotations

import email.utils
import functools
import html
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as fixed_offset
from typing import NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser
from itemadapter import ItemAdapter

__all__ = [
    "CLOCK_SKEW",
    "DEFAULT_TIMEZONE",
    "MONTH_NAMES",
    "PUBLISH_LABELS",
    "UPDATE_LABELS",
    "DateResult",
    "DatesPipeline",
    "normalize_date",
    "parse_date",
    "url_date",
]

logger = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Shanghai"
#: How far past ``now`` an instant may lie before it counts as "future".
CLOCK_SKEW = timedelta(minutes=10)
#: Years outside [MIN_YEAR, now.year + 1] are refused as implausible.
MIN_YEAR = 1990

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Epochs at or above this are milliseconds (1e11 s would be the year 5138).
_MS_THRESHOLD = 10**11
# dateparser base for text that names a year: see _dateparser_absolute().
_FIXED_BASE = datetime(1970, 1, 1, 12, 0, 0)


@dataclass(frozen=True, slots=True)
class DateResult:
    """Outcome of ``parse_date()``.

    ``value`` is the ISO 8601 string (or ``YYYY-MM-DD``), or None; ``reason``
    is set only when ``value`` is None: ``empty``, ``not_a_date``,
    ``ambiguous``, ``future``, ``implausible_year``, ``distractor`` (a
    greeting such as ``今天是2020年5月9日``) or ``dateline`` (a year-less
    ``11月22日讯``).
    """

    value: str | None
    reason: str | None = None


# --------------------------------------------------------------------------
# What the fast path finds. Nothing here depends on ``now``: that is what
# lets _scan() be cached on the raw string alone.


# _Clock and _Calendar, made for every date read, are named tuples: a frozen
# dataclass takes three times as long to make.


class _Clock(NamedTuple):
    """A wall-clock time; ``hour`` may be 24 (``晚上12点``: next midnight)."""

    hour: int
    minute: int
    second: int
    fraction: str  # fractional-second digits as written, "" if none

    def delta(self) -> timedelta:
        micro = int(self.fraction.ljust(6, "0")) if self.fraction else 0
        return timedelta(hours=self.hour, minutes=self.minute, seconds=self.second, microseconds=micro)


class _Calendar(NamedTuple):
    """A calendar date read from the text, maybe with a time and an offset."""

    year: int | None  # None: no year in the text
    two_digit_year: bool
    month: int
    day: int
    clock: _Clock | None
    offset: timedelta | None  # explicit UTC offset; None means local time
    # 06.11.23 read as YY.MM.DD; in a day-first language it is DD.MM.YY.
    dotted_yy: bool = False
    # 04/05/2020 read month first; where the site writes the day first it is 4 May.
    either_order: bool = False


@dataclass(frozen=True, slots=True)
class _Instant:
    """An exact instant (epochs, RFC 2822)."""

    utc: datetime
    fraction: str


@dataclass(frozen=True, slots=True)
class _Ago:
    """``N <unit>前``; ``刚刚`` is zero seconds."""

    unit: str  # second, minute, hour, day, week, month, year
    amount: int


@dataclass(frozen=True, slots=True)
class _DayRef:
    """``今天`` / ``昨晚8点`` / ``周五下午3点``: a day relative to today."""

    days_back: int | None  # None when the day is given by weekday
    weekday: int | None  # Monday = 0
    last_week: bool  # ``上周五``: the Friday of the previous calendar week
    clock: _Clock | None


@dataclass(frozen=True, slots=True)
class _Refused:
    reason: str


@dataclass(frozen=True, slots=True)
class _LongTail:
    """Nothing matched: hand the cleaned text to dateparser."""

    text: str


_Found = _Calendar | _Instant | _Ago | _DayRef | _Refused | _LongTail

# --------------------------------------------------------------------------
# Patterns. The text is NFKC-normalised first, so full-width digits, colons,
# brackets and spaces arrive as ASCII; ``【】`` have no ASCII form and are
# listed explicitly.

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CN_NUMERAL = "〇零一二两兩三四五六七八九十"
_CN_NUM = f"[{_CN_NUMERAL}]{{1,3}}"
_CN_DIGIT_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                    "六": 6, "七": 7, "八": 8, "九": 9}

_MORNING = ("凌晨", "半夜", "清晨", "早晨", "早上", "上午")
_NOON = ("中午",)
_AFTERNOON = ("午后", "下午", "傍晚")
_NIGHT = ("晚上", "晚间", "夜里", "夜间", "深夜")
_PERIOD = "|".join(_MORNING + _NOON + _AFTERNOON + _NIGHT)

# Groups: period; h, mi, s, f (digits with colons); hc, half, mc, sc (点/时).
_CLOCK = (
    rf"(?:(?P<period>{_PERIOD})\s*)?"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{1,2})(?:[.,](?P<f>\d+))?)?(?:\s*(?P<ampm>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?"
    rf"|(?P<hc>\d{{1,2}}|{_CN_NUM})\s*[点點时時]"
    rf"(?:\s*(?P<half>半)|\s*(?P<mc>\d{{1,2}}|{_CN_NUM})(?:\s*分(?:\s*(?P<sc>\d{{1,2}})\s*秒)?)?)?)"
)
_OFFSET = r"(?:(?P<z>Z)|\s*(?P<off>[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|\(?北京时间\)?))?"
# The time follows a space, a T, or a hyphen (gov.cn meta: 2007-08-20-23:59:59).
_TIME_OPT = rf"(?:(?:\s*T?\s*|-){_CLOCK}{_OFFSET}(?![\d:]))?"
_WEEKDAY_OPT = r"(?:\s*,?\s*[(\[【]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)\]】]?)?"

# 2020-05-09 / 2020-05-09T21:22:03.5+08:00 as the whole value: ISO 8601,
# what most metadata holds, read before anything else. Its strict form is
# read with positional groups (a named group costs a tenth of a microsecond
# to look up), the rest (other separators, spaces, zone words) by _ISO_RE.
_ISO_STRICT_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:(Z)|([+-]\d{2}:?\d{2}))?$"
)
_ISO_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + _TIME_OPT + "$")
# 2020-05-09, 2020/5/9, 2020.05.09 (+ weekday, time, offset).
_YMD_NUM_RE = re.compile(
    r"(?<![\d.])(?P<y>[12]\d{3})\s?(?P<sep>[-/.])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<d>\d{1,2})(?!\d)"
    + _WEEKDAY_OPT + _TIME_OPT
)
# 2020年5月9日, 20年5月9日.
_YMD_CJK_RE = re.compile(
    r"(?<!\d)(?P<y>[12]\d{3}|\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    + _WEEKDAY_OPT + _TIME_OPT
)
# 09.05.2020 (DD.MM.YYYY: with dots and the year last, the day is first in
# every language that writes it), with a time after a space, comma, bar,
# dash or "um"/"at": 09.05.2020, 21:22 / 09.05.2020 | 21:22 Uhr.
_DMY_DOTTED_RE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>[12]\d{3})(?![\d.])" + _WEEKDAY_OPT
    + rf"(?:\s*(?:[,|/∙·•–-]|um|at|à)?\s*{_CLOCK}{_OFFSET}(?![\d:]))?"
)
# 6.11.22: a one-digit first number is a day (a two-digit year has two).
_DMY_DOTTED_YY_RE = re.compile(
    r"(?<![\d.])(?P<d>\d)\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])" + _WEEKDAY_OPT + _TIME_OPT
)
# 15/01/2016, 01-11-2023 10:29: day and month in either order. The order is
# read from a number above 12; when both are 12 or less the site's language
# and zone decide (see _month_first).
_DM_SLASH_RE = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>[12]\d{3})(?![\d/-])"
    + _WEEKDAY_OPT + _TIME_OPT
)
# 20/05/09 (YY/MM/DD, as Chinese sites write it; dotted, DD.MM.YY in a
# day-first language: see _resolve_calendar).
_YMD_YY_RE = re.compile(
    r"(?<![\d./-])(?P<y>\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d./-])"
    + _WEEKDAY_OPT + _TIME_OPT
)
# 5月9日 [21:22] and the 11月22日讯 dateline.
_MD_CJK_RE = re.compile(
    r"(?<![\d年])(?<!年\s)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號](?P<dateline>\s*[讯訊电電])?"
    + _WEEKDAY_OPT + _TIME_OPT
)
# 05-09 21:22: a year-less numeric date counts with a time after it, or when it
# ends the text, as in a listing's date cell ("11-24", "[11-24]"); inside other
# text, "05-09" is as likely a page range or a phone number.
_MD_NUM_RE = re.compile(
    r"(?<![\d./-])(?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?![\d/-])" + _WEEKDAY_OPT
    + rf"(?:\s+{_CLOCK}{_OFFSET}(?![\d:])|(?=\s*[\]】)）]?\s*$))"
)
#: Month names (and their usual abbreviations, lower-case) of the languages
#: European news sites are written in, to the month's number. "ago" (Spanish
#: agosto) is left out: it is English.
MONTH_NAMES = {
    name: month
    for month, names in enumerate((
        "january jan januar jänner janvier janv enero ene janeiro gennaio januari",
        "february feb februar feber février févr fevrier febrero fevereiro fev febbraio februari",
        "march mar märz mär mrz maerz mars marzo março marco maart",
        "april apr avril avr abril abr aprile",
        "may mai mayo maio maggio mei",
        "june jun juni juin junio junho giugno",
        "july jul juli juillet juil julio julho luglio",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre setiembre setembro set settembre",
        "october oct oktober okt octobre octubre outubro out ottobre",
        "november nov novembre noviembre novembro",
        "december dec dezember dez décembre déc decembre diciembre dic dezembro dicembre",
    ), start=1)
    for name in names.split()
}
# Any word in a month's place: _scan_calendar keeps the matches whose word is
# in MONTH_NAMES (an alternation of all the names is slow to search).
_MONTH_NAME = r"(?P<mon>[^\W\d_]{3,10})\.?"
# The time after a date written with a month name: 24. Juli 2017 - 18:55,
# 3. Februar 2022 um 21:17 Uhr, Oct 24, 2023, 8:54 AM GMT+1.
_NAMED_TIME_OPT = (
    rf"(?:\s*(?:[,|/∙·•@–-]|um|at|à|a\s+las|às|alle)?\s*{_CLOCK}(?:\s*Uhr)?{_OFFSET}(?![\d:]))?"
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

# 二〇二〇年五月九日 (print editions) is rewritten to digits before matching.
_CN_DATE_RE = re.compile(r"([〇零一二三四五六七八九]{2,4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*([日号])")

#: Chinese labels of a publish date (发布时间：…) and of an update date.
PUBLISH_LABELS = (
    "发布时间", "发布日期", "发布于", "发表时间", "发表日期", "发表于", "发稿时间", "发稿日期",
    "刊发日期", "刊发时间", "刊登日期", "出版日期", "公开日期", "公布日期", "文章日期", "上传日期",
    "上传时间", "成文日期", "印发日期", "录入时间", "添加时间", "提交时间", "创建时间", "首发时间",
    "發佈時間", "發布時間", "發表於", "發表時間", "發佈日期", "發布日期", "時間", "时间", "日期",
)
UPDATE_LABELS = ("更新时间", "更新日期", "更新于", "修改时间", "修改日期", "最后更新", "最后修改", "更新時間", "更新於")
_LABEL_ALT = "|".join(sorted(PUBLISH_LABELS + UPDATE_LABELS, key=len, reverse=True))
# A label right before a date: 发布时间：[ / 日期: / 发表于 .
_LABEL_TAIL_RE = re.compile(rf"(?P<label>{_LABEL_ALT})\s*:?\s*[\[【(]?\s*$")
_LABEL_HEAD_RE = re.compile(rf"^(?:{_LABEL_ALT})\s*:?\s*")
_LABEL_WINDOW = 16
_UPDATE_LABEL_SET = frozenset(UPDATE_LABELS)
# Page-header greetings: 今天是2020年5月9日星期六 is today's date, not the article's.
_GREETING_TAIL_RE = re.compile(r"(?:今天|今日|现在)\s*(?:是|为)?\s*:?\s*$")

# Chinese relative forms.
_JUST_NOW_RE = re.compile(r"刚刚|刚才|剛剛|剛才")
_AGO_RE = re.compile(
    rf"(?P<n>\d+|[{_CN_NUMERAL}百]+|几|幾|数|數|半)\s*(?P<ge>个|個)?\s*"
    r"(?P<unit>秒钟|秒鐘|秒|分钟|分鐘|分|小时|小時|钟头|鐘頭|天|日|周|週|星期|礼拜|禮拜|月|年)\s*"
    r"(?P<dir>以前|之前|前|以后|以後|之后|之後|后|後)"
)
_UNITS = {
    "秒钟": "second", "秒鐘": "second", "秒": "second", "分钟": "minute", "分鐘": "minute", "分": "minute",
    "小时": "hour", "小時": "hour", "钟头": "hour", "鐘頭": "hour", "天": "day", "日": "day",
    "周": "week", "週": "week", "星期": "week", "礼拜": "week", "禮拜": "week", "月": "month", "年": "year",
}
# 半 = half a unit: 半小时前 is 30 minutes.
_HALF = {"hour": ("minute", 30), "day": ("hour", 12), "month": ("day", 15), "year": ("month", 6)}
_DAY_WORDS = {
    "今天": (0, None), "今日": (0, None), "今早": (0, "上午"), "今晨": (0, "上午"), "今晚": (0, "晚上"),
    "今夜": (0, "晚上"), "昨天": (1, None), "昨日": (1, None), "昨早": (1, "上午"), "昨晨": (1, "上午"),
    "昨晚": (1, "晚上"), "昨夜": (1, "晚上"), "前天": (2, None), "前晚": (2, "晚上"), "大前天": (3, None),
}
# A day word must not run into another word: 今日开化 is a newspaper's name.
_NOT_WORD = rf"(?=$|[^{_HAN}]|{_PERIOD}|{_CN_NUM}\s*[点點时時]|发布|发表|更新)"
_DAY_WORD_RE = re.compile(
    rf"(?P<word>{'|'.join(sorted(_DAY_WORDS, key=len, reverse=True))}){_NOT_WORD}(?:\s*{_CLOCK})?"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_RE = re.compile(rf"(?P<last>上)?(?:星期|周|週|礼拜|禮拜)(?P<wd>[一二三四五六日天]){_NOT_WORD}(?:\s*{_CLOCK})?")
_PERIOD_CLOCK_RE = re.compile(rf"(?=(?:{_PERIOD}))" + _CLOCK)
_BARE_CLOCK_RE = re.compile(rf"^{_CLOCK}$")

# Machine-readable shapes.
_META_RE = re.compile(r"""<(?:meta|time)\b[^>]*?(?<![\w-])(?:content|datetime)\s*=\s*(?P<q>["'])(?P<v>.*?)(?P=q)""", re.I | re.S)
_TAG_RE = re.compile(r"<[A-Za-z/!][^>]*>")
_JSON_PAIR_RE = re.compile(r'"(?P<k>[^"\\]{1,64})"\s*:\s*(?:"(?P<s>(?:[^"\\]|\\.)*)"|(?P<n>-?\d+(?:\.\d+)?))')
_DATE_KEY_RE = re.compile(r"date|time|pub|created|modified|updated|issued|_at$", re.I)
_DIGITS_RE = re.compile(r"^(?P<d>\d{8}|\d{10}|\d{12}|\d{13}|\d{14})(?:\.(?P<f>\d+))?$")
_ISO_BASIC_RE = re.compile(r"^(?P<d>\d{8})T(?P<t>\d{4}|\d{6})(?:[.,](?P<f>\d+))?(?:(?P<z>Z)|(?P<off>[+-]\d{2}:?\d{2}))?$")
# "CST" below is read as local time: on Chinese sites it is China Standard
# Time (Java's Date.toString() prints it), in the US it is Central time.
_RFC2822_RE = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?P<zone>[+-]\d{4}|GMT|UTC?|Z|CST)?$"
)
# Java's Date.toString(): Sat May 09 21:22:03 CST 2020.
_JAVA_DATE_RE = re.compile(
    r"^(?:[A-Za-z]{3},?\s+)?(?P<mon>[A-Za-z]{3})\s+(?P<d>\d{1,2})\s+(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})"
    r"\s+(?P<zone>CST|GMT|UTC)\s+(?P<y>\d{4})$"
)
_MONTH_ABBR = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

# Long-tail gatekeeping: dateparser only sees text with a non-Han letter, or
# a D/M/Y-style number whose order depends on the language.
_FOREIGN_LETTER_RE = re.compile(rf"[^\W\d_{_HAN}]")
_NUMERIC_DMY_RE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b")
_EN_LABEL_RE = re.compile(
    r"^(?:published|posted|updated|last updated|modified|date|created|veröffentlicht|aktualisiert|stand)"
    r"(?:\s+(?:on|at|am|um))?\s*:?\s*",
    re.I,
)
_CLOCK_HINT_RE = re.compile(r"\d:\d\d|\d\s*[AaPp]\.?[Mm]\b|\b(?:noon|midnight)\b", re.I)
_ZONE_WORD_RE = re.compile(
    r"\s*\b(?:GMT|UTC|UT|CES?T|EES?T|WES?T|MES?Z|BST|IST|[ECMPA][SD]T|AES[DT]|JST|KST|HKT|SGT|MSK)\b"
)
_EXPLICIT_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WS_RE = re.compile(r"\s+")
_YEAR_FIRST_LANGUAGES = frozenset(("zh", "ja", "ko"))
_MONTH_FIRST_ZONES = ("America/", "US/", "Canada/", "Pacific/Honolulu")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

# Dates embedded in article URLs, most specific first.
_URL_DATE_RES = (
    re.compile(r"/t(?P<y>[12]\d{3})(?P<m>\d{2})(?P<d>\d{2})_"),  # TRS: /202005/t20200509_123.html
    re.compile(r"/(?P<y>[12]\d{3})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # /system/2020/05/09/, /art/2020/5/9/
    re.compile(r"/(?P<y>[12]\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/"),  # /folder1742/2019-02-13/
    re.compile(r"/(?P<y>[12]\d{3})-(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # /2020-05/09/content_1.htm
    re.compile(r"/(?P<y>[12]\d{3})/(?P<m>\d{2})(?P<d>\d{2})/"),  # /n1/2020/0509/c123-456.html
    re.compile(r"/(?P<y>[12]\d{3})(?P<m>\d{2})/(?P<d>\d{2})/"),  # /202005/09/139995_1.html
    re.compile(r"/(?P<y>[12]\d{3})(?P<m>\d{2})(?P<d>\d{2})/"),  # /20181122/5bf6.shtml
)


# --------------------------------------------------------------------------
# Public API


def normalize_date(
    raw: str | int | float | None,
    *,
    now: datetime,
    timezone: str = DEFAULT_TIMEZONE,
    languages: list[str] | tuple[str, ...] | None = None,
    url: str | None = None,
    near: date | None = None,
) -> str | None:
    """Return ``raw`` as an ISO 8601 string in ``timezone``, or None.

    ``raw`` is scraped text, or an epoch in seconds or milliseconds (int,
    float, or a 10- / 13-digit string). ``now`` is the page's fetch time (a
    naive value is taken as local time in ``timezone``); it resolves relative
    forms and bounds the result. ``languages`` is passed to dateparser for
    text the fast path does not read. ``near`` (a date the page gives
    elsewhere, such as its metadata's) or else the date in ``url`` supplies
    the year of a year-less date. See ``parse_date()`` for why a value is
    None.
    """
    return parse_date(raw, now=now, timezone=timezone, languages=languages, url=url, near=near).value


def parse_date(
    raw: str | int | float | None,
    *,
    now: datetime,
    timezone: str = DEFAULT_TIMEZONE,
    languages: list[str] | tuple[str, ...] | None = None,
    url: str | None = None,
    near: date | None = None,
) -> DateResult:
    """Like ``normalize_date()``, but return a ``DateResult`` with the reason
    for a refusal.

    Output: ``2020-05-09T21:22:03+08:00`` (fractional seconds kept as
    written, seconds always present) when a time is known, ``2020-05-09``
    when only the day is.
    """
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, not {type(now).__name__}")
    now_local = _local_now(now, timezone)
    langs = tuple(languages) if languages else None

    if raw is None:
        return DateResult(None, "empty")
    if isinstance(raw, bool):
        return DateResult(None, "not_a_date")
    if isinstance(raw, (int, float)):
        found = _from_epoch(raw)
    elif isinstance(raw, str):
        found = _scan(raw)
    else:
        raise TypeError(f"raw must be str, int, float or None, not {type(raw).__name__}")
    return _resolve(found, now_local, timezone, langs, near, url)


@functools.lru_cache(maxsize=64)
def _local_now(now: datetime, timezone: str) -> datetime:
    """``now`` in the site's zone, to the second (the same fetch time serves every date of a page)."""
    tz = ZoneInfo(timezone)
    return (now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)).replace(microsecond=0)


@functools.lru_cache(maxsize=4096)
def url_date(url: str | None) -> date | None:
    """Return the date embedded in an article URL's path, or None.

    Reads ``t20200509_``, ``/2020/05/09/``, ``/2020/5/9/``, ``/2020-05-09/``,
    ``/2020-05/09/``, ``/2020/0509/``, ``/202005/09/`` and ``/20200509/``.
    This is when the CMS filed the page, which can differ from the date the
    page shows by a day or more: use it as evidence, not as the publish date.
    """
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        for m in pattern.finditer(path):
            try:
                found = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if MIN_YEAR <= found.year <= 2100:
                return found
    return None


# --------------------------------------------------------------------------
# Fast path: text -> _Found (cached; independent of now, zone and URL)


@functools.lru_cache(maxsize=8192)
def _scan(raw: str) -> _Found:
    """Read ``raw`` with the compiled patterns."""
    text = _clean(raw)
    if not text:
        return _Refused("empty")

    if "<" in text:
        meta = _META_RE.search(text)
        if meta and text.startswith("<"):
            return _scan(meta["v"])
        text = _WS_RE.sub(" ", _TAG_RE.sub(" ", text)).strip()
        if not text:
            return _Refused("empty")

    if text[0] in '{["':
        found = _scan_json(text)
        if found is not None:
            return found

    whole = _scan_whole_value(text)
    if whole is not None:
        return whole

    if _CN_DATE_RE.search(text):
        text = _CN_DATE_RE.sub(_cn_date_to_digits, text)

    found = _scan_calendar(text)
    if found is not None:
        return found
    found = _scan_relative(text)
    if found is not None:
        return found

    bare = _LABEL_HEAD_RE.sub("", text)
    m = _BARE_CLOCK_RE.match(bare)
    if m:
        # A time alone is how list pages show today's items (``10:04``).
        clock = _clock(m)
        return _DayRef(0, None, False, clock) if clock else _Refused("not_a_date")
    return _LongTail(_EN_LABEL_RE.sub("", bare))


def _clean(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _WS_RE.sub(" ", text).strip()


def _scan_json(text: str) -> _Found | None:
    """The first readable value under a date-like key of a JSON fragment.

    A regex rather than ``json.loads``: spiders hand over fragments such as
    ``"published_at":1572851669000`` cut out of a larger object.
    """
    refusal = None
    for m in _JSON_PAIR_RE.finditer(text):
        if not _DATE_KEY_RE.search(m["k"]):
            continue
        if m["n"] is not None:
            value = m["n"]
        else:
            try:
                value = json.loads(f'"{m["s"]}"')
            except ValueError:
                value = m["s"]
        found = _scan(value)
        if not isinstance(found, _Refused):
            return found
        refusal = refusal or found
    return refusal


def _scan_whole_value(text: str) -> _Found | None:
    """Forms read only when they are the whole value: ISO 8601 (what most
    metadata holds: read first, and fast), compact digits, epochs, ISO basic
    format, Java's Date.toString() and RFC 2822."""
    m = _ISO_STRICT_RE.match(text)
    if m:
        return _strict_iso(*m.groups())
    m = _ISO_RE.match(text)
    if m:
        return _calendar_from_match(m, "full")
    m = _DIGITS_RE.match(text)
    if m:
        digits, frac = m["d"], m["f"] or ""
        if len(digits) in (10, 13):
            return _from_epoch_parts(int(digits), frac, milliseconds=len(digits) == 13)
        clock = None
        if len(digits) >= 12:
            clock = _valid_clock(int(digits[8:10]), int(digits[10:12]), int(digits[12:14] or 0), frac[:6])
            if clock is None:
                return _Refused("not_a_date")
        return _calendar(int(digits[:4]), False, int(digits[4:6]), int(digits[6:8]), clock, None)
    m = _ISO_BASIC_RE.match(text)
    if m:
        digits, hhmmss = m["d"], m["t"].ljust(6, "0")
        clock = _valid_clock(int(hhmmss[:2]), int(hhmmss[2:4]), int(hhmmss[4:]), (m["f"] or "")[:6])
        try:
            offset = _offset(m)
        except ValueError:
            return _Refused("not_a_date")
        if clock is None:
            return _Refused("not_a_date")
        return _calendar(int(digits[:4]), False, int(digits[4:6]), int(digits[6:8]), clock, offset)
    m = _JAVA_DATE_RE.match(text)
    if m:
        month = _MONTH_ABBR.get(m["mon"].lower())
        clock = _valid_clock(int(m["h"]), int(m["mi"]), int(m["s"]), "")
        if month is None or clock is None:
            return _Refused("not_a_date")
        offset = None if m["zone"] == "CST" else timedelta(0)
        return _calendar(int(m["y"]), False, month, int(m["d"]), clock, offset)
    m = _RFC2822_RE.match(text)
    if m:
        if m["zone"] == "CST":
            text = text[: m.start("zone")].rstrip()
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:  # no zone, or "-0000": local time
            return _calendar(moment.year, False, moment.month, moment.day,
                             _Clock(moment.hour, moment.minute, moment.second, ""), None)
        return _Instant(moment.astimezone(UTC), "")
    return None


def _strict_iso(year, month, day, hour, minute, second, fraction, zulu, offset) -> _Found:
    clock = None
    if hour is not None:
        clock = _valid_clock(int(hour), int(minute), int(second or 0), (fraction or "")[:6])
        if clock is None:
            return _Refused("not_a_date")
    try:
        delta = timedelta(0) if zulu else _offset_of(offset) if offset else None
    except ValueError:
        return _Refused("not_a_date")
    return _calendar(int(year), False, int(month), int(day), clock, delta)


def _scan_calendar(text: str) -> _Found | None:
    """The best absolute or year-less date in ``text``.

    A date after a publish label (发布时间, 日期 ...) beats one after an update
    label (更新时间 ...), which beats an unlabeled one; among equals the first
    wins. Greetings and year-less datelines are never used.
    """
    taken: list[tuple[int, int]] = []
    best: tuple[int, int, _Found] | None = None
    refusal: _Refused | None = None
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
            before = text[max(0, start - _LABEL_WINDOW):start]
            if _GREETING_TAIL_RE.search(before):
                refusal = refusal or _Refused("distractor")
                continue
            if year_kind == "none" and "dateline" in m.re.groupindex and m["dateline"]:
                refusal = refusal or _Refused("dateline")
                continue
            found = _calendar_from_match(m, year_kind)
            if isinstance(found, _Refused):
                refusal = refusal or found
                continue
            label = _LABEL_TAIL_RE.search(before)
            rank = 2 if label is None else 1 if label["label"] in _UPDATE_LABEL_SET else 0
            if best is None or (rank, start) < best[:2]:
                best = (rank, start, found)
    if best is not None:
        return best[2]
    return refusal


def _calendar_from_match(m: re.Match, year_kind: str) -> _Found:
    if year_kind == "none":
        year, two_digit = None, False
    else:
        year, two_digit = int(m["y"]), len(m["y"]) == 2
    clock = None
    if m["h"] is not None or m["hc"] is not None:
        clock = _clock(m)
        if clock is None:
            return _Refused("not_a_date")
    try:
        offset = _offset(m)
    except ValueError:
        return _Refused("not_a_date")
    if (year_kind in ("named", "either") and clock is not None and offset is None
            and _ZONE_WORD_RE.match(m.string, m.end())):
        # May 9, 2020 9:22 PM EDT, 12/30/2019 05:03 AM EST: dateparser knows the zone names. (Not after
        # year-first dates: on Chinese sites "CST" is China Standard Time, read as local time.)
        return _LongTail(m.string)
    if year_kind == "either":
        first, second = int(m["a"]), int(m["b"])
        if first > 12:
            return _calendar(year, False, second, first, clock, offset)
        if second > 12:
            return _calendar(year, False, first, second, clock, offset)
        return _calendar(year, False, first, second, clock, offset, either_order=True)
    dotted_yy = year_kind == "yy" and "sep" in m.re.groupindex and m["sep"] == "."
    month = MONTH_NAMES[m["mon"].lower()] if year_kind == "named" else int(m["m"])
    return _calendar(year, two_digit, month, int(m["d"]), clock, offset, dotted_yy)


def _calendar(year, two_digit, month, day, clock, offset, dotted_yy=False, either_order=False) -> _Found:
    if not (1 <= month <= 12 and (1 <= day <= 31 or (dotted_yy and 1 <= year <= 31))):
        return _Refused("not_a_date")
    if year is not None and not two_digit:
        try:
            date(year, month, day)
        except ValueError:
            return _Refused("not_a_date")
    return _Calendar(year, two_digit, month, day, clock, offset, dotted_yy, either_order)


def _clock(m: re.Match) -> _Clock | None:
    """The clock of a match of _CLOCK, with 下午/晚上 applied; None if invalid."""
    if m["h"] is not None:
        hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
        fraction = (m["f"] or "")[:6]
        if m["ampm"] and 1 <= hour <= 12:
            hour = hour % 12 + (12 if m["ampm"] in "Pp" else 0)
    else:
        hour = _cn_int(m["hc"])
        minute = 30 if m["half"] else _cn_int(m["mc"]) if m["mc"] else 0
        second = int(m["sc"]) if m["sc"] else 0
        fraction = ""
        if hour is None or minute is None:
            return None
    if m["period"] and hour <= 12:  # 下午15:30 is already on a 24-hour clock
        hour = _apply_period(hour, m["period"])
    return _valid_clock(hour, minute, second, fraction, allow_24=bool(m["period"]))


def _valid_clock(hour, minute, second, fraction, allow_24=False) -> _Clock | None:
    if hour > (24 if allow_24 else 23) or minute > 59 or second > 59:
        return None
    return _Clock(hour, minute, second, fraction)


def _apply_period(hour: int, period: str) -> int:
    """Hour on a 24-hour clock for ``下午3点`` and friends."""
    if period in _AFTERNOON:
        return hour + 12 if hour < 12 else hour
    if period in _NIGHT:
        # 晚上8点 is 20:00, 晚上12点 the coming midnight, 夜里2点 is 02:00.
        return hour + 12 if 5 <= hour <= 12 else hour
    if period in _NOON:
        return hour + 12 if hour <= 3 else hour
    if period in ("凌晨", "半夜") and hour == 12:
        return 0
    return hour


def _offset(m: re.Match) -> timedelta | None:
    if m["z"]:
        return timedelta(0)
    off = m["off"]
    return _offset_of(off) if off else None


@functools.lru_cache(maxsize=256)
def _offset_of(off: str) -> timedelta:
    """``+08:00`` / ``-0500`` / ``GMT+1`` / ``北京时间`` as a timedelta; ValueError when there is no such offset."""
    if "北京" in off:
        return timedelta(hours=8)
    sign_at = max(off.find("+"), off.find("-"))
    if sign_at < 0:  # bare GMT / UTC
        return timedelta(0)
    sign = -1 if off[sign_at] == "-" else 1
    digits = off[sign_at + 1:].replace(":", "").strip()
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        raise ValueError(f"no such UTC offset: {off}")
    return sign * timedelta(hours=hours, minutes=minutes)


def _scan_relative(text: str) -> _Found | None:
    """The first Chinese relative form in ``text`` (刚刚, 3小时前, 昨天 10:04 ...)."""
    candidates: list[tuple[int, _Found]] = []

    m = _JUST_NOW_RE.search(text)
    if m:
        candidates.append((m.start(), _Ago("second", 0)))

    m = _AGO_RE.search(text)
    if m:
        candidates.append((m.start(), _ago(m)))

    m = _DAY_WORD_RE.search(text)
    if m:
        days_back, implied_period = _DAY_WORDS[m["word"]]
        candidates.append((m.start(), _day_ref(m, days_back, None, False, implied_period)))

    m = _WEEKDAY_RE.search(text)
    if m:
        candidates.append((m.start(), _day_ref(m, None, _WEEKDAYS[m["wd"]], bool(m["last"]), None)))

    m = _PERIOD_CLOCK_RE.search(text)
    if m:
        candidates.append((m.start(), _day_ref(m, 0, None, False, None)))

    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _ago(m: re.Match) -> _Found:
    unit = _UNITS[m["unit"]]
    if unit == "month" and not m["ge"]:
        return _Refused("not_a_date")  # 3月前 is "before March"; months ago is 3个月前
    if m["dir"] not in ("以前", "之前", "前"):
        return _Refused("future")  # 10分钟后: explicitly in the future
    n = m["n"]
    if n in ("几", "幾", "数", "數"):
        return _Refused("ambiguous")
    if n == "半":
        if unit not in _HALF:
            return _Refused("ambiguous")
        unit, amount = _HALF[unit]
        return _Ago(unit, amount)
    amount = _cn_int(n)
    if amount is None:
        return _Refused("not_a_date")
    return _Ago(unit, amount)


def _day_ref(m, days_back, weekday, last_week, implied_period) -> _Found:
    clock = None
    if m["h"] is not None or m["hc"] is not None:
        clock = _clock(m)
        if clock is None:
            return _Refused("not_a_date")
        if implied_period and not m["period"] and clock.hour <= 12:
            clock = _Clock(_apply_period(clock.hour, implied_period), clock.minute, clock.second, clock.fraction)
    return _DayRef(days_back, weekday, last_week, clock)


def _cn_int(text: str) -> int | None:
    """``12`` / ``十二`` / ``二十`` / ``两`` / ``二〇二〇`` as an int."""
    if text.isascii() and text.isdigit():
        return int(text)
    digits = _CN_DIGIT_VALUES
    try:
        if "百" in text:
            hundreds, _, rest = text.partition("百")
            rest_value = _cn_int(rest.lstrip("零〇")) if rest.lstrip("零〇") else 0
            return None if rest_value is None else digits[hundreds or "一"] * 100 + rest_value
        if "十" in text:
            tens, _, ones = text.partition("十")
            return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
        value = 0
        for ch in text:
            value = value * 10 + digits[ch]
        return value
    except KeyError:
        return None


def _cn_date_to_digits(m: re.Match) -> str:
    parts = [_cn_int(g) for g in m.groups()[:3]]
    if None in parts:
        return m[0]
    return f"{parts[0]}年{parts[1]}月{parts[2]}{m[4]}"


def _from_epoch(value: int | float) -> _Found:
    if isinstance(value, float):
        if value != value or abs(value) == float("inf"):
            return _Refused("not_a_date")
        # A float keeps at most millisecond precision in the output.
        ms = round(value if abs(value) >= _MS_THRESHOLD else value * 1000)
        return _from_epoch_parts(ms, "", milliseconds=True)
    return _from_epoch_parts(value, "", milliseconds=abs(value) >= _MS_THRESHOLD)


def _from_epoch_parts(number: int, fraction: str, *, milliseconds: bool) -> _Found:
    try:
        if milliseconds:
            moment = _EPOCH + timedelta(milliseconds=number)
            # Shown only when there are some: whole seconds in ms end in 000.
            fraction = f"{number % 1000:03d}" if number % 1000 else ""
        else:
            fraction = fraction[:6]
            micro = int(fraction.ljust(6, "0")) if fraction else 0
            moment = _EPOCH + timedelta(seconds=number, microseconds=micro)
    except OverflowError:
        return _Refused("implausible_year")
    return _Instant(moment, fraction)


# --------------------------------------------------------------------------
# Resolution: _Found + now + zone (+ near date, URL) -> DateResult (not cached; cheap)


def _resolve(found: _Found, now_local: datetime, timezone: str, languages, near: date | None, url) -> DateResult:
    if isinstance(found, _Refused):
        return DateResult(None, found.reason)
    if isinstance(found, _Calendar):
        return _resolve_calendar(found, now_local, timezone, languages, near, url)
    if isinstance(found, _Instant):
        return _instant_result(found.utc, found.fraction, now_local)
    if isinstance(found, _Ago):
        return _resolve_ago(found, now_local)
    if isinstance(found, _DayRef):
        return _resolve_day_ref(found, now_local)
    return _resolve_long_tail(found.text, now_local, timezone, languages)


def _resolve_calendar(found: _Calendar, now_local: datetime, timezone: str, languages, near: date | None,
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
        return _day_result(day, now_local)
    return _instant_result(_moment(day, found.clock, found.offset, now_local.tzinfo), found.clock.fraction, now_local)


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


def _moment(day: date, clock: _Clock, offset: timedelta | None, tz) -> datetime:
    zone = _fixed_zone(offset) if offset is not None else tz
    if clock.hour < 24:
        micro = int(clock.fraction.ljust(6, "0")) if clock.fraction else 0
        return datetime(day.year, day.month, day.day, clock.hour, clock.minute, clock.second, micro, tzinfo=zone)
    # 晚上12点: the next midnight.
    return (datetime(day.year, day.month, day.day) + clock.delta()).replace(tzinfo=zone)


@functools.lru_cache(maxsize=64)
def _fixed_zone(offset: timedelta):
    return fixed_offset(offset)


def _infer_year(found: _Calendar, now_local: datetime, ref: date | None) -> int | None:
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
        elif _moment(day, found.clock, found.offset, now_local.tzinfo) <= now_local + CLOCK_SKEW:
            return year
    return None


def _resolve_ago(found: _Ago, now_local: datetime) -> DateResult:
    unit, amount = found.unit, int(found.amount)
    tz = now_local.tzinfo
    if unit in ("second", "minute", "hour"):
        # Elapsed time: computed in UTC so a DST change in between is honoured.
        moment = now_local.astimezone(UTC) - timedelta(**{f"{unit}s": amount})
        return _instant_result(moment, "", now_local)
    if unit == "day":
        return _day_result(now_local.date() - timedelta(days=amount), now_local)
    # Weeks, months, years: same wall-clock time that many calendar units back.
    wall = now_local.replace(tzinfo=None)
    if unit == "week":
        wall -= timedelta(weeks=amount)
    else:
        wall = _add_months(wall, -amount * (12 if unit == "year" else 1))
    return _instant_result(wall.replace(tzinfo=tz), "", now_local)


def _add_months(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in range(moment.day, 27, -1):  # 03-31 minus a month -> 02-29 / 02-28
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def _resolve_day_ref(found: _DayRef, now_local: datetime) -> DateResult:
    today = now_local.date()
    if found.weekday is None:
        day = today - timedelta(days=found.days_back)
    elif found.last_week:
        day = today - timedelta(days=today.weekday() + 7 - found.weekday)
    else:
        # 周五: the last Friday strictly before today (a week ago on a Friday).
        day = today - timedelta(days=(today.weekday() - found.weekday - 1) % 7 + 1)
    if found.clock is None:
        return _day_result(day, now_local)
    return _instant_result(_moment(day, found.clock, None, now_local.tzinfo), found.clock.fraction, now_local)


def _day_result(day: date, now_local: datetime) -> DateResult:
    if not MIN_YEAR <= day.year <= now_local.year + 1:
        return DateResult(None, "implausible_year")
    if day > now_local.date():
        return DateResult(None, "future")
    return DateResult(day.isoformat(), None)


def _instant_result(moment: datetime, fraction: str, now_local: datetime) -> DateResult:
    local = moment.astimezone(now_local.tzinfo)
    if not MIN_YEAR <= local.year <= now_local.year + 1:
        return DateResult(None, "implausible_year")
    if local > now_local + CLOCK_SKEW:
        return DateResult(None, "future")
    text = (local.replace(microsecond=0) if local.microsecond else local).isoformat()
    if fraction:
        text = f"{text[:19]}.{fraction}{text[19:]}"
    return DateResult(text, None)


# --------------------------------------------------------------------------
# Long tail: dateparser


def _resolve_long_tail(text: str, now_local: datetime, timezone: str, languages) -> DateResult:
    if not text:
        return DateResult(None, "not_a_date")
    if languages is None and not _FOREIGN_LETTER_RE.search(text) and not _NUMERIC_DMY_RE.search(text):
        # Han, digits and punctuation only: the fast path has read every
        # Chinese form there is, and dateparser's language detection would
        # cost ~10 ms to say no (or find a "date" in 共3页).
        return DateResult(None, "not_a_date")
    if not _CLOCK_HINT_RE.search(text):
        # A zone without a time (28 Apr 2020 CET) would make dateparser move
        # the day to the site's zone: the day is the one written.
        text = _ZONE_WORD_RE.sub(" ", text).strip()
    base = now_local.replace(tzinfo=None)
    parsed = None
    if _EXPLICIT_YEAR_RE.search(text):
        parsed = _dateparser_absolute(text, timezone, languages)
    if parsed is None or parsed is _BASE_DEPENDENT:
        parsed = _dateparser_relative(text, timezone, languages, base)
    if parsed is None:
        return DateResult(None, "not_a_date")
    moment, period = parsed
    if period == "time":
        micro = moment.microsecond
        fraction = f"{micro:06d}".rstrip("0") if micro else ""
        return _instant_result(moment, fraction, now_local)
    if period in ("day", "week"):
        return _day_result(moment.astimezone(now_local.tzinfo).date(), now_local)
    return DateResult(None, "not_a_date")  # a month or a year is not a date


_BASE_DEPENDENT = object()


@functools.lru_cache(maxsize=2048)
def _dateparser_absolute(text: str, timezone: str, languages):
    """dateparser on text that names a year, cached without ``now``.

    It runs with a fixed RELATIVE_BASE in 1970: if the result's year is not a
    year written in the text, the text was relative after all ("3 days ago,
    © 2020") and _BASE_DEPENDENT sends it to _dateparser_relative().
    """
    parsed = _run_dateparser(text, timezone, languages, _FIXED_BASE)
    if parsed is not None and str(parsed[0].year) not in _EXPLICIT_YEAR_RE.findall(text):
        return _BASE_DEPENDENT
    return parsed


@functools.lru_cache(maxsize=1024)
def _dateparser_relative(text: str, timezone: str, languages, base: datetime):
    """dateparser on text whose meaning depends on ``now``: cached with it."""
    return _run_dateparser(text, timezone, languages, base)


def _run_dateparser(text: str, timezone: str, languages, base: datetime):
    parsed = _run_dateparser_once(text, timezone, languages, base)
    if parsed is None and languages and "en" not in languages:
        # English month names turn up on sites in any language (Oct 24, 2023).
        parsed = _run_dateparser_once(text, timezone, ("en",), base)
    return parsed


def _run_dateparser_once(text: str, timezone: str, languages, base: datetime):
    try:
        data = _date_data_parser(languages, timezone, base).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return data.date_obj, data.period


@functools.lru_cache(maxsize=32)
def _date_data_parser(languages, timezone: str, base: datetime) -> DateDataParser:
    """A reused parser per (languages, zone, base).

    dateparser fixes settings, RELATIVE_BASE included, when a parser is
    built; the costly part (locale data) is shared by all parsers, so
    building one for a new base costs a few microseconds.
    """
    return DateDataParser(
        languages=list(languages) if languages else None,
        settings={
            "TIMEZONE": timezone,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": base,
            # Makes period "time" when the text has a time, "day" when not.
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


# --------------------------------------------------------------------------
# Scrapy pipeline


class DatesPipeline:
    """Fills ``published_at`` / ``updated_at`` from ``published_raw`` / ``updated_raw``.

    Each non-empty raw value is normalised with ``normalize_date()`` in the
    spider's ``timezone`` (default Asia/Shanghai) and ``languages``, relative
    to the item's ``fetched_at`` and with the item's ``url`` for year-less
    dates. A raw value that cannot be read sets the output field to None,
    counts ``news/dates/unparsed/<field>`` and
    ``news/dates/unparsed_reason/<reason>`` and logs a warning. An output
    field the spider set itself is left alone when the raw field is empty.
    Drops nothing: every item is returned.
    """

    FIELDS = (("published_raw", "published_at", "published"), ("updated_raw", "updated_at", "updated"))

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        # Fail at start, not on every item, when a spider names a bad zone.
        ZoneInfo(self._timezone())

    def process_item(self, item):
        adapter = ItemAdapter(item)
        for raw_field, out_field, kind in self.FIELDS:
            raw = _first_value(adapter.get(raw_field))
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            url = adapter.get("url")
            result = parse_date(
                raw,
                now=_fetch_time(adapter.get("fetched_at")),
                timezone=self._timezone(),
                languages=getattr(self.crawler.spider, "languages", None),
                url=url,
            )
            adapter[out_field] = result.value
            if result.value is None:
                stats = self.crawler.stats
                stats.inc_value(f"news/dates/unparsed/{out_field}")
                stats.inc_value(f"news/dates/unparsed_reason/{result.reason}")
                logger.warning("Unparsed %s date %r on %s: %s", kind, raw, url, result.reason)
        return item

    def _timezone(self) -> str:
        return getattr(self.crawler.spider, "timezone", None) or DEFAULT_TIMEZONE


def _first_value(value):
    # Item loaders may leave a list; the first non-empty entry is the value.
    if isinstance(value, (list, tuple)):
        return next((v for v in value if v not in (None, "")), None)
    return value


def _fetch_time(fetched_at) -> datetime:
    if isinstance(fetched_at, datetime):
        return fetched_at
    if fetched_at:
        return datetime.fromisoformat(fetched_at)
    # The schema requires fetched_at; without it "now" is the best bound.
    return datetime.now(UTC)
