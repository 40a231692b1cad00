"""When a page says its article was published (and updated): page-level date evidence.

``find_published(sel, url, now=...)`` and ``find_updated(...)`` return a
``DateEvidence(raw, value, rule)``, or None: the text as found, its ISO 8601
value (``crawler.dates.parse.parse_date`` in the site's zone, against ``now``,
the fetch time) and the rule that found it. ``PageDates`` gathers the
evidence once when both are wanted. The site's own selector, when it has
one, is applied before any of this by ``ArticleExtractor``.

Evidence, and the rule it is recorded under:

- ``metadata`` (``crawler.extract.date_metadata``): JSON-LD, then date
  ``<meta>`` tags, in the head, and in the body when the head has no
  publish date; then the first ``<time datetime>`` outside lists and
  sidebars; as a last resort, a publish time in the page state an inline
  script hands to the page's JavaScript.
- ``generic`` (``crawler.extract.visible_dates``): a date the reader sees,
  in the info line around the headline. Only when that finds none, and the
  metadata gives no time, is the whole page searched (weak evidence, see
  below).
- ``url``: the date in the article URL, day precision, when nothing else is
  found.
- ``metadata`` again, last: the metadata's update date, when the page gives
  no publish date at all (an encyclopedia entry, a service page: its last
  revision is the only date it has).

A date found only by searching the whole page that is later than the
metadata's update date is never used (a page is not published after its last
update: that is an event in its text).

When the metadata and the visible date disagree (the corpora under
``../shared/corpora`` show both kinds of error):

- same day: the one with a time wins when only one has a time (users want
  the minute); when both have one and they differ, the visible one wins:
  sina, guancha and qq show the minute the article went out, while
  ``article:published_time`` / cambrian ``pubDate`` hold a later save of
  the record. When they agree, the metadata wins (seconds, offset).
- up to three days apart, with the visible date in the article's header:
  the visible one. These are the same publication seen through a time zone
  (a UTC timestamp on a US or European site crosses midnight; the page
  prints its own local day) or a record created a day or two before it went
  out.
- further apart, or a visible date met outside the header (further down
  the walk: a hidden "read also" teaser in the body; or by searching the
  whole page): the metadata. A visible date weeks or years away from the metadata is
  most often another date that the page shows (an event, an update, a
  teaser), while the metadata describes the article. Two exceptions, where
  the visible date in the article's header wins at any distance: it is
  earlier than the metadata's (the metadata stamps a later save of the
  record: a migration, a re-publication), or the header shows an update
  date and no publish date (``Updated Mar 12, 2020``, ``Aktualisiert:
  11.04.2020``): the page gives its update as its date, and that is the
  date readers (and the corpora's labels) take.
- a visible day one before a metadata timestamp that is a local midnight
  (``6.11.22`` and ``2022-11-06T23:00:00Z`` on a Berlin site): the
  metadata's day. The timestamp is a day stored as a local midnight and the
  page printed it in UTC.

A year-less visible date (``发布时间：10-08 12:00``) takes its year from the
page's metadata dates, then from the URL (``parse_date(near=...)``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cached_property

from crawler.dates.parse import DEFAULT_TIMEZONE
from crawler.dates.url import url_date
from crawler.extract.date_distractors import Distractors
from crawler.extract.date_headline import article_headline
from crawler.extract.date_metadata import PageMetadata
from crawler.extract.date_text import URL, DateEvidence, DateReader
from crawler.extract.visible_dates import Visible, VisibleDates

__all__ = ["DateEvidence", "PageDates", "find_published", "find_updated"]

SAME_STORY = timedelta(days=3)  # metadata and visible dates this close describe the same publication


def find_published(sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                   languages=None) -> DateEvidence | None:
    """The page's publication date, or None. ``sel`` is a parsel Selector of the page."""
    return PageDates(sel, url, now=now, timezone=timezone, languages=languages).published


def find_updated(sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                 languages=None) -> DateEvidence | None:
    """The page's last-update date, or None."""
    return PageDates(sel, url, now=now, timezone=timezone, languages=languages).updated


