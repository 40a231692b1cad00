"""Article fields from a page: the site's selectors first, then the page's
structured data, then generic rules; ``extracted_by`` records which one
gave each field (``selector``, ``metadata`` or ``generic``).

``ArticleExtractor(selectors).extract(selector, url)`` is what the portal
spiders call; ``extract_article(html, url)`` is the same engine with no
selectors, for any page.
"""

import re
from datetime import UTC, datetime

from parsel import Selector

from crawler.extract.body import extract_body, find_content, select
from crawler.extract.bylines import Byline, parse_byline
from crawler.extract.encoding import choose_encoding
from crawler.extract.metadata import page_metadata
from crawler.extract.published import PageDates
from crawler.extract.text import join_cjk_lines, normalize_space
from pipelines.dates import DEFAULT_TIMEZONE, normalize_date

ROLES = ("authors", "photographers", "editors")
SELECTED_TEXT = {
    "title": "title", "subtitle": "subtitle", "published": "published_raw", "updated": "updated_raw",
    "source": "source", "section": "section", "summary": "summary",
}
METADATA_FIELDS = ("title", "authors", "source", "section", "tags", "summary", "language", "canonical_url")
DATE_FIELDS = (("published_raw", "published_at", "published"), ("updated_raw", "updated_at", "updated"))
BYLINE_HINT = re.compile(r"来源|稿源|作者|记者|编辑|责编|通讯员|摄影|撰稿|撰文|文/|发布者")
SOURCE_LABEL = re.compile(r"^\s*(来源|稿源|转自|来自)\s*[:：]")
TITLE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
TAG_SEPARATOR = re.compile(r"\s*[,，、;；|]\s*|\s+")
CJK = re.compile(r"[\u4e00-\u9fff]")
INFO_WINDOW = 40


def node_text(node) -> str:
    """Text of a selected node: the string itself, or an element's text content."""
    root = node.root
    if isinstance(root, str):
        return root
    return "".join(root.itertext())


def strip_site_suffix(title: str) -> str:
    """``青溪县新增学位3000个_青溪新闻网`` → the longest part, the headline."""
    parts = [p for p in TITLE_SEPARATOR.split(title) if p]
    return max(parts, key=len) if parts else title


def _empty(value) -> bool:
    return value is None or value == "" or value == []


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
            text = normalize_space(" ".join(node_text(n) for n in select(sel, query)))
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
        ``updated_at`` too.
        """
        fields: dict = {}
        rules: dict = {}

        def put(name, value, rule):
            if not _empty(value) and _empty(fields.get(name)):
                fields[name] = value
                rules[name] = rule

        def add_byline(byline: Byline, rule: str):
            for role in ROLES:
                names = getattr(byline, role)
                if names and fields.get(role):
                    fields[role] = list(dict.fromkeys(fields[role] + names))
                else:
                    put(role, names, rule)
            put("source", byline.source, rule)

        for key, name in SELECTED_TEXT.items():
            put(name, self.text(sel, key), "selector")
        if SOURCE_LABEL.match(fields.get("source") or ""):
            fields["source"] = parse_byline(fields["source"]).source
            if fields["source"] is None:
                del fields["source"], rules["source"]
        tags = self.text(sel, "tags")
        if tags:
            put("tags", [t for t in TAG_SEPARATOR.split(tags) if t], "selector")
        byline_text = self.text(sel, "byline")
        if byline_text:
            add_byline(parse_byline(byline_text), "selector")
        for role in ROLES:
            role_text = self.text(sel, role)
            if role_text:
                put(role, getattr(parse_byline(role_text), role) or role_text.split(), "selector")

        content, body_rule = None, "selector"
        for query in self.selectors.get("body", ()):
            found = select(sel, query)
            if found:
                content = found[0]
                break
        if content is None:
            content, body_rule = find_content(sel), "generic"
        if content is not None:
            body = extract_body(
                content, url or "", drop=self.selectors.get("body_drop", ()), captions=self.selectors.get("captions", ())
            )
            put("body", body.text, body_rule)
            put("images", body.images, body_rule)
            add_byline(body.byline, body_rule)

        meta = page_metadata(sel, url)
        for name in METADATA_FIELDS:
            value = meta.get(name)
            put(name, value if isinstance(value, list) else (str(value) if value is not None else None), "metadata")

        if _empty(fields.get("title")):
            put("title", self.generic_title(sel, meta), "generic")
        if any(_empty(fields.get(raw)) for raw, _, _ in DATE_FIELDS):
            dates = PageDates(sel, url, now=now or datetime.now(UTC), timezone=timezone, languages=languages)
            for raw, value, kind in DATE_FIELDS:
                evidence = getattr(dates, kind) if _empty(fields.get(raw)) else None
                if evidence is not None:
                    put(raw, evidence.raw, evidence.rule)
                    fields[value] = evidence.value
        if any(_empty(fields.get(name)) for name in ("source", "authors")):
            info = self.info_texts(sel, content.root if content is not None else None)
            credits = [t for t in info if BYLINE_HINT.search(t)]
            if credits:
                add_byline(parse_byline("  ".join(credits)), "generic")
        if _empty(fields.get("language")) and CJK.search((fields.get("title") or "") + (fields.get("body") or "")[:200]):
            put("language", "zh", "generic")
        return fields, rules

    @staticmethod
    def generic_title(sel, meta: dict) -> str | None:
        """The headline: an ``<h1>`` that the page title or og:title confirms, else those without the site name."""
        page_title = normalize_space(" ".join(sel.root.xpath("//title//text()")))
        og_title = meta.get("og_title", "")
        headings = [join_cjk_lines(normalize_space(h.text_content())) for h in sel.root.iter("h1")]
        headings = [h for h in headings if h]
        for heading in headings:
            if (page_title and heading in page_title) or (og_title and heading in og_title):
                return heading
        for candidate in (og_title, page_title):
            if candidate:
                return strip_site_suffix(candidate)
        return headings[0] if headings else None

    @staticmethod
    def info_texts(sel, content_root) -> list[str]:
        """Text nodes after the headline and before the content: where the date and bylines sit."""
        heading = next(sel.root.iter("h1"), None)
        if heading is None:
            return []
        texts = []
        for text in heading.xpath(f"following::text()[normalize-space()][position() <= {INFO_WINDOW}]"):
            parent = text.getparent()
            if parent.tag in ("script", "style"):
                continue
            if content_root is not None and (parent is content_root or content_root in parent.iterancestors()):
                break
            texts.append(normalize_space(text))
        return texts


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
    against ``fetched_at`` (default: now) in ``timezone``.
    """
    if isinstance(html, bytes):
        html = html.decode(choose_encoding(html), errors="replace")
    now = fetched_at or datetime.now(UTC)
    fields, rules = ArticleExtractor().extract(
        Selector(text=html), url, now=now, timezone=timezone, languages=languages
    )
    for raw, out, _ in DATE_FIELDS:
        if out not in fields:
            fields[out] = (
                normalize_date(fields[raw], now=now, timezone=timezone, languages=languages, url=url)
                if fields.get(raw) else None
            )
    fields["extracted_by"] = rules
    return fields
