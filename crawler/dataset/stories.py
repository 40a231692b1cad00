"""Near-duplicates: the same story under different URLs, usually on different sites.

A provincial story republished by county portals keeps most of its text
but gains a new lead, dateline or credit line. Each body is reduced to the
set of its clauses (the text between punctuation marks, whitespace removed,
at least four characters; a CRC-32 each, so the same text always gives the
same set), and two articles are one story when the Jaccard similarity of
their sets reaches the threshold: a changed lead or an added credit line
costs one or two clauses out of dozens. Candidates come from an index of
the clauses of the articles published within ``window_days`` of each other,
so memory follows the number of articles in a window, not in the dataset.
Groups are joined transitively; the story id is the id of the group's
earliest article.
"""

import re
import zlib
from collections import deque
from datetime import date

from crawler.gc_pause import cyclic_gc_paused

CLAUSE_MARKS = re.compile(r"[，。；！？、：,.;!?:\n]+")
_SPACE = re.compile(r"\s+")
MIN_CLAUSE = 4
# A clause in this many articles of the window is boilerplate: it does not propose candidates.
COMMON_CLAUSE = 50


def fingerprint(text: str) -> frozenset:
    """The CRC-32s of the text's clauses of at least ``MIN_CLAUSE`` characters."""
    clauses = (_SPACE.sub("", clause) for clause in CLAUSE_MARKS.split(text))
    return frozenset(zlib.crc32(clause.encode("utf-8")) for clause in clauses if len(clause) >= MIN_CLAUSE)


def similarity(a: frozenset, b: frozenset) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0


class _Groups:
    """Union-find over entry positions."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)


def _earliest(entry) -> tuple:
    return (entry.published_at or entry.first_seen, entry.first_seen, entry.id)


def group_stories(entries: list, threshold: float, window_days: int) -> dict[str, tuple[str, int]]:
    """``{entry id: (story id, story size)}`` for every entry."""
    # The window's sets and deques hold no reference cycles, yet the collector would scan them and every entry
    # again and again: grouping 50,000 articles took 3.5 times as long (benchmarks/export_dataset.py).
    with cyclic_gc_paused():
        return _group(entries, threshold, window_days)


def _group(entries: list, threshold: float, window_days: int) -> dict[str, tuple[str, int]]:
    order = sorted(range(len(entries)), key=lambda i: (entries[i].day, entries[i].id))
    groups = _Groups(len(entries))
    # clause -> positions of the window's entries that have it, oldest first (lists: most have one entry,
    # and a deque's block of 64 slots per clause took 600 bytes each)
    postings: dict[int, list] = {}
    window: deque = deque()  # (day, position) of the entries in the window, oldest first
    clauses: dict[int, frozenset] = {}  # the window's fingerprints as sets
    for i in order:
        entry = entries[i]
        today = date.fromisoformat(entry.day).toordinal()
        while window and today - window[0][0] > window_days:
            _, old = window.popleft()
            for h in clauses.pop(old):  # the oldest entry is first in each of its postings
                del postings[h][0]
                if not postings[h]:
                    del postings[h]
        mine = clauses[i] = frozenset(entry.fingerprint)
        candidates = {j for h in mine if len(bucket := postings.get(h, ())) < COMMON_CLAUSE for j in bucket}
        for j in candidates:
            if similarity(mine, clauses[j]) >= threshold:
                groups.join(i, j)
        for h in mine:
            postings.setdefault(h, []).append(i)
        window.append((today, i))
    members: dict[int, list[int]] = {}
    for i in range(len(entries)):
        members.setdefault(groups.root(i), []).append(i)
    stories = {}
    for group in members.values():
        original = min((entries[i] for i in group), key=_earliest)
        for i in group:
            stories[entries[i].id] = (original.id, len(group))
    return stories
