"""Site selectors proposed from where the generic extraction found things on saved pages.

``propose_listing(response)`` turns the list ``crawler.extract.listing``
chose into ``listing`` / ``listing_link`` / ``listing_date`` queries and the
pager ``crawler.extract.pagination`` found into ``next_page``;
``propose_article(responses)`` turns the elements the generic article rules
read into ``title`` / ``published`` / ``byline`` / ``source`` / ``body``.
Every query is a CSS path by id and class (``crawler.sitekit.css_path``) and
is kept only when a spider using it gets exactly what the generic rules got
on every page; a key left out means generic extraction (or the page's
metadata) goes on doing that job.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from crawler.dates.parse import normalize_date
from crawler.extract.article import ArticleExtractor
from crawler.extract.body import find_content
from crawler.extract.listing import read_listing
from crawler.extract.page_links import page_links
from crawler.extract.pagination import NEXT_WORD, find_pager
from crawler.extract.text import normalize_space
from crawler.offline import listing_links
from crawler.sitekit.css_path import css_path, relative_path
from crawler.spiders.base import PortalSpider
from crawler.urls import strip_tracking

COVERAGE = 0.8  # share of the list's links a container must hold to be tried as the list
HEADLINE_TAGS = ("h1", "h2", "h3")
SKIPPED = ("script", "style", "head", "title", "noscript")


@dataclass
class Proposal:
    """Proposed selectors, and a line for each job left to the generic rules (said in the spider)."""

    selectors: dict = field(default_factory=dict)
    generic: list[str] = field(default_factory=list)


def probe_spider(selectors: dict, url: str) -> PortalSpider:
    """A portal spider with these selectors, to see what a site spider would get (no crawl needed)."""
    probe = type("ProbeSpider", (PortalSpider,), {"name": "probe", "start_urls": [url], "selectors": selectors})
    return probe()


# --- listing pages ---


def _anchors(response, links: set) -> dict:
    """``{link: first anchor element linking it}`` for the given canonical links."""
    found: dict = {}
    page = page_links(response.selector.root, response.url)
    for anchor in page.anchors:
        href = anchor.get("href")
        if href and anchor.getroottree().getroot() is response.selector.root:  # not a Hanweb record fragment
            found.setdefault(strip_tracking(page.resolve(href)), anchor)
    return {link: found[link] for link in links if link in found}


def _containers(anchors: list) -> list:
    """Elements holding at least ``COVERAGE`` of the anchors, deepest first."""
    counts: Counter = Counter()
    for anchor in anchors:
        for ancestor in anchor.iterancestors():
            counts[ancestor] += 1
    needed = max(2, COVERAGE * len(anchors))
    held = [element for element, count in counts.items() if count >= needed and element.tag not in ("html", "body")]
    return sorted(held, key=lambda element: -len(list(element.iterancestors())))


def _entry_of(anchor, container):
    """The child of ``container`` that holds ``anchor``."""
    element = anchor
    while element.getparent() is not container:
        element = element.getparent()
    return element


def _date_query(shown: dict) -> str | None:
    """``listing_date``: the element inside each entry (a Selector) that shows its date (the text), if one query
    finds them all."""
    queries: Counter = Counter()
    for entry, text in shown.items():
        holders = [e for e in entry.root.iter() if isinstance(e.tag, str) and text in normalize_space(e.text_content())]
        query = relative_path(holders[-1], entry.root) if holders else None
        if query:
            queries[f"{query}::text"] += 1
    for query, _ in queries.most_common(2):
        if all(text in normalize_space(" ".join(entry.css(query).getall())) for entry, text in shown.items()):
            return query
    return None


def _listing_queries(response, links: list[str]) -> dict:
    """``listing`` (and ``listing_link``) that give exactly ``links``, or {}."""
    anchors = _anchors(response, set(links))
    if len(anchors) < len(links):
        return {}
    root = response.selector.root
    for container in _containers(list(anchors.values())):
        entries = [_entry_of(anchors[link], container) for link in links if container in anchors[link].iterancestors()]
        tag = Counter(entry.tag for entry in entries).most_common(1)[0][0]
        path = css_path(container, root)
        if path is None:
            continue
        queries = {"listing": f"{path} > {tag}"}
        entry, anchor = entries[0], anchors[links[0]]
        if len({a.get("href") for a in entry.iter("a") if a.get("href")}) > 1:
            link_path = relative_path(anchor, entry)
            if link_path is None:
                continue
            queries["listing_link"] = f"{link_path}::attr(href)"
        if listing_links(probe_spider(queries, response.url), response) == links:
            return queries
    return {}


def _next_page_query(response, next_url: str) -> str | None:
    """``next_page``: the pager's next link as a CSS query, when it is a link one can point at."""
    pager = find_pager(page_links(response.selector.root, response.url))
    element = pager.element
    if element is None or element.tag not in ("a", "link"):
        return None
    if element.tag == "link":
        candidates = ["link[rel=next]::attr(href)"]
    else:
        candidates = []
        path = css_path(element, response.selector.root)
        if path:
            candidates.append(f"{path}::attr(href)")
        text = normalize_space(element.text_content())
        parent = css_path(element.getparent(), response.selector.root) if element.getparent() is not None else None
        if parent and NEXT_WORD.match(text) and "'" not in text:
            candidates.insert(0, f"{parent} a:contains('{text}')::attr(href)")
    for query in candidates:
        if probe_spider({"next_page": query}, response.url).next_page(response) == next_url:
            return query
    return None


