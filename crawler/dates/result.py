"""What reading a date string yields: a ``DateResult`` (the ISO 8601 value, or
None and why), made here from a day or an instant once it passes the checks
every value passes: a year from 1990 to next year, and not later than ``now``
plus ten minutes of clock skew.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

#: How far past ``now`` an instant may lie before it counts as "future".
CLOCK_SKEW = timedelta(minutes=10)
#: Years outside [MIN_YEAR, now.year + 1] are refused as implausible.
MIN_YEAR = 1990


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


@dataclass(frozen=True, slots=True)
class Refused:
    """What a reader found is not a date, for ``reason`` (one of DateResult's)."""

    reason: str


def day_result(day: date, now_local: datetime) -> DateResult:
    if not MIN_YEAR <= day.year <= now_local.year + 1:
        return DateResult(None, "implausible_year")
    if day > now_local.date():
        return DateResult(None, "future")
    return DateResult(day.isoformat(), None)


def instant_result(moment: datetime, fraction: str, now_local: datetime) -> DateResult:
    local = moment.astimezone(now_local.tzinfo)
    if not MIN_YEAR <= local.year <= now_local.year + 1:
        return DateResult(None, "implausible_year")
    if local > now_local + CLOCK_SKEW:
        return DateResult(None, "future")
    text = (local.replace(microsecond=0) if local.microsecond else local).isoformat()
    if fraction:
        text = f"{text[:19]}.{fraction}{text[19:]}"
    return DateResult(text, None)
