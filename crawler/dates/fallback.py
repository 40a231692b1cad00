"""The long tail: text no compiled pattern reads goes to dateparser (relative
English and German, zone names, ...), with the site's languages and then
English, reused parsers, and cached results: text that names a year is
cached without ``now``, relative text with it.
"""

import functools
import re
from dataclasses import dataclass
from datetime import datetime

from dateparser.date import DateDataParser

from crawler.dates.clock import HAN, ZONE_WORD_RE
from crawler.dates.result import DateResult, day_result, instant_result

# dateparser base for text that names a year: see dateparser_absolute().
_FIXED_BASE = datetime(1970, 1, 1, 12, 0, 0)

# Gatekeeping: dateparser only sees text with a non-Han letter, or a D/M/Y-style
# number whose order depends on the language.
_FOREIGN_LETTER_RE = re.compile(rf"[^\W\d_{HAN}]")
_NUMERIC_DMY_RE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b")
_CLOCK_HINT_RE = re.compile(r"\d:\d\d|\d\s*[AaPp]\.?[Mm]\b|\b(?:noon|midnight)\b", re.I)
_EXPLICIT_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class LongTail:
    """Nothing matched: hand the cleaned text to dateparser."""

    text: str


def resolve_long_tail(text: str, now_local: datetime, timezone: str, languages) -> DateResult:
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
        text = ZONE_WORD_RE.sub(" ", text).strip()
    base = now_local.replace(tzinfo=None)
    parsed = None
    if _EXPLICIT_YEAR_RE.search(text):
        parsed = dateparser_absolute(text, timezone, languages)
    if parsed is None or parsed is _BASE_DEPENDENT:
        parsed = dateparser_relative(text, timezone, languages, base)
    if parsed is None:
        return DateResult(None, "not_a_date")
    moment, period = parsed
    if period == "time":
        micro = moment.microsecond
        fraction = f"{micro:06d}".rstrip("0") if micro else ""
        return instant_result(moment, fraction, now_local)
    if period in ("day", "week"):
        return day_result(moment.astimezone(now_local.tzinfo).date(), now_local)
    return DateResult(None, "not_a_date")  # a month or a year is not a date


_BASE_DEPENDENT = object()


@functools.lru_cache(maxsize=2048)
def dateparser_absolute(text: str, timezone: str, languages):
    """dateparser on text that names a year, cached without ``now``.

    It runs with a fixed RELATIVE_BASE in 1970: if the result's year is not a
    year written in the text, the text was relative after all ("3 days ago,
    © 2020") and _BASE_DEPENDENT sends it to dateparser_relative().
    """
    parsed = run_dateparser(text, timezone, languages, _FIXED_BASE)
    if parsed is not None and str(parsed[0].year) not in _EXPLICIT_YEAR_RE.findall(text):
        return _BASE_DEPENDENT
    return parsed


@functools.lru_cache(maxsize=1024)
def dateparser_relative(text: str, timezone: str, languages, base: datetime):
    """dateparser on text whose meaning depends on ``now``: cached with it."""
    return run_dateparser(text, timezone, languages, base)


def run_dateparser(text: str, timezone: str, languages, base: datetime):
    """dateparser's (date, period) for ``text`` in the site's languages, else in English; None if neither reads it."""
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
