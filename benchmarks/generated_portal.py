"""A static news portal of a few thousand pages, made from the demo portal's own pages.

``build_portal(root, articles)`` renders the bundled demo portal
(``crawler.demo.DemoPortal``) and uses its UTF-8 pages as templates:

- article pages: the 青溪要闻 (TRS, ``.html``) and 乡镇动态 (``.htm``)
  article templates. Each generated article gets its own id, URL, date, title
  and body; the body's paragraphs are drawn from all the demo's stories and
  no two bodies are the same. The template's info line, photos, video box,
  credit lines and junk paragraphs stay, so ``demo_county``'s selectors
  apply and the same kinds of fields come out.
- listing pages: the 乡镇动态 listing template, with the sections of
  ``portal_layout``: ``ul.news-list > li`` entries (relative, ``../`` and
  absolute hrefs, as on the demo) and a plain ``<a class="next">下一页</a>``.

``page_chrome`` then brings every page to 40 to 100 KB. The output only
depends on the article count and the hour it is built in (the dates count
back from the last full hour, so none is in the future).
"""

import html
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from crawler.demo import DemoPortal

from benchmarks.page_chrome import PLACES, add_chrome
from benchmarks.page_edits import TemplateChanged, replace_exactly, substitute_once
from benchmarks.portal_layout import LISTING_PAGES_PER_SECTION, SECTIONS, listing_path

CST = timezone(timedelta(hours=8))
DEMO_ANCHOR = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
SITE_NAME = "青溪新闻网"
PAGE_BYTES = (40_000, 97_000)
BODY_PARAGRAPHS = (4, 12)
MINUTES_BETWEEN_ARTICLES = 23
FIRST_ARTICLE_ID = 100_000

# Article templates by path prefix: the URL shape and the <title> separator of each.
TEMPLATE_STYLES = {"/xwzx/qxyw/": "trs", "/xzdt/": "town"}
TITLE_SEPARATOR = {"trs": "_", "town": "-"}
LISTING_TEMPLATE_PATH = "/xzdt/list.html?page=1"
LISTING_TEMPLATE_SECTION = "乡镇动态"
# A published time as the templates print it; the longest first.
RAW_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d")

DATELINE = re.compile(r"^(青溪(?:新闻网)?讯（[^）]*）)(\d{1,2}月\d{1,2}日|近日)，")
TITLE_TAG = re.compile(r"<title>[^<]*</title>")
DESCRIPTION_META = re.compile(r'<meta name="description" content="[^"]*">')
PUBDATE_META = re.compile(r'<meta name="PubDate" content="[^"]*">')
NEWS_LIST = re.compile(r'<ul class="news-list">.*?</ul>', re.S)
PAGER = re.compile(r'<div class="pager">.*?</div>', re.S)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class ArticleTemplate:
    """A rendered demo article page and what the generator replaces in it."""

    style: str
    page: str
    title: str
    section: str
    published: datetime
    published_raw: str
    # (start, end, opening tag) of each body paragraph element, in order.
    slots: list[tuple[int, int, str]]
    dateline: re.Match | None

    @classmethod
    def from_demo(cls, page: str, expected: dict, style: str) -> "ArticleTemplate":
        paragraphs = expected["body"].split("\n\n")
        slots, position = [], page.index('<div class="article-content"')
        for text in paragraphs:
            element = re.compile(r"<p(?: [^>]*)?>" + re.escape(escape(text)) + "</p>").search(page, position)
            if element is None:
                raise TemplateChanged(f"page template changed: paragraph not found on {expected['path']}")
            opening = element.group()[: element.group().index(">") + 1]
            slots.append((element.start(), element.end(), opening))
            position = element.end()
        return cls(
            style=style,
            page=page,
            title=expected["title"],
            section=expected["section"],
            published=datetime.fromisoformat(expected["published_at"]),
            published_raw=expected["published_raw"],
            slots=slots,
            dateline=DATELINE.match(paragraphs[0]),
        )


