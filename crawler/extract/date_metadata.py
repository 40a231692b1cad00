"""The dates a page's metadata states (the ``metadata`` rule of ``crawler.extract.published``).

``PageMetadata(root, reader).stated(excluded)`` gives the page's
(published, updated) metadata dates, best first: JSON-LD ``datePublished`` /
``dateModified`` (Baidu's cambrian ``pubDate`` / ``upDate``), then date
``<meta>`` tags (``article:published_time``, ``publishdate``, ``PubDate`` …),
read in the head, and in the body when the head has no publish date; then the
first ``<time datetime>`` that ``excluded`` does not reject (lists and
sidebars show other articles' times). ``script_state`` is the last resort: a
publish time in the page state an inline script hands to the page's
JavaScript (``"pubtime": "…"``).

A metadata instant at midnight is a day stored as a timestamp (often in
UTC): only its day is kept, as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from crawler.extract.date_text import METADATA, DateEvidence, DateReader
from crawler.extract.text import normalize_space
from crawler.extract.visible_dates import marked_updated

# <meta> names/properties (lower-cased, spaces removed), best first.
PUBLISHED_META = (
    "datepublished", "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "publishdate", "publish_date", "publish-date", "pubdate", "publishtime",
    "publish_time", "publication_date", "published_time", "published_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "weibo:article:create_at", "firstpublishedtime", "og:time", "og:release_date",
    "citation_publication_date", "citation_date", "dc.date", "dcterms.date", "date", "datecreated", "uploaddate",
)
UPDATED_META = (
    "datemodified", "article:modified_time", "og:updated_time", "og:article:modified_time", "article.updated",
    "dc.date.modified", "dcterms.modified", "weibo:article:update_at", "lastmodifiedtime", "lastmodified",
    "dateupdate", "updatedate",
)
# JSON-LD keys, best first; Baidu's cambrian JSON-LD says pubDate / upDate.
PUBLISHED_LD = ("datePublished", "pubDate", "dateCreated", "uploadDate")
UPDATED_LD = ("dateModified", "upDate")
# Publish times in the page state that inline scripts hand to the page's
# JavaScript (qq: "pubtime", toutiao: "publish_time" …), read last. Searched
# in the lower-cased script: a case-insensitive search is eight times slower.
_STATE_DATE_RE = re.compile(
    r"""(?:pub_?time|publish_?time|publish_?date|pub_?date|ptime|release_?time)["']?\s*[:=]\s*["']"""
    r"""(?P<v>[^"'<>]{8,40})["']"""
)
_META_RANKS = {key: ("published", rank) for rank, key in enumerate(PUBLISHED_META)}
_META_RANKS.update({key: ("updated", rank) for rank, key in enumerate(UPDATED_META)})
# JSON-LD ranks before every meta tag.
_LD_RANKS = {key: ("published", rank - len(PUBLISHED_LD)) for rank, key in enumerate(PUBLISHED_LD)}
_LD_RANKS.update({key: ("updated", rank - len(UPDATED_LD)) for rank, key in enumerate(UPDATED_LD)})
_LD_DATE_RE = re.compile(rf'"(?P<k>{"|".join(PUBLISHED_LD + UPDATED_LD)})"\s*:\s*"(?P<v>[^"]{{4,40}})"')
# A metadata instant at midnight is a day stored as a timestamp (often in
# UTC): its day is the one written, whatever the zone.
_MIDNIGHT_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")


@dataclass
class PageElements:
    """The elements of a part of the page that hold metadata."""

    meta: list = field(default_factory=list)
    json_ld: list = field(default_factory=list)
    inline_scripts: list = field(default_factory=list)
    time: list = field(default_factory=list)
    title: str = ""

    @classmethod
    def of(cls, elements: Iterable) -> PageElements:
        found = cls()
        for element in elements:
            tag = element.tag
            if tag == "meta":
                found.meta.append(element)
            elif tag == "script":
                if (element.get("type") or "").lower() == "application/ld+json":
                    found.json_ld.append(element)
                elif element.get("src") is None:
                    found.inline_scripts.append(element)
            elif tag == "time":
                found.time.append(element)
            elif tag == "title" and not found.title:
                found.title = normalize_space("".join(element.itertext()))
        return found

    def og_title(self) -> str:
        """The text of the og:title meta tag, "" when there is none."""
        og_title = next((m.get("content") for m in self.meta if (m.get("property") or "").lower() == "og:title"), "")
        return normalize_space(og_title)


