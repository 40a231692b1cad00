"""What a site spider gets from each page, where each value came from, and what looks wrong.

``check_listing`` and ``check_article`` run the spider on one saved page
(``crawler.offline``) and return a ``PageCheck``: readable lines (every
field's value and the rule that produced it — a site selector and its
query, the page's metadata, the generic rules — or the listing's links and
next page) and warnings: a selector that matched nothing, an empty title,
date or text, a date after the fetch, a short text, a value that is not the
one ``expected.json`` holds. ``scrapy checksite`` prints them.
"""

from dataclasses import dataclass, field
from datetime import datetime

from crawler.dates.parse import parse_date
from crawler.extract.queries import node_text
from crawler.extract.body import select
from crawler.extract.text import normalize_space
from crawler.offline import SavedPage, article_record
from crawler.spiders.base import PortalSpider
from crawler.spiders.families.family import CmsSpider
from crawler.urls import strip_tracking

MIN_BODY = 100  # characters: shorter is a summary, a caption or the wrong element
WIDTH = 70  # characters of a value shown
ESSENTIAL = ("title", "published_at", "body")
SHOWN_FIELDS = (
    "title", "subtitle", "published_raw", "published_at", "updated_raw", "updated_at", "authors", "editors",
    "photographers", "source", "section", "tags", "summary", "language", "images", "body",
)
# The selector keys that can give each field, in the order ArticleExtractor tries them.
FIELD_KEYS = {
    "title": ("title",), "subtitle": ("subtitle",), "published_raw": ("published",), "updated_raw": ("updated",),
    "source": ("source", "byline", "body"), "section": ("section",), "summary": ("summary",), "tags": ("tags",),
    "authors": ("byline", "authors", "body"), "editors": ("byline", "editors", "body"),
    "photographers": ("byline", "photographers", "body"), "body": ("body",), "images": ("body",),
}  # credits found in the text are the body selector's
ARTICLE_KEYS = {key for keys in FIELD_KEYS.values() for key in keys}
REQUIRED_KEYS = {"title", "published", "body"}  # matching nothing is a warning; for the others a note
DERIVED = {"published_at": "published_raw", "updated_at": "updated_raw"}  # values the dates pipeline reads


@dataclass
class PageCheck:
    page: SavedPage
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def queries(spider, key: str) -> list[str]:
    value = spider.selectors.get(key) or ()
    return [value] if isinstance(value, str) else list(value)


def named(spider, key: str) -> str:
    """``listing "ul.news-list > li"``: a selector key and its queries, as the spider writes them."""
    return f"{key} " + " | ".join(f'"{query}"' for query in queries(spider, key))