@dataclass
class GeneratedArticle:
    path: str
    title: str
    section: str
    published: datetime
    paragraphs: list[str]
    template: ArticleTemplate

    @property
    def body(self) -> str:
        """The body text as ``demo_county`` should extract it."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Portal:
    """What was written under ``root``."""

    root: Path
    articles: list[GeneratedArticle]
    listing_paths: list[str]
    article_bytes: list[int]
    listing_bytes: list[int]

    def file(self, path: str) -> Path:
        return self.root / path.lstrip("/")


def article_path(style: str, section: str, published: datetime, article_id: int) -> str:
    if style == "trs":
        return f"/{section}/{published:%Y%m}/t{published:%Y%m%d}_{article_id}.html"
    return f"/{section}/{published:%Y-%m}/{published:%d}/content_{article_id}.htm"


def restamp(raw: str, old: datetime, new: datetime) -> str:
    """The template's shown date ``raw`` (of ``old``) rewritten for ``new`` in the same format."""
    for date_format in RAW_DATE_FORMATS:
        stamp = old.strftime(date_format)
        if raw.endswith(stamp):
            return raw[: -len(stamp)] + new.strftime(date_format)
    raise TemplateChanged(f"page template changed: unknown date format in {raw!r}")


def summary_of(paragraph: str) -> str:
    """The meta description as the demo writes it: the first sentence, or the first 120 characters."""
    cut = paragraph.find("。")
    return paragraph[: cut + 1] if cut >= 19 else paragraph[:120]