class PageMetadata:
    """The metadata elements and dates of one page: the head first, the rest only when needed."""

    def __init__(self, root, reader: DateReader):
        self.root = root
        self.reader = reader

    @cached_property
    def head(self) -> PageElements:
        head = self.root.find("head")
        return PageElements.of(head.iter("meta", "script", "title") if head is not None else ())

    @cached_property
    def body(self) -> PageElements:
        """Meta tags, scripts and <time> elements in the body: one walk of the whole body, done only
        when the head has no publish date."""
        body = self.root.find("body")
        return PageElements.of((body if body is not None else self.root).iter("meta", "script", "time"))

    def stated(self, excluded: Callable[[object], bool]) -> tuple[DateEvidence | None, DateEvidence | None]:
        """The best (published, updated) of the head's JSON-LD and meta tags; when the head has no publish
        date, of the body's too, then of the first <time datetime> that is not ``excluded``."""
        published, updated = self._stated_in(self.head)
        if published is None:
            body_published, body_updated = self._stated_in(self.body)
            published = body_published or self._time_element("published", excluded)
            updated = updated or body_updated or self._time_element("updated", excluded)
        return published, updated

    @cached_property
    def script_state(self) -> DateEvidence | None:
        """A publish time in the page state of an inline script (read only when there is no metadata)."""
        for script in self.head.inline_scripts + self.body.inline_scripts:
            text = script.text or ""
            lowered = text.lower()
            for m in _STATE_DATE_RE.finditer(lowered if len(lowered) == len(text) else text):
                evidence = self.reader.read(text[m.start("v"):m.end("v")].strip(), METADATA)
                if evidence is not None:
                    return evidence
        return None

    def _stated_in(self, elements: PageElements) -> tuple[DateEvidence | None, DateEvidence | None]:
        ranked: dict[str, list[tuple[int, str]]] = {"published": [], "updated": []}
        for script in elements.json_ld:
            for m in _LD_DATE_RE.finditer(script.text or ""):
                kind, rank = _LD_RANKS[m["k"]]
                ranked[kind].append((rank, m["v"]))
        for element in elements.meta:
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content:
                found = _META_RANKS.get(key.replace(" ", "").lower())
                if found is not None:
                    ranked[found[0]].append((found[1], content))
        return self._first_valid(ranked["published"]), self._first_valid(ranked["updated"])

    def _first_valid(self, ranked: list[tuple[int, str]]) -> DateEvidence | None:
        for _, raw in sorted(ranked, key=itemgetter(0)):
            evidence = self._read(raw.strip())
            if evidence is not None:
                return evidence
        return None

    def _read(self, raw: str) -> DateEvidence | None:
        midnight = _MIDNIGHT_RE.match(raw)
        evidence = self.reader.read(midnight[1] if midnight else raw, METADATA)
        if evidence is not None and evidence.value[10:19] == "T00:00:00":  # midnight in the site's zone: a day, too
            return DateEvidence(raw, evidence.day, METADATA)
        return evidence

    def _time_element(self, kind: str, excluded: Callable[[object], bool]) -> DateEvidence | None:
        """The first <time datetime> of ``kind`` (``updated`` when its class says so) not ``excluded``."""
        for element in self.body.time:
            stamp = element.get("datetime")
            if stamp and ("updated" if marked_updated(element) else "published") == kind and not excluded(element):
                evidence = self._read(stamp.strip())
                if evidence is not None:
                    return evidence
        return None
