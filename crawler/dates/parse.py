"""Read a date string of a news page into ISO 8601: ``parse_date`` (the value,
or None and why) and ``normalize_date`` (the value alone).

``normalize_date()`` reads what a spider scraped as a publish or update date
(``发布时间：2020年5月9日 21:22``, ``3小时前``, ``<meta content="...Z">``, an
epoch in milliseconds, ``May 9, 2020 9:22 PM`` ...) and returns the site's
local time with its offset (``2020-05-09T21:22:00+08:00``), or only the day
(``2020-05-09``) when the text gives no time: a midnight is never invented.

How it works: ``scan(raw)`` cleans the text (entities, NFKC, tags; a meta
tag or a JSON fragment gives up the value under its date key) and reads it
with compiled patterns: whole machine values (``machine``), calendar dates
(``absolute``), Chinese relative forms (``relative``), a bare time (today);
what none reads is the long tail (``fallback``: dateparser). The scan does
not depend on ``now``, so it is cached on the raw string alone; ``now``, the
zone, the languages, ``near`` and the URL are applied afterwards. Values are
refused (``None`` with a reason) when empty, not a date, ambiguous
(``几分钟前``), later than ``now`` plus ten minutes of clock skew, or in a
year before 1990 or after next year.
"""

import functools
import html
import json
import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

from crawler.dates import fallback
from crawler.dates.absolute import CN_DATE_RE, Calendar, cn_date_to_digits, resolve_calendar, scan_calendar
from crawler.dates.clock import read_clock
from crawler.dates.fallback import LongTail, resolve_long_tail
from crawler.dates.labels import EN_LABEL_RE, LABEL_HEAD_RE
from crawler.dates.machine import Instant, from_epoch, scan_whole_value
from crawler.dates.relative import BARE_CLOCK_RE, Ago, DayRef, resolve_ago, resolve_day_ref, scan_relative
from crawler.dates.result import DateResult, Refused, instant_result
from crawler.dates.url import url_date

DEFAULT_TIMEZONE = "Asia/Shanghai"

Found = Calendar | Instant | Ago | DayRef | Refused | LongTail

_META_RE = re.compile(r"""<(?:meta|time)\b[^>]*?(?<![\w-])(?:content|datetime)\s*=\s*(?P<q>["'])(?P<v>.*?)(?P=q)""", re.I | re.S)
_TAG_RE = re.compile(r"<[A-Za-z/!][^>]*>")
_JSON_PAIR_RE = re.compile(r'"(?P<k>[^"\\]{1,64})"\s*:\s*(?:"(?P<s>(?:[^"\\]|\\.)*)"|(?P<n>-?\d+(?:\.\d+)?))')
_DATE_KEY_RE = re.compile(r"date|time|pub|created|modified|updated|issued|_at$", re.I)
_WS_RE = re.compile(r"\s+")


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
    now_local = local_now(now, timezone)
    langs = tuple(languages) if languages else None

    if raw is None:
        return DateResult(None, "empty")
    if isinstance(raw, bool):
        return DateResult(None, "not_a_date")
    if isinstance(raw, (int, float)):
        found = from_epoch(raw)
    elif isinstance(raw, str):
        found = scan(raw)
    else:
        raise TypeError(f"raw must be str, int, float or None, not {type(raw).__name__}")
    return _resolve(found, now_local, timezone, langs, near, url)


@functools.lru_cache(maxsize=64)
def local_now(now: datetime, timezone: str) -> datetime:
    """``now`` in the site's zone, to the second (the same fetch time serves every date of a page)."""
    tz = ZoneInfo(timezone)
    return (now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)).replace(microsecond=0)


@functools.lru_cache(maxsize=8192)
def scan(raw: str) -> Found:
    """Read ``raw`` with the compiled patterns (cached; independent of now, zone and URL)."""
    text = _clean(raw)
    if not text:
        return Refused("empty")

    if "<" in text:
        meta = _META_RE.search(text)
        if meta and text.startswith("<"):
            return scan(meta["v"])
        text = _WS_RE.sub(" ", _TAG_RE.sub(" ", text)).strip()
        if not text:
            return Refused("empty")

    if text[0] in '{["':
        found = _scan_json(text)
        if found is not None:
            return found

    whole = scan_whole_value(text)
    if whole is not None:
        return whole

    if CN_DATE_RE.search(text):
        text = CN_DATE_RE.sub(cn_date_to_digits, text)

    found = scan_calendar(text)
    if found is not None:
        return found
    found = scan_relative(text)
    if found is not None:
        return found

    bare = LABEL_HEAD_RE.sub("", text)
    m = BARE_CLOCK_RE.match(bare)
    if m:
        # A time alone is how list pages show today's items (``10:04``).
        clock = read_clock(m)
        return DayRef(0, None, False, clock) if clock else Refused("not_a_date")
    return LongTail(EN_LABEL_RE.sub("", bare))


def _clean(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _WS_RE.sub(" ", text).strip()


def _scan_json(text: str) -> Found | None:
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
        found = scan(value)
        if not isinstance(found, Refused):
            return found
        refusal = refusal or found
    return refusal


def _resolve(found: Found, now_local: datetime, timezone: str, languages, near: date | None, url) -> DateResult:
    """What ``scan`` found, resolved against ``now`` in the site's zone (not cached; cheap)."""
    if isinstance(found, Refused):
        return DateResult(None, found.reason)
    if isinstance(found, Calendar):
        return resolve_calendar(found, now_local, timezone, languages, near, url)
    if isinstance(found, Instant):
        return instant_result(found.utc, found.fraction, now_local)
    if isinstance(found, Ago):
        return resolve_ago(found, now_local)
    if isinstance(found, DayRef):
        return resolve_day_ref(found, now_local)
    return resolve_long_tail(found.text, now_local, timezone, languages)


def clear_caches() -> None:
    """Empty the caches that hold a date string's result, a fetch time or a URL's date (benchmarks use it: a
    crawl meets each page's date strings once). Left warm: what a crawl makes once (dateparser's parser
    objects, the handful of UTC offsets and their zone objects)."""
    for cached in (scan, fallback.dateparser_absolute, fallback.dateparser_relative, local_now, url_date):
        cached.cache_clear()
