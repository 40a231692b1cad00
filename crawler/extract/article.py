"""Article fields from a page: the site's selectors first, then the page's
structured data, then generic rules; ``extracted_by`` records which one
gave each field (``selector``, ``metadata``, ``generic`` or ``url``).

``ArticleExtractor(selectors).extract(selector, url)`` is what the portal
spiders call; ``extract_article(html, url)`` is the same engine with no
selectors, for any page. The generic rules live in their own modules:
``title`` (the headline), ``content`` (which element holds the text),
``body`` (its paragraphs, images and credit lines), ``standfirst`` (the
subtitle and the lead next to the headline), ``credits`` (bylines
around the text), ``published`` (dates), ``pages`` (multi-page articles).
Each runs only for the fields the selectors did not give, and the page is
parsed once.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cached_property

import lxml.etree
from parsel import Selector

from crawler.dates.parse import DEFAULT_TIMEZONE, normalize_date
from crawler.extract import queries
from crawler.extract.body import Body, extract_body
from crawler.extract.bylines import Byline, parse_byline
from crawler.extract.content import locate_content
from crawler.extract.credits import page_credits
from crawler.extract.encoding import choose_encoding
from crawler.extract.metadata import page_metadata
from crawler.extract.pages import next_page_url
from crawler.extract.published import PageDates
from crawler.extract.standfirst import headline_companions
from crawler.extract.text import normalize_space
from crawler.extract.title import Headline, find_headline, heading_before, site_names, title_site_parts

ROLES = ("authors", "photographers", "editors")
CREDITED = ("authors", "editors", "source")
SELECTED_TEXT = {
    "title": "title", "subtitle": "subtitle", "published": "published_raw", "updated": "updated_raw",
    "source": "source", "section": "section", "summary": "summary",
}
METADATA_FIELDS = ("section", "tags", "summary", "language", "canonical_url")
DATE_FIELDS = (("published_raw", "published_at", "published"), ("updated_raw", "updated_at", "updated"))
SOURCE_LABEL = re.compile(r"^\s*(来源|稿源|转自|来自)\s*[:：]")
TAG_SEPARATOR = re.compile(r"\s*[,，、;；|]\s*|\s+")
CJK = re.compile(r"[\u4e00-\u9fff]")
# lxml's own tree, without lxml.html's element classes (a third faster to walk); parsel parses the same way.
HTML_PARSER = lxml.etree.HTMLParser(recover=True, encoding="utf-8")


def _empty(value) -> bool:
    return value is None or value == "" or value == []


class _Fields:
    """The fields found so far and the rule behind each; the first value of a field wins."""

    def __init__(self):
        self.fields: dict = {}
        self.rules: dict = {}

    def missing(self, name: str) -> bool:
        return _empty(self.fields.get(name))

    def put(self, name: str, value, rule: str) -> None:
        if not _empty(value) and self.missing(name):
            self.fields[name] = value
            self.rules[name] = rule

    def add_byline(self, byline: Byline, rule: str) -> None:
        """Names join those found before (each once); the source only fills an empty one."""
        for role in ROLES:
            names = getattr(byline, role)
            if names and self.fields.get(role):
                self.fields[role] = list(dict.fromkeys(self.fields[role] + names))
            else:
                self.put(role, names, rule)
        self.put("source", byline.source, rule)


class _Page:
    """What the generic rules share about one page, each worked out once and only when asked for."""

    def __init__(self, sel, url: str | None, meta: dict):
        self.root, self.url, self.meta = sel.root, url, meta

    @cached_property
    def titles(self) -> list:
        return [self.meta.get("og_title"), self.meta.get("title"), self.meta.get("page_title")]

    @cached_property
    def site_names(self) -> set[str]:
        return site_names(self.url, [self.meta.get("site_name")])

    @cached_property
    def headline(self) -> Headline | None:
        return find_headline(self.root, self.titles, self.site_names)

    def headline_element(self):
        return self.headline.element if self.headline is not None else None


class ArticleExtractor:
    """Extract one page's article fields with an optional site ``selectors`` mapping.

    Keys (each a CSS or XPath query, or a list of them tried in order):
    ``title``, ``subtitle``, ``published``, ``updated``, ``source``,
    ``section``, ``summary``, ``tags``, ``byline`` (a credit line parsed into
    roles), ``authors``/``editors``/``photographers``, ``body`` (the content
    element), ``body_drop`` (parts of it to leave out), ``captions`` (photo
    captions inside it).
    """

    def __init__(self, selectors: dict | None = None):
        self.selectors = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in (selectors or {}).items()}

    def text(self, sel, key: str) -> str | None:
        for query in self.selectors.get(key, ()):
            text = normalize_space(" ".join(map(queries.node_text, queries.find(sel.root, query))))
            if text:
                return text
        return None

    def extract(
        self, sel, url: str | None, *, now: datetime | None = None, timezone: str = DEFAULT_TIMEZONE, languages=None
    ) -> tuple[dict, dict]:
        """Return ``(fields, extracted_by)`` for the page ``sel`` (a parsel Selector).

        A publish or update date that the selectors do not give comes from
        ``crawler.extract.published`` (metadata, the visible info line, the
        URL), resolved against ``now`` (default: the current time) in
        ``timezone``; its value is returned as ``published_at`` /
        ``updated_at`` too. ``fields["next_page_url"]``, when present, is
        the next page of a multi-page article (see ``crawler.extract.pages``).
        """
        found = _Fields()
        self._selected(sel, found)
        meta = page_metadata(sel, url)
        page = _Page(sel, url, meta)
        content = next(
            (Selector(root=hit[0], type="html") for query in self.selectors.get("body", ()) if (hit := queries.find(sel.root, query))),
            None,
        )
        if content is not None:
            body = self._body(content, url, found, generic=None)
        else:
            located = locate_content(sel.root, page.headline_element())
            content = Selector(root=located.element, type="html") if located is not None else None
            body = self._body(content, url, found, generic=(page, located)) if content is not None else None
        if found.missing("title"):
            self._title(page, content, found)
        if any(found.missing(name) for name in CREDITED):
            self._credits(page, content, body, found)
        for name in METADATA_FIELDS:
            value = meta.get(name)
            found.put(name, value if isinstance(value, list) else (str(value) if value is not None else None), "metadata")
        if any(found.missing(raw) for raw, _, _ in DATE_FIELDS):
            dates = PageDates(sel, url, now=now or datetime.now(UTC), timezone=timezone, languages=languages)
            for raw, value, kind in DATE_FIELDS:
                if not found.missing(raw):
                    continue
                if kind == "updated" and found.rules.get("published_raw") == "selector":
                    # A site profile names its dates: it declares an `updated` selector if the site shows one.
                    # Searching every page's text for an update date would cost more than the rest of its extraction.
                    evidence = dates.updated_in_metadata
                else:
                    evidence = getattr(dates, kind)
                if evidence is not None:
                    found.put(raw, evidence.raw, evidence.rule)
                    found.fields[value] = evidence.value
        fields = found.fields
        if found.missing("language") and CJK.search((fields.get("title") or "") + (fields.get("body") or "")[:200]):
            found.put("language", "zh", "generic")
        return fields, found.rules

    def _selected(self, sel, found: _Fields) -> None:
        """The fields the site's selectors give."""
        for key, name in SELECTED_TEXT.items():
            found.put(name, self.text(sel, key), "selector")
        if SOURCE_LABEL.match(found.fields.get("source") or ""):
            found.fields["source"] = parse_byline(found.fields["source"]).source
            if found.fields["source"] is None:
                del found.fields["source"], found.rules["source"]
        tags = self.text(sel, "tags")
        if tags:
            found.put("tags", [t for t in TAG_SEPARATOR.split(tags) if t], "selector")
        byline_text = self.text(sel, "byline")
        if byline_text:
            found.add_byline(parse_byline(byline_text), "selector")
        for role in ROLES:
            role_text = self.text(sel, role)
            if role_text:
                found.put(role, getattr(parse_byline(role_text), role) or role_text.split(), "selector")

    def _body(self, content, url: str | None, found: _Fields, generic) -> Body:
        """The body, images and the credits in the text; ``generic``: None when ``content`` came from the
        selectors, else ``(page, located content)``."""
        page, located = generic or (None, None)
        headline = page.headline_element() if page is not None else None
        body = extract_body(
            content, url or "", drop=self.selectors.get("body_drop", ()), captions=self.selectors.get("captions", ()),
            headline=headline, leave_out=located.leave_out if located is not None else None, generic=page is not None,
        )
        rule = "generic" if page is not None else "selector"
        text = body.text
        if headline is not None:
            companions = headline_companions(headline, content.root, page.headline.text)
            found.put("subtitle", companions.subtitle, "generic")
            if companions.standfirst and not text.startswith(companions.standfirst):
                text = f"{companions.standfirst}\n\n{text}" if text else companions.standfirst
        found.put("body", text, rule)
        found.put("images", body.images, rule)
        if page is None:
            found.add_byline(body.byline.merge(body.dateline), rule)
        else:
            found.add_byline(Byline(photographers=body.byline.photographers), rule)
            next_page = next_page_url(content.root, url)
            if next_page is not None:
                found.fields["next_page_url"] = next_page
        return body

    @staticmethod
    def _title(page: _Page, content, found: _Fields) -> None:
        headline = page.headline
        if (headline is None or headline.element is None) and content is not None:
            headline = heading_before(content.root) or headline
        if headline is not None:
            found.put("title", headline.text, "generic")

    def _credits(self, page: _Page, content, body: Body | None, found: _Fields) -> None:
        """Authors, photographers, editors and source the selectors did not give (``crawler.extract.credits``)."""
        title = found.fields.get("title") or ""
        generic_body = body is not None and found.rules.get("body") == "generic"
        credits = page_credits(
            page.root, page.headline_element(), content.root if content is not None else None,
            body.byline if generic_body else Byline(), body.dateline if body is not None else Byline(),
            body.info if body is not None else [], page.meta,
            page.site_names | self._title_site_names(page.meta, title), title,
        )
        for role in ROLES:
            if found.missing(role):
                found.put(role, getattr(credits.byline, role), credits.rules.get(role, "generic"))
        found.put("source", credits.byline.source, credits.rules.get("source", "generic"))

    @staticmethod
    def _title_site_names(meta: dict, title: str | None) -> set[str]:
        """The site's names that ``<title>`` shows next to the headline (``…_网易财经``)."""
        return {re.sub(r"[\W_]+", "", part).casefold() for part in title_site_parts(meta.get("page_title"), title or "")}


