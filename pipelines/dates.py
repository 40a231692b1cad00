"""Dates pipeline: fills ``published_at`` / ``updated_at`` from ``published_raw`` / ``updated_raw``.

The date strings are read by ``crawler.dates`` (see ``crawler/dates/parse.py``
for how). This module remains the documented home of the parser's public
functions, ``normalize_date(raw, *, now, timezone="Asia/Shanghai",
languages=None, url=None, near=None)``, ``parse_date`` (the same with the
reason for a refusal) and ``url_date``, and of the vocabularies the page
extractors share.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from itemadapter import ItemAdapter

from crawler.dates.labels import MONTH_NAMES, PUBLISH_LABELS, UPDATE_LABELS
from crawler.dates.parse import DEFAULT_TIMEZONE, normalize_date, parse_date
from crawler.dates.result import CLOCK_SKEW, DateResult
from crawler.dates.url import url_date

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
