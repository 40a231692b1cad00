r"""The bundled demo portal: 青溪新闻网 / 青溪县融媒体中心 (fictional).

A deterministic, self-contained county news site used by the end-to-end
tests, the ``scrapy demo`` command and the benchmarks.  :class:`DemoPortal`
renders every page from :mod:`crawler.demo.content` and an *anchor* time;
:class:`crawler.demo.server.DemoServer` serves it over HTTP on 127.0.0.1.

Determinism: two portals built with the same anchor return byte-identical
bodies for every path, except that the main-list dates on listing pages are
relative (``刚刚`` / ``N分钟前`` / ``N小时前`` / ``昨天 HH:MM`` / ``前天 HH:MM``)
and are computed against the clock *at request time* (``clock`` argument,
default ``datetime.now``).  Article pages and the home page depend on the
anchor only.

Site map
========

``/``                       home: nav, focus headline, three section blocks
``/robots.txt``             ``Disallow: /admin/`` and ``Disallow: /search``
Anything else unknown       404 with a Chinese "页面不存在" body (UTF-8)

Section ``qxyw`` 青溪要闻 (TRS WCM-style, UTF-8)
    listing  ``/xwzx/qxyw/index.html``, ``index_1.html``, ``index_2.html``
             (``/xwzx/qxyw/`` answers like ``index.html``)
    article  ``/xwzx/qxyw/YYYYMM/tYYYYMMDD_<docid>.html``
    pager    only ``<script>createPageHTML(3, i, "index", "html");</script>``
             (i = 0-based page index; a stub ``function createPageHTML`` is
             defined in an inline script; no ``<a>`` next link exists)
    list     dates relative for recent entries, else ``2026-11-20``;
             hrefs ``./YYYYMM/t…html`` (relative) or absolute ``/xwzx/…``
    trap     one article's URL date is the day after its displayed date

Section ``xzdt`` 乡镇动态 (UTF-8)
    listing  ``/xzdt/list.html?page=1`` … ``?page=3`` (``list.html`` = page 1)
    article  ``/xzdt/YYYY-MM/DD/content_<id>.htm``
    pager    ``<div class="pager">`` with ``<a class="next" href="list.html?page=N">下一页</a>``
             (absent on the last page: there 下一页 is a ``<span>``)
    list     dates relative for recent entries, else ``11-20`` (no year);
             hrefs ``YYYY-MM/DD/content_….htm``, ``../xzdt/…`` or ``/xzdt/…``

Section ``msgz`` 民生关注 (old CMS, **GBK bytes**)
    listing  ``/msgz/list_1.htm`` → ``list_2.htm`` (``/msgz/`` = page 1)
    article  ``/msgz/system/YYYY/MM/DD/0NNNNNNNN.shtml`` (9 digits)
    encoding body bytes are GBK; ``<meta http-equiv="Content-Type"
             content="text/html; charset=gb2312">`` but the HTTP header says
             ``Content-Type: text/html; charset=utf-8``.  Pages contain
             GBK-only characters (喆, 镕, ·, —), so gb2312 fails: decode
             with gb18030.
    pager    ``<div class="pager">`` … ``<a href="list_2.htm">下一页</a>``
    list     dates always absolute ``[2026-11-20]`` (static pages);
             hrefs ``/msgz/system/…`` or ``system/…`` (relative)

Listing pages (all sections)
    main list  ``ul.news-list > li``: ``a`` (``@href``; ``@title`` = full
               title, the link text may be shortened with …) and
               ``span.date``.  Everything else (nav, ``div.hot-list`` sidebar,
               ads, footer) is not the main list.  The hot list links some
               articles with ``?from=hot&spm=…`` tracking parameters.
    next page  qxyw: compute ``index_{i+1}.html`` from the createPageHTML
               call (``re: createPageHTML\((\d+),\s*(\d+)``);
               xzdt: ``div.pager a.next::attr(href)``;
               msgz: ``div.pager a:contains("下一页")::attr(href)``.

Article pages, UTF-8 template (qxyw and xzdt)
    title      ``h1.article-title``
    subtitle   ``h2.article-subtitle`` (some pages)
    time       ``div.article-info span.time``
               qxyw: ``2026-11-25 09:32:10``;
               xzdt: ``发布时间：2026年11月25日 09:32`` or
               ``发布时间：2026-11-25 09:32`` or date-only ``2026-11-16``
    source     qxyw: ``div.article-info span.source`` (``来源：…``; may be an
               empty ``来源：``); xzdt: the ``来源：…`` credit line at the end
               of the content
    author     ``div.article-info span.author`` (qxyw: ``记者 王芳 通讯员 李明``;
               xzdt: ``作者：通讯员 李明``), absent on some pages whose only
               byline is a trailing ``(记者 谢婷)`` paragraph
    content    ``div.article-content`` (qxyw: inside ``div.TRS_Editor``;
               xzdt: ``div#zoom``): body = its ``p`` children that are not
               credit lines or junk
    photos     ``figure.pic > img`` + ``figure.pic > figcaption``
    credits    trailing ``p`` inside the content: ``来源：…``, ``编辑：…``,
               ``编辑:fengdi``, ``责任编辑：…``, ``责任编辑：张佳文(QN0040)``,
               ``【责任编辑:马春林】``, ``审核：…`` (reviewer, not an editor),
               ``摄影：…``, ``(记者 谢婷)``
    junk in content  ``<p>扫一扫在手机打开当前页</p>``,
               ``<p>点击观看精彩视频</p>`` (+ ``div.video-box``), empty
               ``<p>&nbsp;</p>``
    after content  ``div.app-download`` (下载“青溪发布”客户端…),
               ``div.related`` (相关新闻 + dates), ``div.comment-box``
               (热门评论, user names and times), ``div.prev-next``
               (上一篇/下一篇), ``div.footer`` (版权所有 © … ICP备 …)
    meta       ``keywords`` (qxyw ``,``-separated, xzdt ``，``-separated),
               ``description`` (some pages have none), qxyw also
               ``meta[name=author]`` with a numeric staff id (not an author),
               ``PubDate``, ``ColumnName``, ``ContentSource``

Article pages, GBK template (msgz): table layout
    title      ``td.title``; subtitle ``td.subtitle``
    info       ``td.info``: ``span#pubtime_baidu`` (``2026-11-25 09:32:10``),
               ``span#source_baidu`` (``来源：青溪新闻网``),
               ``span#author_baidu`` (``作者：记者 孙喆 通讯员 彭超``)
    content    ``div#ozoom``: ``p`` paragraphs indented with two U+3000
               (strip them); photos as
               ``<p style="text-align:center"><img …></p><p class="pic-note">caption</p>``;
               credit lines and ``扫一扫在手机打开当前页`` as trailing ``p``
    meta       ``keywords`` space-separated, ``description``

Dateline paragraphs (``青溪讯（记者 王芳 通讯员 李明）11月25日，…`` /
``青溪新闻网讯（记者 孙喆）…``) are body text.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from . import content as C

CST = timezone(timedelta(hours=8))  # Asia/Shanghai (no DST since 1991)

SITE_NAME = "青溪新闻网"
ORG_NAME = "青溪县融媒体中心"

TRACKING_QUERY = "?spm=zm1033.a.0&from=timeline"
TRACKED_KEY = "xzdt02"        # linked from the qxyw list with TRACKING_QUERY
REPUBLISHED_KEY = "qxyw04"    # provincial story, copy in msgz
SLOW_KEY = "msgz02"
SLOW_DELAY = 2.0
TRAP_KEY = "qxyw08"           # URL date = displayed date + 1 day
DATE_ONLY_KEYS = ("xzdt10", "xzdt17")
HOT_ITEMS = [  # (story key, tracking?)
    ("qxyw01", False), ("qxyw02", True), ("xzdt03", True), ("msgz01", True),
    ("qxyw13", False), ("xzdt04", False), ("msgz09", False), ("qxyw10", False),
]

# publication slots, newest first: ("rel", minutes before anchor) or
# ("day", days before anchor date, "HH:MM")
HEAD_SLOTS = {
    "qxyw": [("rel", 0), ("rel", 25), ("rel", 190), ("day", 1, "16:45"),
             ("day", 1, "09:05"), ("day", 2, "08:15")],
    "xzdt": [("rel", 55), ("rel", 300), ("day", 1, "20:10"), ("day", 1, "11:30"),
             ("day", 2, "15:20")],
    "msgz": [("rel", 95), ("day", 1, "17:40"), ("day", 2, "10:05")],
}
DEAD_SLOT = ("day", 16, "10:12")
DAY_TIMES = ["07:42", "08:15", "08:36", "09:05", "09:32", "10:18", "10:47", "11:26",
             "14:08", "14:55", "15:32", "16:20", "17:06", "17:48", "19:15", "20:30"]

SECTIONS = {
    "qxyw": {"name": "青溪要闻", "per_page": 10, "encoding": "utf-8"},
    "xzdt": {"name": "乡镇动态", "per_page": 10, "encoding": "utf-8"},
    "msgz": {"name": "民生关注", "per_page": 12, "encoding": "gbk"},
}
LISTING_HOME = {"qxyw": "/xwzx/qxyw/index.html", "xzdt": "/xzdt/list.html?page=1",
                "msgz": "/msgz/list_1.htm"}


@dataclass
class PortalResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    delay: float = 0.0


@dataclass
class Story:
    spec: C.StorySpec
    published: datetime
    date_only: bool = False
    source: str | None = None
    credits: list[C.Credit] = field(default_factory=list)
    summary: str | None = None
    images: list[tuple[str, str]] = field(default_factory=list)  # (path, caption)
    pages: list["Page"] = field(default_factory=list)  # primary first

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def primary(self) -> "Page":
        return self.pages[0]


@dataclass
class Page:
    section: str
    id: int
    published: datetime
    path: str
    title: str
    story: Story | None = None  # None: dead entry
    date_only: bool = False
    rank: int = 0  # position in the section list (0 = newest)


@dataclass
class Entry:
    page: Page
    href: str


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _short(title: str, n: int = 30) -> str:
    return title if len(title) <= n else title[: n - 1] + "…"


def _digits(*parts, n: int) -> str:
    h = hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()
    return str(int(h, 16) % 10 ** n).zfill(n)


class DemoPortal:
    """The demo site.  ``handle(path)`` returns a :class:`PortalResponse`."""

    def __init__(self, anchor: datetime | None = None, *,
                 clock: Callable[[], datetime] | None = None):
        if anchor is None:
            anchor = datetime.now(CST)
        elif anchor.tzinfo is None:
            anchor = anchor.replace(tzinfo=CST)
        self.anchor = anchor.astimezone(CST).replace(second=0, microsecond=0)
        self._clock = clock or (lambda: datetime.now(CST))
        self._cache: dict[str, bytes] = {}
        self._build()

    # ------------------------------------------------------------------ model
    def _slot_time(self, slot, rng: random.Random, seconds: bool) -> datetime:
        base = self.anchor
        sec = rng.randint(0, 59) if seconds else 0
        if slot[0] == "rel":
            if slot[1] == 0:
                return base
            return base - timedelta(minutes=slot[1], seconds=sec)
        _, days, hm = slot
        h, m = map(int, hm.split(":"))
        d = base.date() - timedelta(days=days)
        return datetime(d.year, d.month, d.day, h, m, sec, tzinfo=CST)

    def _build(self) -> None:
        specs = C.load_stories()
        self.stories: list[Story] = []
        by_section: dict[str, list[Story]] = {k: [] for k in SECTIONS}
        for key in SECTIONS:
            rng = random.Random(f"qingxi-{key}")
            sec_specs = [s for s in specs if s.section == key]
            head = HEAD_SLOTS[key]
            n = len(sec_specs)
            for i, spec in enumerate(sec_specs):
                if i < len(head):
                    slot = head[i]
                else:
                    k = i - len(head)
                    span = max(1, n - len(head) - 1)
                    slot = ("day", 3 + (k * 36) // span, rng.choice(DAY_TIMES))
                if spec.key == TRAP_KEY:
                    slot = ("day", slot[1] if slot[0] == "day" else 5, "23:41")
                with_seconds = key != "xzdt"
                pub = self._slot_time(slot, rng, with_seconds)
                st = Story(spec=spec, published=pub, date_only=spec.key in DATE_ONLY_KEYS)
                if st.date_only:
                    st.published = pub.replace(second=0)
                st.source = C.DEFAULT_SOURCE[key] if spec.source == "default" else spec.source
                rot = C.DEFAULT_CREDITS[key]
                creds = spec.credits if spec.credits is not None else rot[spec.index % len(rot)]
                st.credits = []
                for c in creds:
                    if c.is_source:
                        if st.source is None:
                            continue
                        c = C.Credit(c.text.format(source=st.source), (), (), True)
                    st.credits.append(c)
                if spec.index % 5 == 3:
                    st.summary = None
                else:
                    first = spec.paragraphs[0]
                    cut = first.find("。")
                    st.summary = first[: cut + 1] if cut >= 19 else first[:120]
                by_section[key].append(st)
                self.stories.append(st)
        self._by_key = {s.key: s for s in self.stories}

        # pages, ids (chronological per section), paths
        self.pages_by_path: dict[str, Page] = {}
        self.section_pages: dict[str, list[Page]] = {}
        dead_rng = random.Random("qingxi-dead")
        for key in SECTIONS:
            pages = [Page(key, 0, s.published, "", s.spec.title, s, s.date_only)
                     for s in by_section[key]]
            if key == "msgz":
                orig = self._by_key[REPUBLISHED_KEY]
                pages.append(Page(key, 0, orig.published, "", orig.spec.title, orig))
            if key == "xzdt":
                pages.append(Page(key, 0, self._slot_time(DEAD_SLOT, dead_rng, False), "",
                                  C.DEAD_ENTRY_TITLE, None))
            pages.sort(key=lambda p: p.published)
            id_rng = random.Random(f"qingxi-ids-{key}")
            cur = {"qxyw": 10187, "xzdt": 1181940, "msgz": 32574890}[key]
            for p in pages:  # oldest first
                cur += id_rng.randint(*{"qxyw": (3, 29), "xzdt": (2, 15), "msgz": (5, 60)}[key])
                p.id = cur
                p.path = self._article_path(p)
            pages.sort(key=lambda p: (p.published, p.id), reverse=True)
            for r, p in enumerate(pages):
                p.rank = r
                self.pages_by_path[p.path] = p
            self.section_pages[key] = pages

        # attach pages to stories (primary first)
        for key in SECTIONS:
            for p in self.section_pages[key]:
                if p.story is not None:
                    p.story.pages.append(p)
        for s in self.stories:
            s.pages.sort(key=lambda p: p.section != s.spec.section)
            s.images = [(self._image_path(s.primary, n), b.caption)
                        for n, b in enumerate(s.spec.pictures, 1)]

        self.dead_paths = [p.path for p in self.section_pages["xzdt"] if p.story is None]
        self.slow_paths = [self._by_key[SLOW_KEY].primary.path]

        # listing entries
        self._listing: dict[str, list[list[Entry]]] = {}
        self.listing_paths: dict[str, list[str]] = {}
        tracked = self._by_key[TRACKED_KEY].primary
        for key in SECTIONS:
            entries = []
            pages = list(self.section_pages[key])
            if key == "qxyw":
                pages.append(tracked)
                pages.sort(key=lambda p: (p.published, p.id), reverse=True)
            for i, p in enumerate(pages):
                entries.append(Entry(p, self._list_href(key, p, i)))
            per = SECTIONS[key]["per_page"]
            chunks = [entries[i:i + per] for i in range(0, len(entries), per)]
            self._listing[key] = chunks
            self.listing_paths[key] = [self._listing_path(key, n) for n in range(len(chunks))]
        self._hot = []
        for rank, (k, track) in enumerate(HOT_ITEMS, 1):
            p = self._by_key[k].primary
            href = p.path + (f"?from=hot&spm=zm1033.b.{rank}" if track else "")
            self._hot.append(Entry(p, href))

        self._routes: dict[str, tuple] = {"/": ("home",), "/index.html": ("home",),
                                          "/robots.txt": ("robots",)}
        for key, paths in self.listing_paths.items():
            for n, path in enumerate(paths):
                if "?" not in path:
                    self._routes[path] = ("listing", key, n)
        self._routes["/xwzx/qxyw/"] = ("listing", "qxyw", 0)
        self._routes["/msgz/"] = ("listing", "msgz", 0)
        for path, p in self.pages_by_path.items():
            if p.story is not None:
                self._routes[path] = ("article", p)

    @staticmethod
    def _listing_path(key: str, n: int) -> str:
        if key == "qxyw":
            return "/xwzx/qxyw/index.html" if n == 0 else f"/xwzx/qxyw/index_{n}.html"
        if key == "xzdt":
            return f"/xzdt/list.html?page={n + 1}"
        return f"/msgz/list_{n + 1}.htm"

    def _article_path(self, p: Page) -> str:
        d = p.published.date()
        if p.story is not None and p.story.key == TRAP_KEY and p.section == "qxyw":
            d = d + timedelta(days=1)
        if p.section == "qxyw":
            return f"/xwzx/qxyw/{d:%Y%m}/t{d:%Y%m%d}_{p.id}.html"
        if p.section == "xzdt":
            return f"/xzdt/{d:%Y-%m}/{d:%d}/content_{p.id}.htm"
        return f"/msgz/system/{d:%Y/%m/%d}/{p.id:09d}.shtml"

    def _image_path(self, p: Page, n: int) -> str:
        d = p.published
        if p.section == "qxyw":
            return f"/uploads/{d:%Y/%m/%d}/W0{d:%Y%m%d}{_digits(p.id, n, n=12)}.jpg"
        if p.section == "xzdt":
            ms = int(d.timestamp()) * 1000 + int(_digits(p.id, n, n=3)) + n * 1000
            return f"/uploads/image/{d:%Y%m%d}/{ms}.jpg"
        return f"/uploads/msgz/{d:%Y%m}/{d:%d}/{p.id:09d}_{n:02d}.jpg"

    def _list_href(self, key: str, p: Page, i: int) -> str:
        if p.section != key:  # the tracked cross-section entry
            return p.path + TRACKING_QUERY
        if key == "qxyw":
            return p.path if i % 4 == 3 else "./" + p.path[len("/xwzx/qxyw/"):]
        if key == "xzdt":
            rel = p.path[len("/xzdt/"):]
            return [rel, "../xzdt/" + rel, p.path][i % 3]
        return p.path if i % 2 == 0 else p.path[len("/msgz/"):]

    # ------------------------------------------------------------- per-story
    def _authors(self, s: Story) -> tuple[list[str], list[str], list[str]]:
        authors: list[str] = []
        photogs: list[str] = []

        def add(lst, names):
            for n in names:
                if n not in lst:
                    lst.append(n)

        if s.spec.byline:
            a, ph = C.parse_byline(s.spec.byline)
            add(authors, a)
            add(photogs, ph)
        for b in s.spec.pictures:
            name = C.parse_photo_credit(b.credit) if b.credit else None
            if name:
                add(photogs, [name])
        if s.spec.trailing:
            a, ph = C.parse_byline(s.spec.trailing)
            add(authors, a)
            add(photogs, ph)
        editors: list[str] = []
        for c in s.credits:
            add(editors, c.editors)
            add(photogs, c.photographers)
        return authors, editors, photogs

    def _dateline(self, s: Story, section: str) -> str:
        if not s.spec.dateline or not s.spec.byline:
            return ""
        prefix = "青溪新闻网讯" if section == "msgz" else "青溪讯"
        if s.spec.dateline == "近日":
            when = "近日"
        else:
            d = s.published.date() - timedelta(days=1 if s.spec.index % 3 == 2 else 0)
            when = f"{d.month}月{d.day}日"
        return f"{prefix}（{s.spec.byline}）{when}，"

    def _body_paragraphs(self, s: Story, section: str) -> list[str]:
        paras = list(s.spec.paragraphs)
        paras[0] = self._dateline(s, section) + paras[0]
        return paras

    def _published_raw(self, s: Story, section: str) -> str:
        t = s.published
        if s.date_only:
            return f"{t:%Y-%m-%d}"
        if section in ("qxyw", "msgz"):
            return f"{t:%Y-%m-%d %H:%M:%S}"
        if s.spec.index % 4 == 3:
            return f"发布时间：{t:%Y-%m-%d %H:%M}"
        return f"发布时间：{t:%Y年%m月%d日 %H:%M}"

    def expected_articles(self) -> list[dict]:
        """Ground truth: one dict per distinct article (see the module doc)."""
        listing_of: dict[str, list[str]] = {}
        for key, chunks in self._listing.items():
            for n, chunk in enumerate(chunks):
                lp = self.listing_paths[key][n]
                for e in chunk:
                    if e.page.story is not None:
                        lst = listing_of.setdefault(e.page.story.key, [])
                        if lp not in lst:
                            lst.append(lp)
        out = []
        for s in self.stories:
            p = s.primary
            authors, editors, photogs = self._authors(s)
            alt: list[str] = []
            for key, chunks in self._listing.items():
                for chunk in chunks:
                    for e in chunk:
                        if e.page.story is s and e.href.split("?")[0] == p.path and "?" in e.href:
                            if e.href not in alt:
                                alt.append(e.href)
            for e in self._hot:
                if e.page.story is s and e.href != p.path and e.href not in alt:
                    alt.append(e.href)
            for other in s.pages[1:]:
                alt.append(other.path)
            out.append({
                "path": p.path,
                "title": s.spec.title,
                "subtitle": s.spec.subtitle,
                "published_at": (f"{s.published:%Y-%m-%d}" if s.date_only
                                 else s.published.isoformat(timespec="seconds")),
                "published_raw": self._published_raw(s, p.section),
                "authors": authors,
                "editors": editors,
                "photographers": photogs,
                "source": s.source,
                "section": SECTIONS[p.section]["name"],
                "tags": list(s.spec.tags),
                "summary": s.summary,
                "body": "\n\n".join(self._body_paragraphs(s, p.section)),
                "images": [{"path": path, "caption": cap} for path, cap in s.images],
                "listing_paths": listing_of.get(s.key, []),
                "alt_paths": alt,
            })
        return out

    # ---------------------------------------------------------------- routing
    def handle(self, path_and_query: str) -> PortalResponse:
        parts = urlsplit(path_and_query)
        path = parts.path or "/"
        route = self._routes.get(path)
        if route is None and path == "/xzdt/list.html":
            qs = parse_qs(parts.query)
            raw = qs.get("page", ["1"])[0]
            n = int(raw) - 1 if raw.isdigit() else -1
            if 0 <= n < len(self._listing["xzdt"]):
                route = ("listing", "xzdt", n)
        if route is None:
            return self._not_found()
        kind = route[0]
        if kind == "robots":
            body = b"User-agent: *\nDisallow: /admin/\nDisallow: /search\n"
            return PortalResponse(200, [("Content-Type", "text/plain; charset=utf-8")], body)
        if kind == "home":
            return self._html(self._cached("/", self._render_home), "utf-8")
        if kind == "listing":
            _, key, n = route
            body = self._render_listing(key, n, self._now())
            return self._html(body, SECTIONS[key]["encoding"])
        page: Page = route[1]
        body = self._cached(page.path, lambda: self._render_article(page))
        delay = SLOW_DELAY if page.path in self.slow_paths else 0.0
        resp = self._html(body, SECTIONS[page.section]["encoding"])
        resp.delay = delay
        return resp

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            now = now.replace(tzinfo=CST)
        return now.astimezone(CST)

    def _cached(self, key: str, fn: Callable[[], str]) -> bytes | str:
        if key not in self._cache:
            self._cache[key] = fn()
        return self._cache[key]

    @staticmethod
    def _html(text_or_bytes, encoding: str) -> PortalResponse:
        body = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode(encoding)
        # The GBK section's server mislabels its pages as utf-8 (on purpose).
        return PortalResponse(200, [("Content-Type", "text/html; charset=utf-8")], body)

    def _not_found(self) -> PortalResponse:
        body = _PAGE_404.encode("utf-8")
        return PortalResponse(404, [("Content-Type", "text/html; charset=utf-8")], body)

    # -------------------------------------------------------------- templates
    def _year(self) -> int:
        return self.anchor.year

    def _header(self, active: str | None) -> str:
        def li(key, href, name):
            cls = ' class="on"' if key == active else ""
            return f'<li{cls}><a href="{href}">{name}</a></li>'
        nav = "\n".join([
            li("home", "/", "首页"),
            li("qxyw", "/xwzx/qxyw/index.html", "青溪要闻"),
            li("xzdt", "/xzdt/list.html?page=1", "乡镇动态"),
            li("msgz", "/msgz/list_1.htm", "民生关注"),
            '<li><a href="http://tv.qingxi.gov.cn/" target="_blank">视听青溪</a></li>',
            '<li><a href="http://epaper.qingxi.gov.cn/" target="_blank">青溪报</a></li>',
            '<li><a href="http://www.qingxi.gov.cn/" target="_blank">政务公开</a></li>',
            '<li><a href="http://www.jnrb.com.cn/" target="_blank">江南日报</a></li>',
        ])
        return f"""<div class="topbar"><div class="wrap"><span class="welcome">欢迎访问青溪新闻网！</span>