def shorten(value, width: int = WIDTH) -> str:
    """A value on one line, cut to ``width`` characters."""
    if isinstance(value, list):
        value = ", ".join(v.get("url", "") if isinstance(v, dict) else str(v) for v in value)
    text = normalize_space(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def _own_method(spider, name: str) -> str | None:
    """``Class.method`` when the spider's class (or a family base) defines ``name`` beyond the portal spider's."""
    owner = next((cls for cls in type(spider).__mro__ if name in vars(cls)), None)
    return None if owner in (None, PortalSpider, CmsSpider) else f"{owner.__name__}.{name}"


def listing_rules(spider) -> tuple[str, str]:
    """How the spider finds a listing's entries and its next page, in words."""
    if queries(spider, "listing"):
        entries = f"selector {named(spider, 'listing')}"
    else:
        entries = _own_method(spider, "page_entries") or _own_method(spider, "listing_entries") or "generic list"
    if getattr(spider, "article_url", None) is not None:
        entries += f", links of {spider.family} article shape only"
    if queries(spider, "next_page"):
        pages = f"selector {named(spider, 'next_page')}"
    else:
        pages = _own_method(spider, "next_page") or "generic pagination"
    return entries, pages


def _listing_selector_warnings(spider, response) -> list[str]:
    warnings = []
    entries = [entry for query in queries(spider, "listing") for entry in select(response, query)]
    if queries(spider, "listing") and not entries:
        warnings.append(f"selector {named(spider, 'listing')} matched nothing")
    for key in ("listing_link", "listing_date"):
        if entries and queries(spider, key) and not any(select(e, q) for e in entries for q in queries(spider, key)):
            warnings.append(f"selector {named(spider, key)} matched nothing in any entry")
    if queries(spider, "next_page") and not any(select(response, q) for q in queries(spider, "next_page")):
        warnings.append(f"selector {named(spider, 'next_page')} matched nothing (right only on a list's last page)")
    return warnings


def _listing_differences(links: list[str], next_page: str | None, expected: dict) -> list[str]:
    warnings = []
    missing = [link for link in expected["article_links"] if link not in links]
    added = [link for link in links if link not in expected["article_links"]]
    if missing or added:
        listed = [f"\n      + {link}" for link in added] + [f"\n      - {link}" for link in missing]
        warnings.append(f"links differ from expected.json: {len(added)} new, {len(missing)} missing" + "".join(listed))
    elif links != expected["article_links"]:
        warnings.append("links are in another order than in expected.json")
    if next_page != expected["next_page"]:
        warnings.append(f"next page differs from expected.json: expected {expected['next_page']}, now {next_page}")
    return warnings


def check_listing(spider, page: SavedPage, expected: dict | None) -> PageCheck:
    """The listing's links (with the dates they show) and next page, and what looks wrong."""
    check, response = PageCheck(page), page.response()
    entries = {}
    for link, shown in spider.listing_entries(response):
        entries.setdefault(strip_tracking(link), shown)
    next_page = spider.next_page(response)
    entries_rule, pages_rule = listing_rules(spider)
    check.lines += [f"entries    {entries_rule}", f"links      {len(entries)}"]
    for number, (link, shown) in enumerate(entries.items(), 1):
        check.lines.append(f"  {number:>3}  {link}" + (f"  [{shown}]" if shown else ""))
    check.lines.append(f"next page  {next_page or 'none'}  ← {pages_rule}")
    check.warnings += _listing_selector_warnings(spider, response)
    if not entries:
        check.warnings.append("no article links: give the spider a listing selector (scrapy shell the page to try one)")
    if expected is not None:
        check.warnings += _listing_differences(list(entries), next_page, expected)
    return check


def _shows(nodes, value) -> bool:
    """Whether the matched nodes' text shows the value (any of a list's items)."""
    text = " ".join(node_text(node.root) for node in nodes)
    return any(str(item) in text for item in (value if isinstance(value, list) else [value]))


def _source_of(spider, response, name: str, rule: str | None, value) -> str:
    """The rule that produced a field, with the selector query whose text shows it when the rule is a selector."""
    if rule != "selector":
        return rule or ""
    matched = []
    for key in FIELD_KEYS.get(name, ()):
        for query in queries(spider, key):
            nodes = select(response, query)
            if nodes and (name in ("body", "images") or _shows(nodes, value)):
                return f'selector {key} "{query}"'
            if nodes:
                matched.append(f'selector {key} "{query}"')
    return matched[0] if matched else "selector"


def _article_selector_checks(spider, response) -> tuple[list[str], list[str]]:
    warnings, notes = [], []
    for key in spider.selectors:
        if key not in ARTICLE_KEYS or any(select(response, query) for query in queries(spider, key)):
            continue
        (warnings if key in REQUIRED_KEYS else notes).append(f"selector {named(spider, key)} matched nothing")
    return warnings, notes


def _date_warnings(record: dict, fetched_at: str, spider) -> list[str]:
    """A raw date the dates pipeline could not read: later than the fetch (a wrong element or zone?) or not a date."""
    warnings = []
    for raw_field in ("published_raw", "updated_raw"):
        raw = record.get(raw_field)
        if not raw or record.get(raw_field.replace("_raw", "_at")):
            continue
        why = parse_date(raw, now=datetime.fromisoformat(fetched_at), timezone=spider.timezone,
                         languages=spider.languages, url=record.get("url")).reason
        if why == "future":
            warnings.append(f"{raw_field} {shorten(raw, 40)!r} is later than the page was fetched ({fetched_at})")
        else:
            warnings.append(f"{raw_field} {shorten(raw, 40)!r} could not be read as a date ({why})")
    return warnings


def check_article(crawler, page: SavedPage, fetched_at: str, expected: dict | None) -> PageCheck:
    """Every field of the article with the rule that produced it, and what looks wrong."""
    check, spider = PageCheck(page), crawler.spider
    response = page.response()
    record = article_record(crawler, page, fetched_at)
    rules = record.get("extracted_by") or {}
    empty = []
    for name in SHOWN_FIELDS:
        value = record.get(name)
        if value in (None, "", []):
            empty.append(name)
            continue
        shown = f"{len(value)} image{'s' if len(value) != 1 else ''}" if name == "images" else shorten(value)
        if name == "body":
            shown += f"  ({len(value)} characters, {value.count(chr(10) * 2) + 1} paragraphs)"
        source = f"read from {DERIVED[name]}" if record.get(DERIVED.get(name, "")) else (
            _source_of(spider, response, name, rules.get(name), value))
        check.lines.append(f"{name:<14} {shown}" + (f"  ← {source}" if source else ""))
    check.warnings += [f"{name} is empty" for name in ESSENTIAL if name in empty]
    other_empty = [name for name in empty if name not in ESSENTIAL and not name.startswith("updated")]
    if other_empty:
        check.notes.append("empty: " + ", ".join(other_empty))
    body = record.get("body") or ""
    if body and len(body) < MIN_BODY:
        check.warnings.append(f"the text has only {len(body)} characters: a summary, a caption or the wrong element?")
    check.warnings += _date_warnings(record, fetched_at, spider)
    selector_warnings, selector_notes = _article_selector_checks(spider, response)
    check.warnings += selector_warnings
    check.notes += selector_notes
    for name, want in (expected or {}).items():
        if record.get(name) != want:
            check.warnings.append(f"{name} differs from expected.json: {difference(want, record.get(name))}")
    return check


def difference(want, got) -> str:
    """How a value differs from the expected one, short: for a mapping (``extracted_by``) the keys that changed."""
    if isinstance(want, dict) and isinstance(got, dict):
        keys = dict.fromkeys([*want, *got])
        return ", ".join(f"{key} {want.get(key)} → {got.get(key)}" for key in keys if want.get(key) != got.get(key))
    shown = [repr(shorten(value, 50)) if value not in (None, "", []) else "nothing" for value in (want, got)]
    return f"expected {shown[0]}, now {shown[1]}"


def check_page(crawler, page: SavedPage, fetched_at: str, expected: dict | None) -> PageCheck:
    """The check of a listing or an article page, against its values in ``expected.json`` (when there are some)."""
    if page.kind == "listing":
        return check_listing(crawler.spider, page, (expected or {}).get("listings", {}).get(page.file))
    return check_article(crawler, page, fetched_at, (expected or {}).get("articles", {}).get(page.file))
