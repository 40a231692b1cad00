"""``--site``, ``--since``, ``--until`` and ``--lang``: which merged articles go into the dataset.

Dates are publication days as the site gives them (``published_at``, the
site's own time zone), both ends included; an article without a
publication date is left out whenever a date limit is given. ``--lang zh``
also takes ``zh-Hans`` and the like.
"""

from dataclasses import dataclass
from datetime import date


class FilterError(ValueError):
    """A filter argument that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Filters:
    sites: frozenset = frozenset()
    since: str | None = None
    until: str | None = None
    languages: frozenset = frozenset()

    def accepts(self, entry) -> bool:
        if self.sites and entry.site not in self.sites:
            return False
        if self.languages and (entry.language or "").split("-")[0] not in self.languages:
            return False
        if self.since or self.until:
            day = (entry.published_at or "")[:10]
            if not day or (self.since and day < self.since) or (self.until and day > self.until):
                return False
        return True

    def describe(self) -> str:
        parts = [f"sites {', '.join(sorted(self.sites))}" if self.sites else "",
                 f"published from {self.since}" if self.since else "",
                 f"published until {self.until}" if self.until else "",
                 f"languages {', '.join(sorted(self.languages))}" if self.languages else ""]
        return "; ".join(part for part in parts if part) or "none"


def _day(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def _names(value: str | None) -> frozenset:
    return frozenset(name.strip() for name in (value or "").split(",") if name.strip())


def parse_filters(site=None, since=None, until=None, lang=None) -> Filters:
    filters = Filters(_names(site), _day("--since", since), _day("--until", until), _names(lang))
    if filters.since and filters.until and filters.since > filters.until:
        raise FilterError(f"--since {filters.since} is after --until {filters.until}")
    return filters