<span class="top-links"><a href="javascript:;" onclick="SetHome(this)">设为首页</a> | <a href="javascript:;" onclick="AddFavorite()">加入收藏</a> | <a href="javascript:;" class="wza">无障碍浏览</a> | <a href="javascript:;" class="elder">长者模式</a></span></div></div>
<div class="header"><div class="wrap"><a class="logo" href="/"><img src="/images/logo.png" alt="青溪新闻网"></a><span class="slogan">青溪县融媒体中心主办</span>
<form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
<div class="nav"><div class="wrap"><ul>
{nav}
</ul></div></div>"""

    def _footer(self) -> str:
        return f"""<div class="footer"><div class="wrap">
<p class="links"><a href="javascript:;">关于我们</a> | <a href="javascript:;">联系我们</a> | <a href="javascript:;">网站地图</a> | <a href="javascript:;">版权声明</a> | <a href="/admin/">管理登录</a></p>
<p>友情链接：<a href="http://www.jnrb.com.cn/" target="_blank">江南日报</a> <a href="http://www.qingxi.gov.cn/" target="_blank">青溪县人民政府</a> <a href="http://www.jiangzhou.gov.cn/" target="_blank">江州市人民政府</a></p>
<p>版权所有 © {self._year()} 青溪县融媒体中心 未经授权禁止转载、摘编、复制或建立镜像</p>
<p>主办单位：青溪县融媒体中心 地址：青溪县青溪镇人民路88号 新闻热线：(0589)6821234 投稿邮箱：qxrmtzx@qq.com</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">江ICP备18023675号-1</a> 江公网安备 33112302000123号 互联网新闻信息服务许可证：33120190006</p>
</div></div>"""

    def _head(self, title: str, metas: list[tuple[str, str]]) -> str:
        m = "\n".join(f'<meta name="{n}" content="{_esc(v)}">' for n, v in metas)
        return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
{m}
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
</head>"""

    # listing dates --------------------------------------------------------
    @staticmethod
    def _list_date(key: str, p: Page, now: datetime) -> str:
        pub = p.published
        if key != "msgz" and not p.date_only:
            delta = now - pub
            if delta >= timedelta(0):
                if delta < timedelta(minutes=1):
                    return "刚刚"
                if delta < timedelta(hours=1):
                    return f"{int(delta.total_seconds() // 60)}分钟前"
                if pub.date() == now.date():
                    return f"{int(delta.total_seconds() // 3600)}小时前"
                if pub.date() == now.date() - timedelta(days=1):
                    return f"昨天 {pub:%H:%M}"
                if pub.date() == now.date() - timedelta(days=2):
                    return f"前天 {pub:%H:%M}"
        if key == "qxyw":
            return f"{pub:%Y-%m-%d}"
        if key == "xzdt":
            return f"{pub:%m-%d}"
        return f"[{pub:%Y-%m-%d}]"

    def _hot_list(self) -> str:
        items = "\n".join(
            f'<li><em>{i}</em><a href="{_esc(e.href)}" title="{_esc(e.page.title)}" target="_blank">'
            f'{_esc(_short(e.page.title, 22))}</a><span class="time">{e.page.published:%m-%d %H:%M}</span></li>'
            for i, e in enumerate(self._hot, 1))
        return f'<div class="hot-list"><h3>热点排行</h3><ol>\n{items}\n</ol></div>'

    _ADS = """<div class="ad ad-side"><a href="http://www.qxnsh.com/" target="_blank" rel="nofollow"><img src="/uploads/ad/qxnsh_300x250.jpg" alt="青溪农商银行"></a></div>
<div class="ad ad-text"><a href="javascript:;">【广告】青溪古镇夜游开放 门票限时优惠</a></div>"""

    def _render_listing(self, key: str, n: int, now: datetime) -> bytes:
        chunks = self._listing[key]
        chunk = chunks[n]
        total = len(chunks)
        name = SECTIONS[key]["name"]
        lis = "\n".join(
            f'<li><a href="{_esc(e.href)}" title="{_esc(e.page.title)}" target="_blank">{_esc(_short(e.page.title, 26))}</a>'
            f'<span class="date">{self._list_date(key, e.page, now)}</span></li>'
            for e in chunk)
        if key == "msgz":
            return self._render_gbk_listing(chunk, lis, n, total).encode("gbk")
        if key == "qxyw":
            pager = f'<div class="page">{_TRS_PAGER_STUB}<script>createPageHTML({total}, {n}, "index", "html");</script></div>'
            crumb = f'您当前的位置：<a href="/">首页</a> &gt; <span>新闻中心</span> &gt; <span>{name}</span>'
            title = f"{name}_青溪新闻网" if n == 0 else f"{name}_第{n + 1}页_青溪新闻网"
        else:
            pg = n + 1
            parts = []
            if pg == 1:
                parts += ["<span>首页</span>", "<span>上一页</span>"]
            else:
                parts += ['<a href="list.html?page=1">首页</a>', f'<a href="list.html?page={pg - 1}">上一页</a>']
            if pg < total:
                parts += [f'<a class="next" href="list.html?page={pg + 1}">下一页</a>',
                          f'<a href="list.html?page={total}">尾页</a>']
            else:
                parts += ["<span>下一页</span>", "<span>尾页</span>"]
            pager = f'<div class="pager">{" ".join(parts)} <span class="info">第{pg}/{total}页</span></div>'
            crumb = f'当前位置：<a href="/">首页</a> &gt; <span>{name}</span>'
            title = f"{name}-青溪新闻网"
        head = self._head(title, [("keywords", f"青溪,青溪新闻网,{name}"),
                                  ("description", f"青溪新闻网{name}栏目，及时发布青溪本地新闻资讯。")])
        return f"""{head}
<body>
{self._header(key)}
<div class="wrap location">{crumb}</div>
<div class="wrap main">
<div class="col-left">
<div class="list-box">
<h2 class="list-title">{name}</h2>
<ul class="news-list">
{lis}
</ul>
{pager}
</div>
</div>
<div class="col-right">
{self._ADS}
{self._hot_list()}
<div class="wx-qr"><img src="/images/wx-qr.jpg" alt="青溪发布微信公众号"><p>扫码关注“青溪发布”</p></div>
</div>
</div>
{self._footer()}
</body>
</html>
""".encode("utf-8")

    def _render_gbk_listing(self, chunk, lis: str, n: int, total: int) -> str:
        pg = n + 1
        nav = []
        nav.append('<a href="list_1.htm">首页</a>' if pg > 1 else "首页")
        nav.append(f'<a href="list_{pg - 1}.htm">上一页</a>' if pg > 1 else "上一页")
        nav.append(f'<a href="list_{pg + 1}.htm">下一页</a>' if pg < total else "下一页")
        nav.append(f'<a href="list_{total}.htm">尾页</a>' if pg < total else "尾页")
        count = sum(len(c) for c in self._listing["msgz"])
        pager = (f'<div class="pager">共{count}条记录 每页12条 第{pg}/{total}页 '
                 + " ".join(nav) + "</div>")
        hot = "\n".join(
            f'<li><a href="{_esc(e.href)}" target="_blank" title="{_esc(e.page.title)}">{_esc(_short(e.page.title, 20))}</a>'
            f'<span class="time">{e.page.published:%m-%d %H:%M}</span></li>'
            for e in self._hot)
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>民生关注-青溪新闻网</title>
<meta name="keywords" content="青溪 民生 民生关注">
<meta name="description" content="青溪新闻网民生关注频道">
<link href="/msgz/images/style.css" rel="stylesheet" type="text/css">
</head>
<body topmargin="0" leftmargin="0">
{self._gbk_top()}
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="position">
  <tr><td>您当前的位置 : <a href="/">青溪新闻网</a> &gt;&gt; 民生关注</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td width="700" valign="top" class="left">