def _reconcile(meta: DateEvidence | None, visible: DateEvidence | None, by_headline: bool,
               trusted: bool = False) -> DateEvidence | None:
    """The metadata's date or the visible one (see the module docstring for why). Only a visible date
    ``by_headline`` may win on another day than the metadata's; a ``trusted`` one wins at any distance."""
    if meta is None or visible is None:
        return meta or visible
    if meta.day == visible.day:
        if visible.has_time and (not meta.has_time or visible.value[:16] != meta.value[:16]):
            return visible
        return meta
    if _printed_in_utc(meta, visible):
        return meta
    if by_headline and (
        trusted or abs(date.fromisoformat(meta.day) - date.fromisoformat(visible.day)) <= SAME_STORY
    ):
        return visible
    return meta


def _printed_in_utc(meta: DateEvidence, visible: DateEvidence) -> bool:
    """Is ``visible`` the UTC day of a metadata timestamp that is a local midnight (a day stored as
    a timestamp: 2022-11-06T23:00:00Z for 7 November in Berlin), printed by a server running in UTC?"""
    return not (meta.has_time or visible.has_time) and meta.raw[:10] == visible.day != meta.day


class PageDates:
    """The date evidence of one page, gathered once for both ``published`` and ``updated``."""

    def __init__(self, sel, url: str | None = None, *, now: datetime, timezone: str = DEFAULT_TIMEZONE,
                 languages=None):
        self.root = sel.root
        self.url = url
        self._reader = DateReader(now, timezone, tuple(languages) if languages else None, url)
        self._page_metadata = PageMetadata(self.root, self._reader)

    @cached_property
    def published(self) -> DateEvidence | None:
        visible = self._visible
        meta, meta_updated = self._metadata
        if meta is None and not visible.near_headline:
            meta = self._page_metadata.script_state
        shown = visible.published
        if (shown is not None and not visible.near_headline and meta_updated is not None
                and shown.day > meta_updated.day):
            shown = None  # found anywhere on the page and later than its last update: an event in its text
        # The header's update date is the page's own choice of date; a header date earlier than
        # the metadata's says that the metadata stamps a later save of the record (a migration).
        trusted = visible.update_only or (
            visible.in_header and shown is not None and meta is not None and shown.day < meta.day
        )
        chosen = _reconcile(meta, shown, visible.in_header, trusted)
        if chosen is None:
            day = url_date(self.url)
            if day is not None:
                chosen = DateEvidence(day.isoformat(), day.isoformat(), URL)
        # No publish date anywhere: the page's last update is the only date it gives.
        return chosen if chosen is not None else meta_updated

    @cached_property
    def updated(self) -> DateEvidence | None:
        return _reconcile(self._metadata[1], self._visible.updated, self._visible.near_headline)

    @property
    def updated_in_metadata(self) -> DateEvidence | None:
        """The update date the page's metadata states, without searching its text."""
        return self._metadata[1]

    @cached_property
    def headline(self):
        """The headline element, found by its page title and og:title (see article_headline)."""
        head = self._page_metadata.head
        return article_headline(self.root, (head.title, head.og_title()))

    @cached_property
    def _metadata(self) -> tuple[DateEvidence | None, DateEvidence | None]:
        """The (published, updated) dates the metadata states; <time> elements in distractors do not count."""
        return self._page_metadata.stated(self._excluded)

    def _excluded(self, element) -> bool:
        # A method, not Distractors.excludes itself: the headline is found only when a <time> needs it.
        return self._distractors.excludes(element)

    @cached_property
    def _distractors(self) -> Distractors:
        return Distractors(self.headline)

    @cached_property
    def _visible(self) -> Visible:
        """The dates the page shows around its headline (or anywhere, see below)."""
        meta = self._metadata[0]
        walk = VisibleDates(self.root, self.headline, self._distractors, self._reader, near=self._near)
        # A date found anywhere is weak evidence: it cannot beat metadata
        # that has a time, so the page is not searched for it then.
        return walk.find(search_page=meta is None or not meta.has_time)

    @cached_property
    def _near(self) -> date | None:
        """A day the metadata gives, for the year of a year-less visible date."""
        for evidence in self._metadata:
            if evidence is not None:
                return date.fromisoformat(evidence.day)
        return None