def parse_page(html: bytes | str):
    """A parsel Selector over the page (bytes decoded as ``choose_encoding`` says), parsed once with lxml."""
    if isinstance(html, bytes):
        html = html.decode(choose_encoding(html), errors="replace")
    root = lxml.etree.fromstring(html.encode("utf-8", errors="replace"), parser=HTML_PARSER)
    if root is None:
        return Selector(text="<html></html>")
    if root.getnext() is not None:
        _take_in_stray_content(root)
    return Selector(root=root, type="html")


def _take_in_stray_content(root) -> None:
    """Put what follows a stray ``</html>`` back into the page's ``<body>``.

    An included header that closes the page (``…</html><!--end header--><div
    class="content">…``) makes libxml2 start a second top-level ``<html>``
    with the rest of the page, the article included, outside ``root``.
    """
    body = root.find("body")
    if body is None:
        body = lxml.etree.SubElement(root, "body")
    for sibling in list(root.itersiblings()):
        if not isinstance(sibling.tag, str):
            continue
        for child in list(sibling):
            if child.tag in ("head", "body"):
                target = root.find("head") if child.tag == "head" else body
                (target if target is not None else body).extend(list(child))
            else:
                body.append(child)


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    fetched_at: datetime | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    languages=None,
) -> dict:
    """Every article field found on one page, with no site knowledge, plus ``extracted_by``.

    ``html`` may be bytes (the charset is worked out from the bytes and the
    page's declaration) or text. ``published_at``/``updated_at`` are resolved
    against ``fetched_at`` (default: now) in ``timezone``. Not a field of the
    article record: ``next_page_url``, present when the page is one page of
    a multi-page article and shows a link to the next one.
    """
    now = fetched_at or datetime.now(UTC)
    fields, rules = ArticleExtractor().extract(parse_page(html), url, now=now, timezone=timezone, languages=languages)
    for raw, out, _ in DATE_FIELDS:
        if out not in fields:
            fields[out] = (
                normalize_date(fields[raw], now=now, timezone=timezone, languages=languages, url=url)
                if fields.get(raw) else None
            )
    fields["extracted_by"] = rules
    return fields