<div class="lm_title">民生关注</div>
<ul class="news-list">
{lis}
</ul>
{pager}
    </td>
    <td width="20"></td>
    <td width="280" valign="top" class="right">
<div class="ad"><a href="http://www.qxnsh.com/" target="_blank"><img src="/uploads/ad/qxnsh_280x200.gif" border="0" alt="青溪农商银行"></a></div>
<div class="hot-list"><div class="r_title">点击排行</div><ul>
{hot}
</ul></div>
    </td>
  </tr>
</table>
{self._gbk_bottom()}
</body>
</html>
"""

    def _gbk_top(self) -> str:
        return """<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
  <tr>
    <td width="300" class="logo"><a href="/"><img src="/msgz/images/logo.gif" border="0" alt="青溪新闻网"></a></td>
    <td align="right" class="topnav"><a href="/">首页</a> | <a href="/xwzx/qxyw/index.html">青溪要闻</a> | <a href="/xzdt/list.html?page=1">乡镇动态</a> | <a href="/msgz/list_1.htm">民生关注</a> | <a href="http://www.qingxi.gov.cn/" target="_blank">政务公开</a> | <a href="http://www.jnrb.com.cn/" target="_blank">江南日报</a></td>
  </tr>
</table>"""

    def _gbk_bottom(self) -> str:
        return f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center">关于我们 | 联系我们 | 网站地图 | <a href="/admin/">管理登录</a><br>
青溪新闻网版权所有 Copyright {self._year()} 未经授权不得转载、摘编或建立镜像<br>
主办：青溪县融媒体中心　技术支持：江南喆讯网络科技有限公司<br>
江ICP备18023675号-1　新闻热线：(0589)6821234</td></tr>
</table>"""

    # article pages ------------------------------------------------------
    def _related(self, p: Page, n: int = 4) -> list[Page]:
        pages = [q for q in self.section_pages[p.section] if q.story is not None and q is not p
                 and q.story is not p.story]
        pages.sort(key=lambda q: (abs(q.rank - p.rank), q.rank))
        return sorted(pages[:n], key=lambda q: q.rank)

    def _prev_next(self, p: Page) -> tuple[Page | None, Page | None]:
        live = [q for q in self.section_pages[p.section] if q.story is not None]
        i = live.index(p)
        return (live[i - 1] if i > 0 else None), (live[i + 1] if i + 1 < len(live) else None)

    def _comments(self, s: Story) -> list[tuple[str, str, str]]:
        out = []
        k = s.spec.index
        for j in range(k % 3):
            t = s.published + timedelta(minutes=37 + 113 * j + 7 * k)
            if t > self.anchor:
                break
            out.append((C.COMMENT_USERS[(k * 3 + j) % len(C.COMMENT_USERS)],
                        f"{t:%m-%d %H:%M}",
                        C.COMMENT_TEXTS[(k * 5 + j * 3) % len(C.COMMENT_TEXTS)]))
        return out

    def _render_article(self, p: Page) -> bytes:
        if p.section == "msgz":
            return self._render_gbk_article(p).encode("gbk")
        return self._render_utf8_article(p).encode("utf-8")

    def _content_blocks(self, s: Story, section: str, gbk: bool) -> list[str]:
        out: list[str] = []
        idx = s.spec.index
        if section == "xzdt" and idx % 4 == 1:
            vid = f"/uploads/video/{s.published:%Y%m%d}/{_digits(s.key, n=10)}.mp4"
            out.append("<p>点击观看精彩视频</p>")
            out.append(f'<div class="video-box"><video src="{vid}" controls="controls" '
                       f'width="640" height="360" poster="/images/video-poster.jpg"></video></div>')
        paras = self._body_paragraphs(s, section)
        pi = 0
        img_n = 0
        for b in s.spec.blocks:
            if b.kind == "p":
                text = _esc(paras[pi])
                pi += 1
                if gbk:
                    out.append(f"<p>\u3000\u3000{text}</p>")
                elif section == "qxyw":
                    out.append(f'<p style="text-indent: 2em;">{text}</p>')
                else:
                    out.append(f"<p>{text}</p>")
                if section == "xzdt" and idx % 5 == 2 and pi == 1:
                    out.append("<p>&nbsp;</p>")
            else:
                path, cap = s.images[img_n]
                img_n += 1
                if gbk:
                    out.append(f'<p style="text-align:center"><img src="{path}" border="0"></p>')
                    out.append(f'<p class="pic-note">{_esc(cap)}</p>')
                else:
                    out.append(f'<figure class="pic"><img src="{path}" alt=""><figcaption>{_esc(cap)}</figcaption></figure>')
        if s.spec.trailing:
            style = ' style="text-indent: 2em;"' if section == "qxyw" else ""
            out.append(f"<p{style}>{_esc(s.spec.trailing)}</p>")
        for c in s.credits:
            style = ' style="text-align: right;"' if section == "qxyw" else ""
            out.append(f"<p{style}>{_esc(c.text)}</p>")
        if (section == "qxyw" and idx % 3 == 0) or (section == "msgz" and idx % 3 == 1):
            out.append("<p>扫一扫在手机打开当前页</p>")
        return out

    def _render_utf8_article(self, p: Page) -> str:
        s = p.story
        key = p.section
        name = SECTIONS[key]["name"]
        idx = s.spec.index
        sep = "," if key == "qxyw" else "，"
        metas = [("keywords", sep.join(s.spec.tags))]
        if s.summary:
            metas.append(("description", s.summary))
        if key == "qxyw":
            if idx % 2 == 0:
                metas.append(("author", str(1464 + (idx // 2) * 3 % 17)))
            metas += [("ColumnName", name), ("ArticleTitle", s.spec.title),
                      ("PubDate", f"{s.published:%Y-%m-%d %H:%M:%S}"),
                      ("ContentSource", s.source or "")]
            title = f"{s.spec.title}_{name}_青溪新闻网"
        else:
            title = f"{s.spec.title}-{name}-青溪新闻网"
        head = self._head(title, metas)
        sub = (f'\n<h2 class="article-subtitle">{_esc(s.spec.subtitle)}</h2>'
               if s.spec.subtitle else "")
        raw = self._published_raw(s, key)
        if key == "qxyw":
            author = (f'<span class="author">{_esc(s.spec.byline)}</span>' if s.spec.byline else "")
            info = (f'<span class="time">{raw}</span><span class="source">来源：{_esc(s.source or "")}</span>'
                    f'{author}<span class="font-size">字号：[<a href="javascript:doZoom(18)">大</a> '
                    f'<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</span> '
                    f'[<a href="javascript:window.print()">打印</a>]')
            crumb = (f'您当前的位置：<a href="/">首页</a> &gt; <a href="../index.html">{name}</a> &gt; 正文')
            content_open, content_close = '<div class="article-content"><div class="TRS_Editor">', "</div></div>"
        else:
            author = (f'<span class="author">作者：{_esc(s.spec.byline)}</span>' if s.spec.byline else "")
            info = (f'<span class="time">{raw}</span>{author}'
                    f'<span class="views">浏览次数：<em id="hits">--</em></span>'
                    f'<a href="javascript:window.print();">[打印]</a> <a href="javascript:window.close();">[关闭]</a>')
            crumb = (f'当前位置：<a href="/">首页</a> &gt; <a href="/xzdt/list.html?page=1">{name}</a> &gt; 正文')
            content_open, content_close = '<div class="article-content" id="zoom">', "</div>"
        blocks = "\n".join(self._content_blocks(s, key, gbk=False))
        related = "\n".join(
            f'<li><a href="{q.path}" target="_blank">{_esc(q.title)}</a><span class="time">{q.published:%Y-%m-%d}</span></li>'
            for q in self._related(p))
        comments = self._comments(s)
        if comments:
            cm = "\n".join(f'<li><div class="c-head"><span class="user">{u}</span><span class="ctime">{t}</span></div>'
                           f'<p class="c-text">{_esc(txt)}</p><span class="like">赞</span></li>'
                           for u, t, txt in comments)
            cm = f"<ul>\n{cm}\n</ul>"
        else:
            cm = '<p class="no-comment">暂无评论，快来抢沙发吧！</p>'
        prev, nxt = self._prev_next(p)
        pn = (f'<p>上一篇：{self._link(prev)}</p>\n<p>下一篇：{self._link(nxt)}</p>')
        return f"""{head}
<body>
{self._header(key)}
<div class="wrap location">{crumb}</div>
<div class="wrap main">
<div class="col-left article">
<h1 class="article-title">{_esc(s.spec.title)}</h1>{sub}
<div class="article-info">{info}</div>
<div class="share-bar">分享到：<a href="javascript:;" class="share-wx" title="分享到微信">微信</a> <a href="javascript:;" class="share-wb" title="分享到新浪微博">微博</a> <a href="javascript:;" class="share-qzone" title="分享到QQ空间">QQ空间</a></div>
{content_open}
{blocks}
{content_close}
<div class="app-download"><img src="/images/app-qr.png" alt="青溪发布客户端"><p>下载“青溪发布”客户端，随时随地看青溪</p><a href="javascript:;" class="btn">立即下载</a></div>
<div class="related"><h3>相关新闻</h3><ul>
{related}
</ul></div>
<div class="comment-box"><h3>热门评论</h3>
{cm}
<div class="comment-form"><textarea placeholder="文明上网，理性发言"></textarea><button type="button">发表评论</button></div>
</div>
<div class="prev-next">
{pn}
</div>
</div>
<div class="col-right">
{self._ADS}
<div class="wx-qr"><img src="/images/wx-qr.jpg" alt="青溪发布微信公众号"><p>扫码关注“青溪发布”</p></div>
</div>
</div>
{self._footer()}
</body>
</html>
"""

    @staticmethod
    def _link(p: Page | None) -> str:
        if p is None:
            return "没有了"
        return f'<a href="{p.path}">{_esc(p.title)}</a>'

    def _render_gbk_article(self, p: Page) -> str:
        s = p.story
        sub = (f'\n  <tr><td class="subtitle" align="center">{_esc(s.spec.subtitle)}</td></tr>'
               if s.spec.subtitle else "")
        desc = (f'\n<meta name="description" content="{_esc(s.summary)}">' if s.summary else "")
        author = (f'&nbsp;&nbsp;<span id="author_baidu">作者：{_esc(s.spec.byline)}</span>'
                  if s.spec.byline else "")
        blocks = "\n".join(self._content_blocks(s, "msgz", gbk=True))
        related = "\n".join(
            f'<li>·<a href="{q.path}" target="_blank">{_esc(q.title)}</a> <span>{q.published:%Y-%m-%d}</span></li>'
            for q in self._related(p))
        comments = self._comments(s)
        if comments:
            cm = "\n".join(f'<tr><td class="pl_user">{u}　{t}</td></tr><tr><td class="pl_text">{_esc(txt)}</td></tr>'
                           for u, t, txt in comments)
        else:
            cm = '<tr><td class="pl_text">暂无评论</td></tr>'
        prev, nxt = self._prev_next(p)
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{_esc(s.spec.title)}-民生关注-青溪新闻网</title>
<meta name="keywords" content="{_esc(" ".join(s.spec.tags))}">{desc}
<link href="/msgz/images/style.css" rel="stylesheet" type="text/css">
<script language="javascript" src="/msgz/images/common.js"></script>
</head>
<body topmargin="0" leftmargin="0">
{self._gbk_top()}
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="position">
  <tr><td>您当前的位置 : <a href="/">青溪新闻网</a> &gt;&gt; <a href="/msgz/list_1.htm">民生关注</a> &gt;&gt; 正文</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td width="700" valign="top" class="left">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr><td class="title" align="center">{_esc(s.spec.title)}</td></tr>{sub}
  <tr><td class="info" align="center"><span id="pubtime_baidu">{self._published_raw(s, "msgz")}</span>&nbsp;&nbsp;<span id="source_baidu">来源：{_esc(s.source or "")}</span>{author}&nbsp;&nbsp;[<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>] [<a href="javascript:window.print()">打印</a>] [<a href="javascript:window.close()">关闭</a>]</td></tr>
  <tr><td class="fx">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></td></tr>
  <tr><td class="content">
<div id="ozoom">
{blocks}
</div>
  </td></tr>
  <tr><td class="app">下载“青溪发布”客户端，随时随地看青溪</td></tr>
  <tr><td class="xg"><div class="xg_title">相关新闻</div><ul>
{related}
</ul></td></tr>
  <tr><td class="pl"><div class="pl_title">热门评论</div><table width="100%">
{cm}
</table></td></tr>
  <tr><td class="sxp">上一篇：{self._link(prev)}<br>下一篇：{self._link(nxt)}</td></tr>
</table>
    </td>
    <td width="20"></td>
    <td width="280" valign="top" class="right">
<div class="ad"><a href="http://www.qxnsh.com/" target="_blank"><img src="/uploads/ad/qxnsh_280x200.gif" border="0" alt="青溪农商银行"></a></div>
    </td>
  </tr>
</table>
{self._gbk_bottom()}
</body>
</html>
"""

    def _render_home(self) -> bytes:
        top = self.section_pages["qxyw"][0]
        focus_img = top.story.images[0][0] if top.story.images else "/uploads/focus/default.jpg"
        cols = []
        for key in SECTIONS:
            live = [q for q in self.section_pages[key] if q.story is not None][:6]
            lis = "\n".join(f'<li><a href="{q.path}" title="{_esc(q.title)}">{_esc(_short(q.title, 26))}</a>'
                            f'<span class="date">{q.published:%m-%d}</span></li>' for q in live)
            cols.append(f"""<div class="home-col">
<div class="col-title"><h2>{SECTIONS[key]["name"]}</h2><a class="more" href="{LISTING_HOME[key]}">更多&gt;&gt;</a></div>
<ul>
{lis}
</ul>
</div>""")
        heads = "\n".join(f'<li><a href="{q.path}">{_esc(q.title)}</a></li>'
                          for q in self.section_pages["qxyw"][1:4] if q.story is not None)
        head = self._head("青溪新闻网_青溪县融媒体中心", [
            ("keywords", "青溪,青溪新闻,青溪新闻网,青溪县融媒体中心"),
            ("description", "青溪新闻网是青溪县融媒体中心主办的综合性新闻网站，及时发布青溪本地新闻。")])
        return f"""{head}
<body>
{self._header("home")}
<div class="wrap headline">
<h1><a href="{top.path}">{_esc(top.title)}</a></h1>
<ul class="sub-headlines">
{heads}
</ul>
</div>
<div class="wrap focus"><a href="{top.path}"><img src="{focus_img}" alt="{_esc(top.title)}"></a></div>
<div class="wrap home-cols">
{chr(10).join(cols)}
</div>
<div class="wrap app-download"><p>下载“青溪发布”客户端，随时随地看青溪</p></div>
{self._footer()}
</body>
</html>
""".encode("utf-8")


_TRS_PAGER_STUB = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
	if(_nPageCount == null || _nPageCount<=1){
		return;
	}
	var nCurrIndex = _nCurrIndex || 0;
	if(nCurrIndex == 0){
		document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;");
	}else if(nCurrIndex == 1){
		document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;<a href=\\""+_sPageName+"."+_sPageExt+"\\">上一页</a>&nbsp;");
	}else{
		document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;<a href=\\""+_sPageName+"_"+(nCurrIndex-1)+"."+_sPageExt+"\\">上一页</a>&nbsp;");
	}
	if(nCurrIndex + 1 >= _nPageCount){
		document.write("<span>下一页</span>&nbsp;<span>尾页</span>");
	}else{
		document.write("<a href=\\""+_sPageName+"_"+(nCurrIndex+1)+"."+_sPageExt+"\\">下一页</a>&nbsp;<a href=\\""+_sPageName+"_"+(_nPageCount-1)+"."+_sPageExt+"\\">尾页</a>");
	}
	document.write("&nbsp;共"+_nPageCount+"页");
}
</script>"""

_PAGE_404 = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>404 页面不存在 - 青溪新闻网</title>
<style>body{font-family:"Microsoft YaHei",sans-serif;text-align:center;color:#555}.error-page{margin:120px auto;width:600px}h1{font-size:72px;color:#c00}</style>
</head>
<body>
<div class="error-page">
<h1>404</h1>
<p>抱歉，您访问的页面不存在或已被删除！</p>
<p>可能的原因：网址输入有误、稿件已撤回或页面已过期。</p>
<p><a href="/">返回首页</a> | <a href="javascript:history.back();">返回上一页</a></p>
<p class="countdown">页面将在 <span id="sec">5</span> 秒后自动跳转到首页</p>
</div>
<script>var s=5;setInterval(function(){s--;if(s<=0){location.href="/";}document.getElementById("sec").innerHTML=s;},1000);</script>
</body>
</html>
"""