class PortalGenerator:
    """Plans the articles (``plan``) and renders article and listing pages from the demo's templates."""

    def __init__(self, articles: int, anchor: datetime):
        demo = DemoPortal(DEMO_ANCHOR, clock=lambda: DEMO_ANCHOR)
        expected = demo.expected_articles()
        self.templates = [
            ArticleTemplate.from_demo(demo.handle(article["path"]).body.decode("utf-8"), article, style)
            for article in expected
            for prefix, style in TEMPLATE_STYLES.items()
            if article["path"].startswith(prefix)
        ]
        self.listing_template = demo.handle(LISTING_TEMPLATE_PATH).body.decode("utf-8")
        self.pool = list(dict.fromkeys(
            DATELINE.sub("", paragraph) for article in expected for paragraph in article["body"].split("\n\n")
        ))
        self.count = articles
        self.anchor = anchor
        self.rng = random.Random(f"bench-portal-{articles}")

    # --- the plan: every article's URL, title, date and paragraphs ---

    def plan(self) -> list[GeneratedArticle]:
        sections = list(SECTIONS)
        bodies: set[tuple[str, ...]] = set()
        articles = []
        for n in range(self.count):
            template = self.templates[n % len(self.templates)]
            section = sections[n % len(sections)]
            published = self.anchor - timedelta(minutes=MINUTES_BETWEEN_ARTICLES * n, seconds=self.rng.randint(0, 59))
            place = PLACES[(n // len(self.templates)) % len(PLACES)]
            _, colon, headline = template.title.partition("：")
            articles.append(GeneratedArticle(
                path=article_path(template.style, section, published, FIRST_ARTICLE_ID + self.count - n),
                title=f"{place}：{headline if colon else template.title}",
                section=section,
                published=published,
                paragraphs=self.paragraphs(template, published, bodies),
                template=template,
            ))
        return articles

    def paragraphs(self, template: ArticleTemplate, published: datetime, bodies: set) -> list[str]:
        low, high = BODY_PARAGRAPHS
        slots = len(template.slots)
        while True:
            drawn = tuple(self.rng.sample(self.pool, self.rng.randint(max(low, slots), max(high, slots))))
            if drawn not in bodies:
                bodies.add(drawn)
                break
        paragraphs = list(drawn)
        if template.dateline:
            when = template.dateline[2] if template.dateline[2] == "近日" else f"{published.month}月{published.day}日"
            paragraphs[0] = f"{template.dateline[1]}{when}，{paragraphs[0]}"
        return paragraphs

    # --- rendering ---

    def render_article(self, article: GeneratedArticle) -> str:
        template = article.template
        # The new paragraphs, shared out over the template's paragraph elements in order.
        parts, end = [], 0
        slots = len(template.slots)
        count = len(article.paragraphs)
        for n, (start, stop, opening) in enumerate(template.slots):
            share = article.paragraphs[n * count // slots:(n + 1) * count // slots]
            parts += [template.page[end:start], "\n".join(f"{opening}{escape(p)}</p>" for p in share)]
            end = stop
        page = "".join(parts) + template.page[end:]

        name = SECTIONS[article.section]
        separator = TITLE_SEPARATOR[template.style]
        page = substitute_once(TITLE_TAG, page, f"<title>{escape(article.title)}{separator}{name}{separator}{SITE_NAME}</title>")
        page = page.replace(escape(template.title), escape(article.title))
        page = replace_exactly(page, f">{template.section}</a> &gt; 正文", f">{name}</a> &gt; 正文")
        page = page.replace(f'<meta name="ColumnName" content="{template.section}">', f'<meta name="ColumnName" content="{name}">')
        shown = restamp(template.published_raw, template.published, article.published)
        page = page.replace(f'<span class="time">{template.published_raw}</span>', f'<span class="time">{shown}</span>', 1)
        page = PUBDATE_META.sub(f'<meta name="PubDate" content="{article.published:%Y-%m-%d %H:%M:%S}">', page)
        summary = summary_of(DATELINE.sub("", article.paragraphs[0]))
        return DESCRIPTION_META.sub(lambda _: f'<meta name="description" content="{escape(summary)}">', page)

    def render_listing(self, section: str, page_number: int, pages: int, entries: list[GeneratedArticle]) -> str:
        name = SECTIONS[section]
        items = "\n".join(
            f'<li><a href="{self.listing_href(section, article.path, n)}" title="{escape(article.title)}" target="_blank">'
            f'{escape(article.title if len(article.title) <= 26 else article.title[:25] + "…")}</a>'
            f'<span class="date">{article.published:%m-%d}</span></li>'
            for n, article in enumerate(entries)
        )
        if page_number > 1:
            pager = ['<a href="list_1.html">首页</a>', f'<a href="list_{page_number - 1}.html">上一页</a>']
        else:
            pager = ["<span>首页</span>", "<span>上一页</span>"]
        if page_number < pages:
            pager += [f'<a class="next" href="list_{page_number + 1}.html">下一页</a>', f'<a href="list_{pages}.html">尾页</a>']
        else:
            pager += ["<span>下一页</span>", "<span>尾页</span>"]
        page = substitute_once(NEWS_LIST, self.listing_template, f'<ul class="news-list">\n{items}\n</ul>')
        pager.append(f'<span class="info">第{page_number}/{pages}页</span>')
        page = substitute_once(PAGER, page, f'<div class="pager">{" ".join(pager)}</div>')
        page = substitute_once(TITLE_TAG, page, f"<title>{name}-{SITE_NAME}</title>")
        page = replace_exactly(page, f'<h2 class="list-title">{LISTING_TEMPLATE_SECTION}</h2>', f'<h2 class="list-title">{name}</h2>')
        return replace_exactly(page, f"<span>{LISTING_TEMPLATE_SECTION}</span>", f"<span>{name}</span>")

    @staticmethod
    def listing_href(section: str, path: str, n: int) -> str:
        """Relative, ``../``-relative or absolute, in turn, as listings on the demo portal link articles."""
        relative = path[len(f"/{section}/"):]
        return (relative, f"../{section}/{relative}", path)[n % 3]

    def furnished(self, page: str, links: list[tuple[str, str]]) -> bytes:
        return add_chrome(page, self.rng, self.rng.randint(*PAGE_BYTES), links).encode("utf-8")


def write(root: Path, path: str, body: bytes) -> int:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    return len(body)


def build_portal(root: Path, articles: int, anchor: datetime | None = None) -> Portal:
    """Write ``articles`` article pages and their listing pages under ``root``."""
    anchor = anchor or datetime.now(CST).replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    generator = PortalGenerator(articles, anchor)
    plan = generator.plan()
    links = [(article.path, article.title) for article in plan]
    article_bytes = [
        write(root, article.path, generator.furnished(generator.render_article(article), links)) for article in plan
    ]
    listing_paths, listing_bytes = [], []
    for section in SECTIONS:
        in_section = [article for article in plan if article.section == section]
        per_page = max(1, -(-len(in_section) // LISTING_PAGES_PER_SECTION))
        chunks = [in_section[n:n + per_page] for n in range(0, len(in_section), per_page)] or [[]]
        for number, chunk in enumerate(chunks, 1):
            path = listing_path(section, number)
            page = generator.render_listing(section, number, len(chunks), chunk)
            listing_bytes.append(write(root, path, generator.furnished(page, links)))
            listing_paths.append(path)
    return Portal(root, plan, listing_paths, article_bytes, listing_bytes)
