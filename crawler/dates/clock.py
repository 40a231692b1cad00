"""Times of day and UTC offsets as news pages write them, read into a ``Clock``
and a timedelta, and put on a day in the site's zone.

``CLOCK`` matches ``21:22:03.5``, ``9:22 PM``, ``下午3点半``, ``晚上八点十分``
(``read_clock`` applies 上午/下午/晚上); ``OFFSET`` matches ``Z``,
``+08:00``, ``GMT+1``, ``北京时间`` (``read_offset``); ``ZONE_WORD_RE`` the
zone names only dateparser knows. ``cn_int`` reads the Chinese numerals
times and dates are written with. The date patterns are built of these pieces.
"""

import functools
import re
from datetime import date, datetime, timedelta
from datetime import timezone as fixed_offset
from typing import NamedTuple

# The Han character ranges, for character classes.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CN_NUMERAL = "〇零一二两兩三四五六七八九十"
CN_NUM = f"[{CN_NUMERAL}]{{1,3}}"
_CN_DIGIT_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                    "六": 6, "七": 7, "八": 8, "九": 9}

_MORNING = ("凌晨", "半夜", "清晨", "早晨", "早上", "上午")
_NOON = ("中午",)
_AFTERNOON = ("午后", "下午", "傍晚")
_NIGHT = ("晚上", "晚间", "夜里", "夜间", "深夜")
PERIOD = "|".join(_MORNING + _NOON + _AFTERNOON + _NIGHT)

# Groups: period; h, mi, s, f (digits with colons); hc, half, mc, sc (点/时).
CLOCK = (
    rf"(?:(?P<period>{PERIOD})\s*)?"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{1,2})(?:[.,](?P<f>\d+))?)?(?:\s*(?P<ampm>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?"
    rf"|(?P<hc>\d{{1,2}}|{CN_NUM})\s*[点點时時]"
    rf"(?:\s*(?P<half>半)|\s*(?P<mc>\d{{1,2}}|{CN_NUM})(?:\s*分(?:\s*(?P<sc>\d{{1,2}})\s*秒)?)?)?)"
)
OFFSET = r"(?:(?P<z>Z)|\s*(?P<off>[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|\(?北京时间\)?))?"
# The time follows a space, a T, or a hyphen (gov.cn meta: 2007-08-20-23:59:59).
TIME_OPT = rf"(?:(?:\s*T?\s*|-){CLOCK}{OFFSET}(?![\d:]))?"
ZONE_WORD_RE = re.compile(
    r"\s*\b(?:GMT|UTC|UT|CES?T|EES?T|WES?T|MES?Z|BST|IST|[ECMPA][SD]T|AES[DT]|JST|KST|HKT|SGT|MSK)\b"
)


# Made for every date read, a named tuple: a frozen dataclass takes three times as long to make.
class Clock(NamedTuple):
    """A wall-clock time; ``hour`` may be 24 (``晚上12点``: next midnight)."""

    hour: int
    minute: int
    second: int
    fraction: str  # fractional-second digits as written, "" if none

    def delta(self) -> timedelta:
        micro = int(self.fraction.ljust(6, "0")) if self.fraction else 0
        return timedelta(hours=self.hour, minutes=self.minute, seconds=self.second, microseconds=micro)


def read_clock(m: re.Match) -> Clock | None:
    """The clock of a match of CLOCK, with 下午/晚上 applied; None if invalid."""
    if m["h"] is not None:
        hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
        fraction = (m["f"] or "")[:6]
        if m["ampm"] and 1 <= hour <= 12:
            hour = hour % 12 + (12 if m["ampm"] in "Pp" else 0)
    else:
        hour = cn_int(m["hc"])
        minute = 30 if m["half"] else cn_int(m["mc"]) if m["mc"] else 0
        second = int(m["sc"]) if m["sc"] else 0
        fraction = ""
        if hour is None or minute is None:
            return None
    if m["period"] and hour <= 12:  # 下午15:30 is already on a 24-hour clock
        hour = apply_period(hour, m["period"])
    return valid_clock(hour, minute, second, fraction, allow_24=bool(m["period"]))


def valid_clock(hour, minute, second, fraction, allow_24=False) -> Clock | None:
    if hour > (24 if allow_24 else 23) or minute > 59 or second > 59:
        return None
    return Clock(hour, minute, second, fraction)


def apply_period(hour: int, period: str) -> int:
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


def read_offset(m: re.Match) -> timedelta | None:
    """The UTC offset of a match of OFFSET; None when it gives none (local time)."""
    if m["z"]:
        return timedelta(0)
    off = m["off"]
    return offset_of(off) if off else None


@functools.lru_cache(maxsize=256)
def offset_of(off: str) -> timedelta:
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


def moment_at(day: date, clock: Clock, offset: timedelta | None, tz) -> datetime:
    """``clock`` on ``day`` at ``offset``, or in the zone ``tz`` when the text gave no offset."""
    zone = _fixed_zone(offset) if offset is not None else tz
    if clock.hour < 24:
        micro = int(clock.fraction.ljust(6, "0")) if clock.fraction else 0
        return datetime(day.year, day.month, day.day, clock.hour, clock.minute, clock.second, micro, tzinfo=zone)
    # 晚上12点: the next midnight.
    return (datetime(day.year, day.month, day.day) + clock.delta()).replace(tzinfo=zone)


@functools.lru_cache(maxsize=64)
def _fixed_zone(offset: timedelta):
    return fixed_offset(offset)


def cn_int(text: str) -> int | None:
    """``12`` / ``十二`` / ``二十`` / ``两`` / ``二〇二〇`` as an int."""
    if text.isascii() and text.isdigit():
        return int(text)
    digits = _CN_DIGIT_VALUES
    try:
        if "百" in text:
            hundreds, _, rest = text.partition("百")
            rest_value = cn_int(rest.lstrip("零〇")) if rest.lstrip("零〇") else 0
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
