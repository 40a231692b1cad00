"""What the written dataset holds: counts per site and per day, field coverage, sources, stories.

Filled in one record at a time while the dataset is written; the dataset
card and the HTML report are made from it.
"""

from collections import Counter
from dataclasses import dataclass, field

from crawler.items import ARTICLE_FIELDS

EMPTY = (None, "", [], {})
# Fields shown per site in the report's coverage chart.
COVERAGE_FIELDS = ("title", "published_at", "authors", "editors", "source", "section", "summary", "tags", "images",
                   "body")
# Above this many days, counts over time are shown per month.
MAX_DAYS_SHOWN = 92


@dataclass
class Story:
    title: str
    size: int
    sites: set = field(default_factory=set)


@dataclass
class Profile:
    rows: int = 0
    near_duplicates: int = 0
    by_site: Counter = field(default_factory=Counter)
    site_names: dict = field(default_factory=dict)
    by_day_site: Counter = field(default_factory=Counter)
    filled: Counter = field(default_factory=Counter)
    filled_by_site: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)
    stories: dict = field(default_factory=dict)

    def add(self, record: dict) -> None:
        site = record["site"]
        self.rows += 1
        self.by_site[site] += 1
        self.site_names.setdefault(site, record.get("site_name") or site)
        self.by_day_site[((record.get("published_at") or "unknown")[:10], site)] += 1
        for name in ARTICLE_FIELDS:
            if record.get(name) not in EMPTY:
                self.filled[name] += 1
                self.filled_by_site[(site, name)] += 1
        if record.get("source"):
            self.sources[record["source"]] += 1
        if record["near_duplicate"]:
            self.near_duplicates += 1
        if record["story_size"] > 1:
            story = self.stories.setdefault(record["story_id"], Story(record["title"], record["story_size"]))
            story.sites.add(site)
            if record["id"] == record["story_id"]:
                story.title = record["title"]

    def coverage(self, name: str, site: str | None = None) -> float:
        if site is None:
            return self.filled[name] / self.rows if self.rows else 0.0
        return self.filled_by_site[(site, name)] / self.by_site[site] if self.by_site[site] else 0.0

    def timeline(self) -> tuple[str, dict]:
        """``("day" or "month", {period: Counter(site: articles)})``, in time order, undated last."""
        days = sorted({day for day, _ in self.by_day_site if day != "unknown"})
        unit, width = ("day", 10) if len(days) <= MAX_DAYS_SHOWN else ("month", 7)
        periods: dict[str, Counter] = {}
        for (day, site), count in sorted(self.by_day_site.items()):
            period = day if day == "unknown" else day[:width]
            periods.setdefault(period, Counter())[site] += count
        return unit, periods