def propose_listing(response) -> Proposal:
    """Listing selectors for a saved listing page (a response)."""
    listing = read_listing(response.selector, response.url)
    proposal = Proposal()
    links = [entry.url for entry in listing.entries]
    queries = _listing_queries(response, links) if links else {}
    if queries:
        proposal.selectors.update(queries)
        entry_elements = response.selector.css(queries["listing"])
        shown = {}
        for element in entry_elements:
            href = element.css(queries.get("listing_link", "a::attr(href)")).get()
            entry = next((e for e in listing.entries if href and e.url == strip_tracking(response.urljoin(href))), None)
            if entry and entry.shown_date:
                shown[element] = entry.shown_date
        date_query = _date_query(shown) if shown else None
        if date_query:
            proposal.selectors["listing_date"] = date_query
    else:
        proposal.generic.append("the article list: found on each page by crawler.extract.listing")
    next_query = _next_page_query(response, listing.next_page) if listing.next_page else None
    if next_query:
        proposal.selectors["next_page"] = next_query
    else:
        proposal.generic.append("the next page: crawler.extract.pagination (pager scripts, 下一页 links, page numbers)")
    return proposal


# --- article pages ---


def _text(element) -> str:
    return normalize_space(element.text_content())


def _holders(root, text: str, outside=None) -> list:
    """Elements of the body whose text contains ``text``, outermost first (none inside ``outside``)."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in SKIPPED or element.tag in ("html", "body"):
            continue
        if outside is not None and (element is outside or outside in element.iterancestors()):
            continue
        if text in _text(element):
            found.append(element)
    return found


def _deepest(root, text: str, outside=None):
    """The innermost element showing ``text`` (outside ``outside``), or None."""
    holders = _holders(root, text, outside)
    return holders[-1] if holders else None


def _headline(root, title: str):
    """The element whose whole text is the title, a heading first."""
    exact = [e for e in _holders(root, title) if _text(e) == title]
    headings = [e for e in exact if e.tag in HEADLINE_TAGS]
    return (headings or exact or [None])[0]


@dataclass
class ArticlePage:
    """One saved article page and what the generic rules make of it."""

    response: object
    fields: dict
    rules: dict
    content: object  # the body element the generic rules chose, or None
    now: datetime

    @classmethod
    def read(cls, response) -> "ArticlePage":
        fields, rules = ArticleExtractor().extract(response.selector, response.url)
        content = find_content(response.selector)
        return cls(response, fields, rules, content.root if content is not None else None, datetime.now(UTC))

    def published(self, raw: str | None) -> str | None:
        return normalize_date(raw, now=self.now, url=self.response.url) if raw else None

    def candidates(self) -> dict:
        """``{key: query}`` for the elements the generic rules read on this page."""
        root, fields, rules = self.response.selector.root, self.fields, self.rules
        found = {}
        if self.content is not None:
            found["body"] = css_path(self.content, root)
        if fields.get("title") and rules.get("title") in ("generic", "metadata"):
            headline = _headline(root, fields["title"])
            found["title"] = css_path(headline, root) if headline is not None else None
        if fields.get("published_raw") and rules.get("published_raw") == "generic":
            holder = _deepest(root, fields["published_raw"])
            found["published"] = css_path(holder, root) if holder is not None else None
        names = fields.get("authors") or []
        body_text = _text(self.content) if self.content is not None else ""
        if names and rules.get("authors") == "generic" and not all(name in body_text for name in names):
            holders = [set(_holders(root, name, self.content)) for name in names]
            common = [e for e in _holders(root, names[0], self.content) if all(e in h for h in holders)]
            found["byline"] = css_path(common[-1], root) if common else None
        source = fields.get("source")
        if source and rules.get("source") == "generic" and source not in body_text:
            holder = _deepest(root, source, self.content)
            found["source"] = css_path(holder, root) if holder is not None else None
        return {key: query for key, query in found.items() if query}

    def agrees(self, key: str, queries: list[str], body: list[str]) -> bool:
        """Whether a spider with these queries for ``key`` (and the body queries) gets what the generic rules got."""
        selectors = {key: queries, **({"body": body} if body and key != "body" else {})}
        fields, _ = ArticleExtractor(selectors).extract(self.response.selector, self.response.url)
        if key == "published":
            return self.published(fields.get("published_raw")) == self.published(self.fields.get("published_raw"))
        if key == "byline":
            return fields.get("authors") == self.fields.get("authors") and fields.get("source") == self.fields.get("source")
        return fields.get(key) == self.fields.get(key)


ARTICLE_KEYS = ("body", "title", "published", "byline", "source")  # the body first: the others are checked with it
LEFT_TO_GENERIC = {
    "title": "the headline: page metadata, then the <h1> the page title confirms",
    "published": "the publish date: page metadata, the info line after the headline, the URL",
    "byline": "authors and source: credit lines in the info line and the text",
    "body": "the text: the element most paragraphs sit in (crawler.extract.body.find_content)",
}


def propose_article(responses: list) -> Proposal:
    """Article selectors that give, on every saved article page, what the generic rules give."""
    pages = [ArticlePage.read(response) for response in responses]
    candidates = [page.candidates() for page in pages]
    proposal = Proposal()
    for key in ARTICLE_KEYS:
        queries = list(dict.fromkeys(found[key] for found in candidates if key in found))
        body = proposal.selectors.get("body", [])
        if queries and all(page.agrees(key, queries, body) for page in pages):
            proposal.selectors[key] = queries
        elif key in LEFT_TO_GENERIC:  # a source left out is covered by the byline's line
            proposal.generic.append(LEFT_TO_GENERIC[key])
    for key, queries in proposal.selectors.items():
        if len(queries) == 1:
            proposal.selectors[key] = queries[0]
    return proposal
