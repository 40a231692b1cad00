"""Article fields from a page's structured data.

Reads JSON-LD (``NewsArticle`` and friends, Baidu's cambrian ``pubDate``),
Open Graph and ``article:*`` properties, the meta tags Chinese CMSs print
(``PubDate``, ``publishdate``, ``ContentSource``, ``ColumnName`` …),
``<link rel="canonical">`` and ``<html lang>``; for the headline rules
(``crawler.extract.title``) also ``<title>`` (``page_title``), og:title
(``og_title``) and the site's declared name (``site_name``: og:site_name,
application-name). Values that are known to be unreliable are refused here:
numeric staff ids in ``<meta name="author">``, a canonical URL pointing at
the home page or another site.
"""

import json
import re
from urllib.parse import urlsplit

from crawler.extract.text import normalize_space
from crawler.urls import join_url

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting", "WebPage"}
PUBLISHED_META = (
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date", "publishtime",
    "publish-date", "published_time", "datepublished", "dc.date.issued", "dc.date", "date", "sailthru.date",
    "weibo:article:create_at", "firstpublishedtime", "timestamp",
)
UPDATED_META = ("article:modified_time", "og:updated_time", "dc.date.modified", "lastmodified", "last-modified", "datemodified")
SOURCE_META = ("contentsource", "source", "article:source", "copyright_source")
SECTION_META = ("article:section", "columnname", "column", "category")
SUMMARY_META = ("og:description", "description", "twitter:description")
TITLE_META = ("og:title", "articletitle", "twitter:title")
SITE_NAME_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_SOURCE_LABEL = re.compile(r"^\s*(来源|稿源|来自|source)\s*[:：]\s*", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"\s*[,，、;；|]\s*")
_NUMERIC = re.compile(r"^[\d\s._-]+$")


class _HeadData:
    """The meta tags, JSON-LD scripts, canonical links and ``<title>`` of a page, read in one walk of its tree."""

    def __init__(self, root):
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.canonical: list[str] = []
        self.title: str | None = None
        for element in root.iter("meta", "script", "link", "title"):
            tag = element.tag
            if tag == "meta":
                self._meta(element)
            elif tag == "script":
                if element.get("type") == "application/ld+json" and element.text:
                    self.jsonld.append(element.text)
            elif tag == "link":
                if element.get("rel") == "canonical" and element.get("href") is not None:
                    self.canonical.append(element.get("href"))
            elif self.title is None and getattr(element.getparent(), "tag", None) == "head":
                self.title = normalize_space("".join(element.itertext())) or None

    def _meta(self, element) -> None:
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            self.meta.setdefault(key.strip().lower(), content.strip())


def _walk_jsonld(node):
    if isinstance(node, list):
        for child in node:
            yield from _walk_jsonld(child)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), (list, dict)):
                yield from _walk_jsonld(node[key])


def _jsonld_article(scripts: list[str]) -> dict:
    for script in scripts:
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        for node in _walk_jsonld(data):
            types = node.get("@type", [])
            types = {types} if isinstance(types, str) else set(types)
            if types & ARTICLE_TYPES or "pubDate" in node:
                return node
    return {}


def _names(value) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        if value.get("@type") == "Organization":
            return []
        return _names(value.get("name"))
    if isinstance(value, str):
        value = normalize_space(value)
        if value and not _NUMERIC.match(value) and not value.startswith("http"):
            return [value]
    return []


def _tags(value) -> list[str]:
    if isinstance(value, list):
        return [normalize_space(v) for v in value if isinstance(v, str) and v.strip()]
    if not isinstance(value, str) or not value.strip():
        return []
    parts = _TAG_SPLIT.split(value.strip())
    if len(parts) == 1:
        parts = value.split()
    return [p for p in (normalize_space(p) for p in parts) if p]


def _first(meta: dict, keys) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _same_site(url: str, page_url: str | None) -> bool:
    if not page_url:
        return True
    host, page_host = urlsplit(url).hostname or "", urlsplit(page_url).hostname or ""
    return host.split(".")[-2:] == page_host.split(".")[-2:]


def _canonical(links: list[str], meta: dict, page_url: str | None) -> str | None:
    for href in [*links, meta.get("og:url", "")]:
        href = href.strip()
        if not href:
            continue
        url = join_url(page_url or "", href)
        if url and urlsplit(url).scheme in ("http", "https") and urlsplit(url).path not in ("", "/") and _same_site(
            url, page_url
        ):
            return url
    return None


def page_metadata(sel, url: str | None = None) -> dict:
    """Fields found in the page's structured data; only keys with a value are present."""
    head = _HeadData(sel.root)
    meta = head.meta
    ld = _jsonld_article(head.jsonld)
    fields = {
        "title": normalize_space(ld.get("headline") or ld.get("name") or "") or None,
        "published_raw": ld.get("datePublished") or ld.get("pubDate") or _first(meta, PUBLISHED_META),
        "updated_raw": ld.get("dateModified") or ld.get("upDate") or _first(meta, UPDATED_META),
        "authors": _names(ld.get("author")) or _names(meta.get("author")) or _names(meta.get("article:author")),
        "source": _SOURCE_LABEL.sub("", _first(meta, SOURCE_META) or "") or None,
        "section": ld.get("articleSection") or _first(meta, SECTION_META),
        "tags": _tags(ld.get("keywords")) or _tags(meta.get("article:tag")) or _tags(meta.get("keywords")),
        "summary": ld.get("description") or _first(meta, SUMMARY_META),
        "language": ld.get("inLanguage") or (sel.root.get("lang") if sel.root.tag == "html" else None)
        or meta.get("content-language"),
        "canonical_url": _canonical(head.canonical, meta, url),
        "og_title": _first(meta, TITLE_META),
        "page_title": head.title,
        "site_name": _first(meta, SITE_NAME_META),
    }
    if isinstance(fields["section"], list):
        fields["section"] = fields["section"][0] if fields["section"] else None
    if isinstance(fields["published_raw"], (int, float)):
        fields["published_raw"] = str(fields["published_raw"])
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
