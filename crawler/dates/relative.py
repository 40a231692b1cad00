"""Chinese relative dates: ``刚刚``, ``3小时前``, ``半个月前``, ``昨天 10:04``,
``昨晚8点``, ``周五下午3点``, ``上周五``, a bare ``下午3点`` or ``10:04`` (today).

``scan_relative(text)`` finds the first such form without knowing ``now``;
``resolve_ago`` / ``resolve_day_ref`` count it back from ``now`` into a
``DateResult``. Vague (``几分钟前``) and future (``10分钟后``) forms are refused.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crawler.dates.clock import CLOCK, CN_NUM, CN_NUMERAL, HAN, PERIOD, Clock, apply_period, cn_int, moment_at, read_clock
from crawler.dates.result import DateResult, Refused, day_result, instant_result


@dataclass(frozen=True, slots=True)
class Ago:
    """``N <unit>前``; ``刚刚`` is zero seconds."""

    unit: str  # second, minute, hour, day, week, month, year
    amount: int


@dataclass(frozen=True, slots=True)
class DayRef:
    """``今天`` / ``昨晚8点`` / ``周五下午3点``: a day relative to today."""

    days_back: int | None  # None when the day is given by weekday
    weekday: int | None  # Monday = 0
    last_week: bool  # ``上周五``: the Friday of the previous calendar week
    clock: Clock | None


# How far back a relative date can reach: a century, in days (and each unit's length in days, at most).
MAX_AGO_DAYS = 100 * 366
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 31, "year": 366}
_JUST_NOW_RE = re.compile(r"刚刚|刚才|剛剛|剛才")
_AGO_RE = re.compile(
    rf"(?P<n>\d+|[{CN_NUMERAL}百]+|几|幾|数|數|半)\s*(?P<ge>个|個)?\s*"
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
_NOT_WORD = rf"(?=$|[^{HAN}]|{PERIOD}|{CN_NUM}\s*[点點时時]|发布|发表|更新)"
_DAY_WORD_RE = re.compile(
    rf"(?P<word>{'|'.join(sorted(_DAY_WORDS, key=len, reverse=True))}){_NOT_WORD}(?:\s*{CLOCK})?"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_RE = re.compile(rf"(?P<last>上)?(?:星期|周|週|礼拜|禮拜)(?P<wd>[一二三四五六日天]){_NOT_WORD}(?:\s*{CLOCK})?")
_PERIOD_CLOCK_RE = re.compile(rf"(?=(?:{PERIOD}))" + CLOCK)
# A time alone, which is how list pages show today's items (``10:04``).
BARE_CLOCK_RE = re.compile(rf"^{CLOCK}$")


def scan_relative(text: str) -> Ago | DayRef | Refused | None:
    """The first Chinese relative form in ``text`` (刚刚, 3小时前, 昨天 10:04 ...)."""
    candidates: list[tuple[int, Ago | DayRef | Refused]] = []

    m = _JUST_NOW_RE.search(text)
    if m:
        candidates.append((m.start(), Ago("second", 0)))

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


def _ago(m: re.Match) -> Ago | Refused:
    unit = _UNITS[m["unit"]]
    if unit == "month" and not m["ge"]:
        return Refused("not_a_date")  # 3月前 is "before March"; months ago is 3个月前
    if m["dir"] not in ("以前", "之前", "前"):
        return Refused("future")  # 10分钟后: explicitly in the future
    n = m["n"]
    if n in ("几", "幾", "数", "數"):
        return Refused("ambiguous")
    if n == "半":
        if unit not in _HALF:
            return Refused("ambiguous")
        unit, amount = _HALF[unit]
        return Ago(unit, amount)
    amount = cn_int(n)
    if amount is None or amount * _UNIT_DAYS[unit] > MAX_AGO_DAYS:
        return Refused("not_a_date")  # 2026年前 is "before 2026"; 99999天前 no date a page can mean
    return Ago(unit, amount)


def _day_ref(m, days_back, weekday, last_week, implied_period) -> DayRef | Refused:
    clock = None
    if m["h"] is not None or m["hc"] is not None:
        clock = read_clock(m)
        if clock is None:
            return Refused("not_a_date")
        if implied_period and not m["period"] and clock.hour <= 12:
            clock = Clock(apply_period(clock.hour, implied_period), clock.minute, clock.second, clock.fraction)
    return DayRef(days_back, weekday, last_week, clock)


def resolve_ago(found: Ago, now_local: datetime) -> DateResult:
    unit, amount = found.unit, int(found.amount)
    tz = now_local.tzinfo
    if unit in ("second", "minute", "hour"):
        # Elapsed time: computed in UTC so a DST change in between is honoured.
        moment = now_local.astimezone(UTC) - timedelta(**{f"{unit}s": amount})
        return instant_result(moment, "", now_local)
    if unit == "day":
        return day_result(now_local.date() - timedelta(days=amount), now_local)
    # Weeks, months, years: same wall-clock time that many calendar units back.
    wall = now_local.replace(tzinfo=None)
    if unit == "week":
        wall -= timedelta(weeks=amount)
    else:
        wall = _add_months(wall, -amount * (12 if unit == "year" else 1))
    return instant_result(wall.replace(tzinfo=tz), "", now_local)


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


def resolve_day_ref(found: DayRef, now_local: datetime) -> DateResult:
    today = now_local.date()
    if found.weekday is None:
        day = today - timedelta(days=found.days_back)
    elif found.last_week:
        day = today - timedelta(days=today.weekday() + 7 - found.weekday)
    else:
        # 周五: the last Friday strictly before today (a week ago on a Friday).
        day = today - timedelta(days=(today.weekday() - found.weekday - 1) % 7 + 1)
    if found.clock is None:
        return day_result(day, now_local)
    return instant_result(moment_at(day, found.clock, None, now_local.tzinfo), found.clock.fraction, now_local)
