"""Dedup across runs: one entry per canonical URL, pointing at its latest version.

The same article crawled in several runs (a re-crawl, a reset seen-store)
is one entry: the version with the latest ``fetched_at`` is kept, and
``first_seen``/``last_seen`` span every version's ``fetched_at``.
``fetched_at`` is always UTC in one format, so text order is time order.
Entries hold only what filtering, story grouping and sorting need (a few
hundred bytes each); the record itself is read back from its file when the
dataset is written.
"""

from array import array
from dataclasses import dataclass

from crawler.dataset.stories import fingerprint
from crawler.urls import canonical_url, url_id


@dataclass(slots=True)
class Entry:
    id: str
    site: str
    published_at: str | None
    language: str | None
    fetched_at: str
    first_seen: str
    last_seen: str
    versions: int
    file: int
    offset: int
    fingerprint: array  # the body's clause hashes (crawler.dataset.stories), 4 bytes each

    @property
    def day(self) -> str:
        """The publication day, or the day first seen when the page gave none."""
        return (self.published_at or self.first_seen)[:10]


def _latest(record: dict, file: int, offset: int, key: str) -> dict:
    return {
        "id": url_id(key),
        "site": record["site"],
        "published_at": record.get("published_at"),
        "language": record.get("language"),
        "fetched_at": record["fetched_at"],
        "file": file,
        "offset": offset,
        "fingerprint": array("I", sorted(fingerprint(record.get("body") or ""))),
    }


def merge(records) -> list[Entry]:
    """One ``Entry`` per canonical URL from ``(file, offset, record)`` triples."""
    entries: dict[str, Entry] = {}
    for file, offset, record in records:
        key = canonical_url(record["canonical_url"])
        seen = record["fetched_at"]
        entry = entries.get(key)
        if entry is None:
            entries[key] = Entry(first_seen=seen, last_seen=seen, versions=1, **_latest(record, file, offset, key))
            continue
        entry.versions += 1
        entry.first_seen, entry.last_seen = min(entry.first_seen, seen), max(entry.last_seen, seen)
        if seen >= entry.fetched_at:
            for name, value in _latest(record, file, offset, key).items():
                setattr(entry, name, value)
    return list(entries.values())
