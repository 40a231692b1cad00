"""Tests for the bundled demo portal (crawler.demo): model, pages and server.

Everything runs against the real server on 127.0.0.1 (urllib, no proxies),
except the determinism and fixed-clock tests, which call ``handle`` directly.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

from crawler.demo import DemoPortal, DemoServer, PortalResponse
from crawler.demo.portal import CST

ANCHOR = datetime(2026, 11, 25, 15, 40, tzinfo=CST)
KEYS = {"path", "title", "subtitle", "published_at", "published_raw", "authors", "editors",
        "photographers", "source", "section", "tags", "summary", "body", "images",
        "listing_paths", "alt_paths"}
BOILERPLATE = ["分享到", "扫一扫", "版权所有", "热门评论", "编辑：", "编辑:", "责任编辑", "审核",
               "下载“青溪发布”客户端", "相关新闻", "上一篇", "下一篇", "点击观看精彩视频", "字号", "ICP备"]
RELATIVE = re.compile(r"^(刚刚|\d+分钟前|\d+小时前|昨天 \d\d:\d\d|前天 \d\d:\d\d)$")
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(base: str, path: str, method: str = "GET"):
    req = urllib.request.Request(base + path, method=method)
    try:
        with _OPENER.open(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def decode(path: str, body: bytes) -> str:
    return body.decode("gb18030" if path.startswith("/msgz/") else "utf-8")


def page_text(html: str) -> str:
    sel = Selector(text=html)
    return " ".join(t.strip() for t in sel.xpath("//body//text()[not(ancestor::script)]").getall())


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def portal() -> DemoPortal:
    return DemoPortal()  # anchor = now, real clock: relative dates are live


@pytest.fixture(scope="module")
def server(portal):
    with DemoServer(portal) as srv:
        yield srv


@pytest.fixture(scope="module")
def expected(portal):
    return portal.expected_articles()


@pytest.fixture(scope="module")
def fixed() -> DemoPortal:
    return DemoPortal(ANCHOR, clock=lambda: ANCHOR + timedelta(seconds=30))


# --------------------------------------------------------------------------- model


def test_sections_and_article_count(portal, expected):
    assert set(portal.listing_paths) == {"qxyw", "xzdt", "msgz"}
    assert len(portal.listing_paths["qxyw"]) == 3
    assert len(portal.listing_paths["xzdt"]) >= 2
    assert len(portal.listing_paths["msgz"]) == 2
    assert len(expected) >= 60
    assert len(expected) == 62
    sections = {e["section"] for e in expected}
    assert sections == {"青溪要闻", "乡镇动态", "民生关注"}
    for e in expected:
        assert set(e) == KEYS
    paths = [e["path"] for e in expected]
    assert len(set(paths)) == len(paths)
    assert len({e["title"] for e in expected}) == len(expected)
    assert len({e["body"] for e in expected}) == len(expected)


def test_url_shapes(expected):
    shapes = {
        "青溪要闻": re.compile(r"^/xwzx/qxyw/(\d{6})/t(\d{8})_\d+\.html$"),
        "乡镇动态": re.compile(r"^/xzdt/\d{4}-\d{2}/\d{2}/content_\d+\.htm$"),
        "民生关注": re.compile(r"^/msgz/system/\d{4}/\d{2}/\d{2}/0\d{8}\.shtml$"),
    }
    for e in expected:
        m = shapes[e["section"]].match(e["path"])
        assert m, e["path"]
        if e["section"] == "青溪要闻":
            assert m.group(2).startswith(m.group(1))
    for e in expected:
        for img in e["images"]:
            assert img["path"].startswith("/uploads/") and img["path"].endswith(".jpg")
            assert img["caption"]


def test_paragraph_shape_and_metadata_variety(expected):
    for e in expected:
        paras = e["body"].split("\n\n")
        assert 3 <= len(paras) <= 8, e["path"]
        for p in paras:
            assert 50 <= len(p) <= 200, (e["path"], p)
            assert p == p.strip() and "\n" not in p
    assert sum(1 for e in expected if e["subtitle"]) >= 3
    assert sum(1 for e in expected if e["tags"]) >= 50
    assert any(not e["tags"] for e in expected)
    assert any(e["summary"] is None for e in expected)
    assert any(e["source"] is None for e in expected)
    assert sum(1 for e in expected if e["images"]) >= 15
    assert sum(1 for e in expected if e["body"].startswith(("青溪讯（", "青溪新闻网讯（"))) >= 40


def test_published_at_matches_raw_and_anchor(portal, expected):
    anchor = portal.anchor
    date_only = [e for e in expected if re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["published_at"])]
    assert 1 <= len(date_only) <= 2
    formats = set()
    for e in expected:
        raw = e["published_raw"]
        nums = re.findall(r"\d+", raw)
        if e in date_only:
            assert raw == e["published_at"]
            continue
        dt = datetime.fromisoformat(e["published_at"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00", e["published_at"])
        assert dt <= anchor and anchor - dt <= timedelta(days=41)
        vals = [int(n) for n in nums]
        assert vals[:5] == [dt.year, dt.month, dt.day, dt.hour, dt.minute], raw
        if len(vals) == 6:
            assert vals[5] == dt.second
        else:
            assert dt.second == 0
        formats.add(re.sub(r"\d", "9", raw))
    assert {"9999-99-99 99:99:99", "发布时间：9999年99月99日 99:99", "发布时间：9999-99-99 99:99"} <= formats
    assert any(re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:(?!00)", e["published_at"]) for e in expected)


def test_bylines_editors_and_traps(expected):
    all_authors = {a for e in expected for a in e["authors"]}
    all_editors = {a for e in expected for a in e["editors"]}
    all_photos = {a for e in expected for a in e["photographers"]}
    assert {"张佳文", "fengdi", "冯娣", "马春林", "王强"} <= all_editors
    assert not ({"陈立群", "吴建华"} & all_editors)  # 审核 = reviewer
    assert "梁臻" in all_photos and "梁臻" not in all_authors
    assert "孙喆" in all_authors  # GBK-only character
    for e in expected:
        for lst in (e["authors"], e["editors"], e["photographers"]):
            assert len(lst) == len(set(lst))
            for name in lst:
                assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}|[a-z]+", name), name
        assert not any(n.isdigit() for n in e["authors"])  # meta author ids
    trailing = [e for e in expected if "谢婷" in e["authors"] and "(记者 谢婷)" not in e["body"]]
    assert trailing
    wensh = [e for e in expected if set(e["authors"]) & set(e["photographers"])]
    assert wensh  # 文/摄


def test_special_cases_in_model(portal, expected):
    by_path = {e["path"]: e for e in expected}
    tracked = [e for e in expected if any("spm=zm1033.a.0&from=timeline" in a for a in e["alt_paths"])]
    assert len(tracked) == 1
    t = tracked[0]
    assert "?" not in t["path"]
    assert t["path"] + "?spm=zm1033.a.0&from=timeline" in t["alt_paths"]
    assert len(t["listing_paths"]) == 2

    repub = [e for e in expected if any(a in portal.pages_by_path and "?" not in a for a in e["alt_paths"])]
    assert len(repub) == 1
    r = repub[0]
    assert r["source"] == "江南日报"
    copy = [a for a in r["alt_paths"] if "?" not in a][0]
    assert copy.split("/")[1] != r["path"].split("/")[1]  # another section
    assert copy not in by_path
    assert len(r["listing_paths"]) == 2

    assert len(portal.dead_paths) == 1 and portal.dead_paths[0] not in by_path
    assert len(portal.slow_paths) == 1 and portal.slow_paths[0] in by_path
    for e in expected:
        assert e["listing_paths"], e["path"]


# ------------------------------------------------------------------ listing pages


def _main_links(html: str) -> list[tuple[str, str, str]]:
    sel = Selector(text=html)
    return [(li.css("a::attr(href)").get(), li.css("a::attr(title)").get(),
             li.css("span.date::text").get())
            for li in sel.css("ul.news-list > li")]


def test_listing_pages_resolve(server, portal, expected):
    valid = {e["path"] for e in expected} | set(portal.dead_paths)
    alts = {a for e in expected for a in e["alt_paths"]}
    seen: dict[str, set[str]] = {}
    tracking_seen = False
    for key, paths in portal.listing_paths.items():
        for n, lp in enumerate(paths):
            status, headers, body = fetch(server.base_url, lp)
            assert status == 200, lp
            links = _main_links(decode(lp, body))
            per = 12 if key == "msgz" else 10
            if n < len(paths) - 1:
                assert len(links) == per
            else:
                assert 0 < len(links) <= per
            for href, title, date in links:
                assert href and title and date
                url = urljoin(server.base_url + lp, href)
                parts = urlsplit(url)
                assert parts.netloc == urlsplit(server.base_url).netloc
                pq = parts.path + ("?" + parts.query if parts.query else "")
                assert pq in valid or pq in alts, (lp, href)
                if "spm=zm1033.a.0" in pq:
                    tracking_seen = True
                seen.setdefault(lp, set()).add(pq)
    assert tracking_seen
    # listing_paths in the truth are exactly the pages that link each article
    for e in expected:
        names = {e["path"], *e["alt_paths"]}
        linked = [lp for lp, targets in seen.items() if names & targets]
        assert sorted(linked) == sorted(e["listing_paths"]), e["path"]
    # link forms are a mix of relative and absolute
    hrefs = [h for lp in portal.listing_paths["qxyw"]
             for h, _, _ in _main_links(decode(lp, fetch(server.base_url, lp)[2]))]
    assert any(h.startswith("./") for h in hrefs) and any(h.startswith("/") for h in hrefs)
    hrefs = [h for lp in portal.listing_paths["xzdt"]
             for h, _, _ in _main_links(decode(lp, fetch(server.base_url, lp)[2]))]
    assert any(h.startswith("../xzdt/") for h in hrefs) and any(re.match(r"\d{4}-", h) for h in hrefs)


def test_hot_list_is_not_main_list(server, portal):
    lp = portal.listing_paths["qxyw"][0]
    html = decode(lp, fetch(server.base_url, lp)[2])
    sel = Selector(text=html)
    hot = sel.css("div.hot-list a::attr(href)").getall()
    assert len(hot) == 8 and any("from=hot" in h for h in hot)
    assert not sel.css("ul.news-list div.hot-list, div.hot-list ul.news-list")
    assert sel.css("div.hot-list span.time::text").re(r"^\d\d-\d\d \d\d:\d\d$")


def test_pagination_markup(server, portal):
    qx = portal.listing_paths["qxyw"]
    assert qx == ["/xwzx/qxyw/index.html", "/xwzx/qxyw/index_1.html", "/xwzx/qxyw/index_2.html"]
    for i, lp in enumerate(qx):
        html = fetch(server.base_url, lp)[2].decode("utf-8")
        assert f'<script>createPageHTML(3, {i}, "index", "html");</script>' in html
        assert "function createPageHTML(" in html
        sel = Selector(text=html)
        assert not sel.xpath('//a[contains(., "下一页") or contains(., "尾页")]')
    xz = portal.listing_paths["xzdt"]
    assert xz[0] == "/xzdt/list.html?page=1"
    for i, lp in enumerate(xz):
        sel = Selector(text=fetch(server.base_url, lp)[2].decode("utf-8"))
        nxt = sel.css("div.pager a.next::attr(href)").get()
        if i < len(xz) - 1:
            assert nxt == f"list.html?page={i + 2}"
            assert sel.xpath('//div[@class="pager"]/a[.="下一页"]')
        else:
            assert nxt is None
            assert not sel.xpath('//a[contains(., "下一页")]')
    assert fetch(server.base_url, "/xzdt/list.html")[0] == 200
    ms = portal.listing_paths["msgz"]
    assert ms == ["/msgz/list_1.htm", "/msgz/list_2.htm"]
    s1 = Selector(text=decode(ms[0], fetch(server.base_url, ms[0])[2]))
    assert s1.xpath('//div[@class="pager"]/a[.="下一页"]/@href').get() == "list_2.htm"
    s2 = Selector(text=decode(ms[1], fetch(server.base_url, ms[1])[2]))
    assert not s2.xpath('//a[contains(., "下一页")]')
    assert fetch(server.base_url, "/xzdt/list.html?page=99")[0] == 404


def test_relative_dates_live(server, portal):
    lp = portal.listing_paths["qxyw"][0]
    links = _main_links(fetch(server.base_url, lp)[2].decode("utf-8"))
    assert re.fullmatch(r"刚刚|\d+分钟前", links[0][2]), links[0]
    assert re.fullmatch(r"\d+分钟前", links[1][2]), links[1]
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for _, _, d in links)


def test_relative_dates_fixed_clock(fixed):
    def dates(path):
        return [d for _, _, d in _main_links(decode(path, fixed.handle(path).body))]

    q = dates("/xwzx/qxyw/index.html")
    assert q[0] == "刚刚"
    assert re.fullmatch(r"2[56]分钟前", q[1])
    assert "3小时前" in q
    assert "昨天 16:45" in q and "昨天 09:05" in q and "昨天 20:10" in q
    assert "前天 08:15" in q
    assert re.fullmatch(r"2026-11-\d\d", q[-1])
    x = dates("/xzdt/list.html?page=1")
    assert "55分钟前" in x[0] and x[1] == "5小时前" and "昨天 11:30" in x and "前天 15:20" in x
    assert re.fullmatch(r"\d\d-\d\d", x[-1])
    x3 = dates("/xzdt/list.html?page=3")
    assert all(re.fullmatch(r"\d\d-\d\d", d) for d in x3)
    m = dates("/msgz/list_1.htm")
    assert all(re.fullmatch(r"\[\d{4}-\d{2}-\d{2}\]", d) for d in m)
    # a later clock turns the same entries into other strings
    later = DemoPortal(ANCHOR, clock=lambda: ANCHOR + timedelta(days=2))
    q2 = [d for _, _, d in _main_links(later.handle("/xwzx/qxyw/index.html").body.decode())]
    assert q2[0] == "前天 15:40"
    assert not any(RELATIVE.match(d) for d in q2[3:])


# ------------------------------------------------------------------ article pages


def test_every_article_path_and_alt_path(server, portal, expected):
    for e in expected:
        status, headers, body = fetch(server.base_url, e["path"])
        assert status == 200, e["path"]
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert int(headers["Content-Length"]) == len(body)
        for alt in e["alt_paths"]:
            s2, _, b2 = fetch(server.base_url, alt)
            assert s2 == 200, alt
            if "?" in alt:
                assert b2 == body  # same page under the tracking variant
            else:  # the republished copy: other template, same story
                t1, t2 = page_text(decode(e["path"], body)), page_text(decode(alt, b2))
                for para in e["body"].split("\n\n"):
                    assert para in t1 and para in t2
                assert e["title"] in t2 and e["published_raw"] in t2


def test_expected_values_are_on_the_page(server, expected):
    for e in expected:
        body = fetch(server.base_url, e["path"])[2]
        html = decode(e["path"], body)
        text = page_text(html)
        ctext = collapse(text)
        assert e["title"] in text
        if e["subtitle"]:
            assert e["subtitle"] in text
        assert e["published_raw"] in ctext
        for para in e["body"].split("\n\n"):
            assert para in text, (e["path"], para)
        for img in e["images"]:
            assert f'src="{img["path"]}"' in html
            assert img["caption"] in text
        for name in e["authors"] + e["editors"] + e["photographers"]:
            assert name in text, (e["path"], name)
        if e["source"]:
            assert "来源：" + e["source"] in text
        sel = Selector(text=html)
        kw = sel.css('meta[name="keywords"]::attr(content)').get()
        assert [t for t in re.split(r"[,，\s]+", kw) if t] == e["tags"]
        assert sel.css('meta[name="description"]::attr(content)').get() == e["summary"]


def test_bodies_have_no_boilerplate(expected):
    for e in expected:
        for s in BOILERPLATE:
            assert s not in e["body"], (e["path"], s)
        for img in e["images"]:
            assert img["caption"] not in e["body"]
        assert "(记者" not in e["body"] and "【" not in e["body"]


def test_boilerplate_is_in_the_pages(server, expected):
    found = {s: 0 for s in ["分享到", "扫一扫在手机打开当前页", "点击观看精彩视频", "版权所有", "热门评论",
                            "下载“青溪发布”客户端，随时随地看青溪", "相关新闻", "上一篇", "编辑：", "审核：",
                            "责任编辑：张佳文(QN0040)", "编辑:fengdi", "【责任编辑:马春林】", "(记者 谢婷)",
                            "您当前的位置", "字号：[", "ICP备", "文/摄", "全媒体记者", "实习生", "摄影"]}
    meta_ids = 0
    for e in expected:
        html = decode(e["path"], fetch(server.base_url, e["path"])[2])
        for s in found:
            if s in html:
                found[s] += 1
        if re.search(r'<meta name="author" content="\d+">', html):
            meta_ids += 1
    assert all(found.values()), found
    assert meta_ids >= 5


def test_reference_extraction_matches_truth(server, expected):
    """A minimal spider using the documented selectors reproduces the truth."""
    credit = re.compile(r"^(来源|编辑|责任编辑|审核|摄影)\s*[:：]|^【责任编辑|^\((记者|通讯员)")
    junk = {"扫一扫在手机打开当前页", "点击观看精彩视频", ""}
    for e in expected:
        html = decode(e["path"], fetch(server.base_url, e["path"])[2])
        sel = Selector(text=html)
        gbk = e["path"].startswith("/msgz/")
        if gbk:
            title = sel.css("td.title::text").get()
            sub = sel.css("td.subtitle::text").get()
            raw = sel.css("span#pubtime_baidu::text").get()
            src = sel.css("span#source_baidu::text").get().removeprefix("来源：") or None
            ps = sel.css("div#ozoom > p")
            imgs = [(p.css("img::attr(src)").get(),
                     p.xpath('following-sibling::p[1][@class="pic-note"]/text()').get())
                    for p in ps if p.css("img")]
        else:
            title = sel.css("h1.article-title::text").get()
            sub = sel.css("h2.article-subtitle::text").get()
            raw = sel.css("div.article-info span.time::text").get()
            src = sel.css("div.article-info span.source::text").get()
            src = src.removeprefix("来源：") or None if src is not None else None
            ps = sel.css("div.article-content p")
            imgs = [(f.css("img::attr(src)").get(), f.css("figcaption::text").get())
                    for f in sel.css("div.article-content figure.pic")]
        paras, credits = [], []
        for p in ps:
            if p.css("img") or p.attrib.get("class") == "pic-note":
                continue
            t = "".join(p.css("::text").getall()).strip()
            if t in junk:
                continue
            (credits if credit.search(t) else paras).append(t)
        if src is None and not gbk and "article-info" in html:
            srcs = [c.removeprefix("来源：") for c in credits if c.startswith("来源：")]
            src = srcs[0] if srcs else None
        assert title == e["title"]
        assert sub == e["subtitle"]
        assert collapse(raw) == e["published_raw"]
        assert src == e["source"], e["path"]
        assert "\n\n".join(paras) == e["body"], e["path"]
        assert [{"path": p, "caption": c} for p, c in imgs] == e["images"]
        editors = []
        for c in credits:
            for m in re.finditer(r"(?<!审核)(?:责任编辑|编辑)\s*[:：]\s*([^\s()（）【】]+)", c):
                if m.group(1) not in editors:
                    editors.append(m.group(1))
        assert editors == e["editors"], e["path"]


def test_gbk_section_encoding(server, portal, expected):
    gbk_paths = list(portal.listing_paths["msgz"])
    gbk_paths += [e["path"] for e in expected if e["path"].startswith("/msgz/")]
    gbk_paths += [a for e in expected for a in e["alt_paths"] if a.startswith("/msgz/") and "?" not in a]
    assert len(gbk_paths) >= 18
    for path in gbk_paths:
        status, headers, body = fetch(server.base_url, path)
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"  # the mislabel
        assert b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' in body
        text = body.decode("gb18030")
        assert "青溪新闻网" in text and "喆" in text
        assert body.decode("gbk") == text
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        with pytest.raises(UnicodeDecodeError):
            body.decode("gb2312")
    for path in [portal.listing_paths["qxyw"][0], portal.listing_paths["xzdt"][0], "/"] + \
            [e["path"] for e in expected if not e["path"].startswith("/msgz/")][:5]:
        body = fetch(server.base_url, path)[2]
        assert b'<meta charset="utf-8">' in body
        body.decode("utf-8")


def test_dead_path_is_404(server, portal):
    (dead,) = portal.dead_paths
    status, headers, body = fetch(server.base_url, dead)
    assert status == 404
    text = body.decode("utf-8")
    assert "页面不存在" in text and "返回首页" in text
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_slow_path_is_slow(server, portal, expected):
    (slow,) = portal.slow_paths
    assert slow in {e["path"] for e in expected}
    t0 = time.monotonic()
    status, _, _ = fetch(server.base_url, slow)
    assert status == 200 and time.monotonic() - t0 >= 2.0
    t0 = time.monotonic()
    fetch(server.base_url, expected[0]["path"])
    assert time.monotonic() - t0 < 1.5


def test_home_robots_and_misc(server, portal):
    status, _, body = fetch(server.base_url, "/")
    assert status == 200
    sel = Selector(text=body.decode("utf-8"))
    hrefs = set(sel.css("a::attr(href)").getall())
    for paths in portal.listing_paths.values():
        assert paths[0] in hrefs
    assert len([h for h in hrefs if h in portal.pages_by_path]) >= 10
    status, headers, body = fetch(server.base_url, "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().splitlines() == ["User-agent: *", "Disallow: /admin/", "Disallow: /search"]
    assert fetch(server.base_url, "/favicon.ico")[0] == 404
    assert fetch(server.base_url, "/uploads/2026/11/25/nothing.jpg")[0] == 404
    assert fetch(server.base_url, "/xwzx/qxyw/")[0] == 200
    assert fetch(server.base_url, "/admin/")[0] == 404


def test_head_and_keep_alive(server, portal):
    status, headers, body = fetch(server.base_url, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    host = urlsplit(server.base_url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    try:
        conn.request("GET", "/robots.txt")
        r1 = conn.getresponse()
        r1.read()
        sock = conn.sock
        assert r1.version == 11 and not r1.will_close
        conn.request("GET", portal.listing_paths["msgz"][0])
        r2 = conn.getresponse()
        assert r2.status == 200 and len(r2.read()) == int(r2.getheader("Content-Length"))
        assert conn.sock is sock
    finally:
        conn.close()


def test_determinism(fixed):
    other = DemoPortal(ANCHOR, clock=lambda: ANCHOR + timedelta(seconds=30))
    later = DemoPortal(ANCHOR, clock=lambda: ANCHOR + timedelta(hours=5))
    paths = ["/", "/robots.txt", "/nope.html"]
    paths += [p for ps in fixed.listing_paths.values() for p in ps]
    exp = fixed.expected_articles()
    assert exp == other.expected_articles()
    for e in exp:
        paths += [e["path"], *e["alt_paths"]]
    for path in paths:
        a, b = fixed.handle(path), other.handle(path)
        assert isinstance(a, PortalResponse)
        assert (a.status, a.headers, a.body, a.delay) == (b.status, b.headers, b.body, b.delay), path
    for e in exp:  # article pages do not depend on the request clock
        assert later.handle(e["path"]).body == fixed.handle(e["path"]).body
    assert later.handle("/xwzx/qxyw/index.html").body != fixed.handle("/xwzx/qxyw/index.html").body
    shifted = DemoPortal(ANCHOR + timedelta(days=1))
    assert shifted.expected_articles()[0]["path"] != exp[0]["path"]
    assert exp[0]["published_at"] == "2026-11-25T15:40:00+08:00"
    assert exp[0]["path"].startswith("/xwzx/qxyw/202611/t20261125_")


def test_listing_order_is_newest_first(server, portal, expected):
    day = {e["path"]: e["published_at"][:10] for e in expected}
    for key, paths in portal.listing_paths.items():
        days = []
        for lp in paths:
            for href, _, _ in _main_links(decode(lp, fetch(server.base_url, lp)[2])):
                p = urlsplit(urljoin(server.base_url + lp, href)).path
                if p in day:
                    days.append(day[p])
        assert len(days) >= 17
        assert days == sorted(days, reverse=True), key


def _resolve_listing_date(d: str, now: datetime):
    """Turn a listing date into (earliest, latest) bounds for the publish time,
    or a YYYY-MM-DD string for absolute day-only forms."""
    if d == "刚刚":
        return now - timedelta(minutes=1), now
    if m := re.fullmatch(r"(\d+)分钟前", d):
        t = now - timedelta(minutes=int(m[1]))
        return t - timedelta(minutes=1), t
    if m := re.fullmatch(r"(\d+)小时前", d):
        t = now - timedelta(hours=int(m[1]))
        return t - timedelta(hours=1), t
    if m := re.fullmatch(r"(昨天|前天) (\d\d):(\d\d)", d):
        day = now.date() - timedelta(days=1 if m[1] == "昨天" else 2)
        t = datetime(day.year, day.month, day.day, int(m[2]), int(m[3]), tzinfo=CST)
        return t, t + timedelta(minutes=1)
    if m := re.fullmatch(r"\[?(\d{4}-\d\d-\d\d)\]?", d):
        return m[1]
    if m := re.fullmatch(r"(\d\d)-(\d\d)", d):  # no year: latest date not after now
        y = now.year - ((int(m[1]), int(m[2])) > (now.month, now.day))
        return f"{y}-{m[1]}-{m[2]}"
    raise AssertionError(f"unknown listing date {d!r}")


@pytest.mark.parametrize("offset", [timedelta(seconds=5), timedelta(minutes=61), timedelta(hours=9),
                                    timedelta(days=1, minutes=3), timedelta(days=45)])
@pytest.mark.parametrize("anchor", [ANCHOR, datetime(2027, 1, 1, 0, 20, tzinfo=CST)])
def test_listing_dates_agree_with_articles(anchor, offset):
    now = anchor + offset
    p = DemoPortal(anchor, clock=lambda: now)
    truth = {}
    for e in p.expected_articles():
        for path in [e["path"], *e["alt_paths"]]:
            truth[path.split("?")[0]] = e["published_at"]
    checked = 0
    for lp in [x for paths in p.listing_paths.values() for x in paths]:
        for href, _, d in _main_links(decode(lp, p.handle(lp).body)):
            path = urlsplit(urljoin("http://h" + lp, href)).path
            if path in p.dead_paths:
                continue
            pub = truth[path]
            got = _resolve_listing_date(d, now)
            if isinstance(got, str):
                assert got == pub[:10], (lp, d, pub)
            else:
                lo, hi = got
                t = datetime.fromisoformat(pub)
                assert lo < t <= hi or (t == lo and d.startswith(("昨天", "前天"))), (lp, d, pub)
            checked += 1
    assert checked == 62 + 2  # every live entry (tracked + republished copy listed twice)


def test_cli_serves_and_prints_url():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-m", "crawler.demo", "--port", "0",
                             "--anchor", "2026-11-25T15:40:00+08:00"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url), url
        status, _, body = fetch(url, "/xwzx/qxyw/index.html")
        assert status == 200 and "t20261125_" in body.decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
