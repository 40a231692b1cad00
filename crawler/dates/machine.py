"""Dates written by machines, read only when they are the whole value: ISO 8601
(what most metadata holds: read first, and fast), compact digits
(``20200509``, ``202005092122``), epochs in seconds or milliseconds, ISO basic
format, Java's ``Date.toString()`` and RFC 2822.
"""

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crawler.dates.absolute import Calendar, calendar, calendar_from_match
from crawler.dates.clock import TIME_OPT, Clock, offset_of, read_offset, valid_clock
from crawler.dates.result import Refused


@dataclass(frozen=True, slots=True)
class Instant:
    """An exact instant (epochs, RFC 2822)."""

    utc: datetime
    fraction: str


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Epochs at or above this are milliseconds (1e11 s would be the year 5138).
_MS_THRESHOLD = 10**11

# 2020-05-09 / 2020-05-09T21:22:03.5+08:00 as the whole value. Its strict form
# is read with positional groups (a named group costs a tenth of a microsecond
# to look up), the rest (other separators, spaces, zone words) by _ISO_RE.
_ISO_STRICT_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:(Z)|([+-]\d{2}:?\d{2}))?$"
)
_ISO_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + TIME_OPT + "$")
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


def scan_whole_value(text: str) -> Calendar | Instant | Refused | None:
    """Forms read only when they are the whole value: ISO 8601 (what most
    metadata holds: read first, and fast), compact digits, epochs, ISO basic
    format, Java's Date.toString() and RFC 2822."""
    m = _ISO_STRICT_RE.match(text)
    if m:
        return _strict_iso(*m.groups())
    m = _ISO_RE.match(text)
    if m:
        return calendar_from_match(m, "full")
    m = _DIGITS_RE.match(text)
    if m:
        digits, frac = m["d"], m["f"] or ""
        if len(digits) in (10, 13):
            return _from_epoch_parts(int(digits), frac, milliseconds=len(digits) == 13)
        clock = None
        if len(digits) >= 12:
            clock = valid_clock(int(digits[8:10]), int(digits[10:12]), int(digits[12:14] or 0), frac[:6])
            if clock is None:
                return Refused("not_a_date")
        return calendar(int(digits[:4]), False, int(digits[4:6]), int(digits[6:8]), clock, None)
    m = _ISO_BASIC_RE.match(text)
    if m:
        digits, hhmmss = m["d"], m["t"].ljust(6, "0")
        clock = valid_clock(int(hhmmss[:2]), int(hhmmss[2:4]), int(hhmmss[4:]), (m["f"] or "")[:6])
        try:
            offset = read_offset(m)
        except ValueError:
            return Refused("not_a_date")
        if clock is None:
            return Refused("not_a_date")
        return calendar(int(digits[:4]), False, int(digits[4:6]), int(digits[6:8]), clock, offset)
    m = _JAVA_DATE_RE.match(text)
    if m:
        month = _MONTH_ABBR.get(m["mon"].lower())
        clock = valid_clock(int(m["h"]), int(m["mi"]), int(m["s"]), "")
        if month is None or clock is None:
            return Refused("not_a_date")
        offset = None if m["zone"] == "CST" else timedelta(0)
        return calendar(int(m["y"]), False, month, int(m["d"]), clock, offset)
    m = _RFC2822_RE.match(text)
    if m:
        if m["zone"] == "CST":
            text = text[: m.start("zone")].rstrip()
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:  # no zone, or "-0000": local time
            return calendar(moment.year, False, moment.month, moment.day,
                            Clock(moment.hour, moment.minute, moment.second, ""), None)
        return Instant(moment.astimezone(UTC), "")
    return None


def _strict_iso(year, month, day, hour, minute, second, fraction, zulu, offset) -> Calendar | Refused:
    clock = None
    if hour is not None:
        clock = valid_clock(int(hour), int(minute), int(second or 0), (fraction or "")[:6])
        if clock is None:
            return Refused("not_a_date")
    try:
        delta = timedelta(0) if zulu else offset_of(offset) if offset else None
    except ValueError:
        return Refused("not_a_date")
    return calendar(int(year), False, int(month), int(day), clock, delta)


def from_epoch(value: int | float) -> Instant | Refused:
    """An epoch in seconds or (from 1e11 on) milliseconds."""
    if isinstance(value, float):
        if value != value or abs(value) == float("inf"):
            return Refused("not_a_date")
        # A float keeps at most millisecond precision in the output.
        ms = round(value if abs(value) >= _MS_THRESHOLD else value * 1000)
        return _from_epoch_parts(ms, "", milliseconds=True)
    return _from_epoch_parts(value, "", milliseconds=abs(value) >= _MS_THRESHOLD)


def _from_epoch_parts(number: int, fraction: str, *, milliseconds: bool) -> Instant | Refused:
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
        return Refused("implausible_year")
    return Instant(moment, fraction)
