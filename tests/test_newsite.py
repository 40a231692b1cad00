"""``scrapy newsite``: from a portal's listing URL (served here on 127.0.0.1), or saved files, to a passing site test.

The walk-through runs in a copy of the project, as a new user would: the
command writes the spider and its saved pages, the spider works at once
(offline on the pages and live on the portal), the site's fixture test
fails on the unreviewed ``expected.json`` with a message saying what to do,
and passes once a person has finished the docstring and reviewed the values.
"""

import ast
import json
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.demo.portal import DemoPortal
from crawler.demo.server import DemoServer
from crawler.extract.listing import read_listing
from crawler.offline import load_fixture
from crawler.settings import USER_AGENT
from crawler.sitekit.css_path import css_path
from crawler.sitekit.detect import detect_family
from crawler.sitekit.template import TODO_ENGLISH_NAME, TODO_QUIRKS, TODO_WHAT
from crawler.spiders.families import FAMILIES
from parsel import Selector

from conftest import REPO, read_jsonl, run_scrapy

PROJECT_PARTS = ("crawler", "pipelines", "scrapy.cfg", "tests/conftest.py", "tests/test_site_fixtures.py",
                 "tests/test_spider_registry.py", "tests/fixtures")
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project to add sites to, as a user's checkout would be."""
    copy = tmp_path_factory.mktemp("project")
    for part in PROJECT_PARTS:
        source, target = REPO / part, copy / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return copy


@pytest.fixture(scope="module")
def portal():
    with DemoServer(DemoPortal()) as server:
        yield server


def run(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m <args>`` in the project copy."""
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, timeout=timeout)


def scrapy(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``scrapy <args>`` in the project copy, output and state in the copy's output/."""
    return run(project, "scrapy", *args, "-s", f"OUTPUT_DIR={project / 'output'}")


def site_tests(project: Path, name: str) -> subprocess.CompletedProcess:
    return run(project, "pytest", "-q", "-p", "no:cacheprovider", "tests/test_site_fixtures.py",
               "tests/test_spider_registry.py", "-k", name)


def review(project: Path, name: str, english_name: str) -> None:
    """What a person does after checking the values: finish the docstring, mark expected.json reviewed."""
    spider = project / "crawler" / "spiders" / f"{name}.py"
    source = spider.read_text(encoding="utf-8")
    source = source.replace(TODO_ENGLISH_NAME, english_name).replace(TODO_WHAT, "the demo county's portal")
    spider.write_text(source.replace(TODO_QUIRKS, "relative dates on the listing"), encoding="utf-8")
    expected_file = project / "tests" / "fixtures" / name / "expected.json"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    expected_file.write_text(json.dumps({**expected, "_reviewed": True}, ensure_ascii=False), encoding="utf-8")


def truth(portal) -> dict:
    """The demo portal's articles by URL."""
    return {f"{portal.base_url}{article['path']}": article for article in portal.portal.expected_articles()}


def class_lines(source: str) -> int:
    (node,) = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)]
    return node.end_lineno - node.lineno + 1


def test_from_a_portal_url_to_a_passing_site_test(project, portal):
    url = f"{portal.base_url}/xzdt/list.html?page=1"
    made = scrapy(project, "newsite", "qingxi_towns", url)
    assert made.returncode == 0, made.stderr
    assert "New site qingxi_towns (青溪新闻网): selectors proposed from the generic extraction." in made.stdout
    assert "scrapy checksite qingxi_towns" in made.stdout

    folder = project / "tests" / "fixtures" / "qingxi_towns"
    assert sorted(p.name for p in folder.iterdir()) == [
        "article_1.html", "article_2.html", "expected.json", "listing.html", "meta.json"]
    source = (project / "crawler" / "spiders" / "qingxi_towns.py").read_text(encoding="utf-8")
    assert "class QingxiTownsSpider(PortalSpider):" in source
    for line in ('"listing": "ul.news-list > li"', '"listing_date": "span.date::text"',
                 '"next_page": "div.pager a:contains(\'下一页\')::attr(href)"', '"title": "h1.article-title"',
                 '"published": "div.article-info span.time"', '"body": "div#zoom"'):
        assert line in source
    assert f"start_urls = [{json.dumps(url)}]" in source

    # The spider works at once: on the saved pages its records are the portal's articles.
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected["_reviewed"] is False
    listing = expected["listings"]["listing.html"]
    assert listing["next_page"] == f"{portal.base_url}/xzdt/list.html?page=2"
    articles = truth(portal)
    assert len(listing["article_links"]) == 10 and set(listing["article_links"]) <= set(articles)
    assert [record["url"] for record in expected["articles"].values()] == listing["article_links"][:2]
    for record in expected["articles"].values():
        want = articles[record["url"]]
        assert (record["title"], record["published_at"], record["body"]) == (want["title"], want["published_at"], want["body"])

    failing = site_tests(project, "qingxi_towns")
    assert failing.returncode == 1, failing.stdout[-3000:]
    assert ("tests/fixtures/qingxi_towns/expected.json has not been reviewed: check every value against the saved "
            "pages (`scrapy checksite qingxi_towns` shows each value and the rule behind it), fix the spider or the "
            'values, then set "_reviewed": true.') in failing.stdout
    assert "qingxi_towns's docstring still has TODOs from scrapy newsite: fill them in" in failing.stdout
    checked = scrapy(project, "checksite", "qingxi_towns")
    assert checked.returncode == 1
    assert "! expected.json is not reviewed" in checked.stdout
    assert 'title          ' in checked.stdout and '← selector title "h1.article-title"' in checked.stdout

    review(project, "qingxi_towns", "Qingxi News, town news")
    passing = site_tests(project, "qingxi_towns")
    assert passing.returncode == 0, passing.stdout[-3000:]
    assert re.search(r"\b7 passed\b", passing.stdout), passing.stdout[-500:]  # 2 fixture tests, 5 registry tests
    checked = scrapy(project, "checksite", "qingxi_towns")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.rstrip().endswith("3 pages, no warnings.")

    # ... and on the live portal.
    crawled = scrapy(project, "crawl", "qingxi_towns", "-a", "max_pages=1", *FAST)
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    records = read_jsonl((project / "output" / "qingxi_towns").glob("*.jsonl"))
    assert sorted(r["url"] for r in records) == sorted(listing["article_links"])
    assert all(r["title"] == articles[r["url"]]["title"] for r in records)


def test_a_site_on_a_known_cms_family_is_a_few_lines_on_its_base(project, portal):
    url = f"{portal.base_url}/xwzx/qxyw/index.html"
    made = scrapy(project, "newsite", "qingxi_news", url)
    assert made.returncode == 0, made.stderr
    assert "New site qingxi_news (青溪新闻网): a TRS WCM site, so the spider is a TrsSpider." in made.stdout
    assert "the pages show createPageHTML pager script" in made.stdout
    source = (project / "crawler" / "spiders" / "qingxi_news.py").read_text(encoding="utf-8")
    assert "from crawler.spiders.families.trs import TrsSpider" in source
    assert class_lines(source) <= 5 and "selectors" not in source
    expected = json.loads((project / "tests" / "fixtures" / "qingxi_news" / "expected.json").read_text(encoding="utf-8"))
    listing = expected["listings"]["listing.html"]
    assert listing["next_page"] == f"{portal.base_url}/xwzx/qxyw/index_1.html"
    assert listing["article_links"] and all(re.search(r"/t2026\d{4}_\d+\.html$", link) for link in listing["article_links"])
    articles = truth(portal)
    for record in expected["articles"].values():
        want = articles[record["url"]]
        assert (record["title"], record["published_at"], record["body"]) == (want["title"], want["published_at"], want["body"])
    review(project, "qingxi_news", "Qingxi News")
    passing = site_tests(project, "qingxi_news")
    assert passing.returncode == 0, passing.stdout[-3000:]


def saved_pages(site: str, files: list[str]) -> list[tuple[str, str]]:
    """``(path, URL)`` of some of a fixture folder's pages, as files a person saved."""
    meta, _ = load_fixture(REPO / "tests" / "fixtures" / site)
    urls = {page["file"]: page["url"] for page in meta["pages"]}
    return [(str(REPO / "tests" / "fixtures" / site / file), urls[file]) for file in files]


def from_files(tmp_path, name: str, pages: list[tuple[str, str]]) -> subprocess.CompletedProcess:
    spiders, fixtures = tmp_path / "spiders", tmp_path / "fixtures"
    spiders.mkdir(exist_ok=True)
    fixtures.mkdir(exist_ok=True)
    args = [name, pages[0][1], "--spiders-dir", str(spiders), "--fixtures-dir", str(fixtures)]
    for path, _ in pages:
        args += ["--from-file", path]
    for _, url in pages[1:]:
        args += ["--article", url]
    return run_scrapy(["newsite", *args], tmp_path)


def test_from_saved_files_a_family_site_gets_what_the_family_example_gets(tmp_path):
    made = from_files(tmp_path, "fengxi", saved_pages("example_dedecms", ["listing.html", "article_1.html"]))
    assert made.returncode == 0, made.stderr
    assert "a DedeCMS site, so the spider is a DedecmsSpider." in made.stdout
    source = (tmp_path / "spiders" / "fengxi.py").read_text(encoding="utf-8")
    assert "class FengxiSpider(DedecmsSpider):" in source and class_lines(source) <= 5
    meta = json.loads((tmp_path / "fixtures" / "fengxi" / "meta.json").read_text(encoding="utf-8"))
    assert [(page["file"], page["kind"]) for page in meta["pages"]] == [("listing.html", "listing"), ("article_1.html", "article")]
    got = json.loads((tmp_path / "fixtures" / "fengxi" / "expected.json").read_text(encoding="utf-8"))
    example = json.loads((REPO / "tests" / "fixtures" / "example_dedecms" / "expected.json").read_text(encoding="utf-8"))
    assert got["_reviewed"] is False and got["listings"] == example["listings"]
    fields = ("title", "published_at", "authors", "source", "body", "tags", "summary", "extracted_by")
    assert [got["articles"]["article_1.html"][f] for f in fields] == [example["articles"]["article_1.html"][f] for f in fields]
    checked = run_scrapy(["checksite", "fengxi", "--spiders-dir", str(tmp_path / "spiders"),
                          "--fixtures-dir", str(tmp_path / "fixtures")], tmp_path)
    assert checked.returncode == 1 and "! expected.json is not reviewed" in checked.stdout
    assert "authors        刘畅  ← selector authors" in checked.stdout


def test_from_saved_files_a_site_of_no_known_family_gets_proposed_selectors(tmp_path):
    pages = saved_pages("demo_county", ["listing_xzdt_page1.html", "article_xzdt_credit_source.html"])
    made = from_files(tmp_path, "towns", pages)
    assert made.returncode == 0, made.stderr
    source = (tmp_path / "spiders" / "towns.py").read_text(encoding="utf-8")
    assert '"listing": "ul.news-list > li"' in source and '"body": "div#zoom"' in source
    got = json.loads((tmp_path / "fixtures" / "towns" / "expected.json").read_text(encoding="utf-8"))
    demo = json.loads((REPO / "tests" / "fixtures" / "demo_county" / "expected.json").read_text(encoding="utf-8"))
    assert got["listings"]["listing.html"] == demo["listings"]["listing_xzdt_page1.html"]
    record, want = got["articles"]["article_1.html"], demo["articles"]["article_xzdt_credit_source.html"]
    for field in ("title", "published_at", "authors", "source", "body", "images"):
        assert record[field] == want[field], field


class DedeSite(BaseHTTPRequestHandler):
    """A tiny DedeCMS site of the example's saved pages that notes every request's path and user agent."""

    pages = REPO / "tests" / "fixtures" / "example_dedecms"
    seen: list = []

    def do_GET(self):  # noqa: N802
        self.seen.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow: /member/\n"
        elif self.path == "/a/xinwen/list_5_1.html":
            body = (self.pages / "listing.html").read_bytes()
        elif re.fullmatch(r"/a/xinwen/2026/\d{4}/\d+\.html", self.path):
            body = (self.pages / "article_1.html").read_bytes()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_newsite_asks_robots_txt_first_and_names_the_crawler(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), DedeSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        made = run_scrapy(["newsite", "fengxi_live", f"{base}/a/xinwen/list_5_1.html", "--spiders-dir",
                           str(tmp_path), "--fixtures-dir", str(tmp_path), *FAST], tmp_path)
    finally:
        server.shutdown()
    assert made.returncode == 0, made.stderr
    paths = [path for path, _ in DedeSite.seen]
    assert paths[:2] == ["/robots.txt", "/a/xinwen/list_5_1.html"]
    assert sorted(paths[2:]) == ["/a/xinwen/2026/1119/3447.html", "/a/xinwen/2026/1120/3452.html",
                                 "/a/xinwen/2026/1120/3456.html"]  # the first three article links, two kept
    assert {agent for _, agent in DedeSite.seen} == {USER_AGENT}
    meta = json.loads((tmp_path / "fengxi_live" / "meta.json").read_text(encoding="utf-8"))
    assert [page["url"] for page in meta["pages"]] == [
        f"{base}/a/xinwen/list_5_1.html", f"{base}/a/xinwen/2026/1120/3456.html", f"{base}/a/xinwen/2026/1120/3452.html"]


@pytest.mark.parametrize(("args", "message"), [
    (["Bad-Name", "http://127.0.0.1:9/x.html"], "the site name must be lower-case letters, digits and _"),
    (["demo_county", "http://127.0.0.1:9/x.html"], "a spider named 'demo_county' already exists"),
    (["fresh", "ftp://127.0.0.1/x.html"], "URL must be an http(s) URL such as"),
    (["fresh", "http://127.0.0.1:9/x.html"], "could not fetch http://127.0.0.1:9/x.html: the connection was refused"),
    (["fresh", "{portal}/admin/list.html"], "could not fetch {portal}/admin/list.html: forbidden by the site's robots.txt"),
    (["fresh", "{portal}/no/such/page.html"], "could not fetch {portal}/no/such/page.html: HTTP 404"),
    (["fresh", "{portal}/xzdt/list.html", "--article", "{portal}/gone.html"], "could not fetch {portal}/gone.html: HTTP 404"),
    (["fresh", "http://x.example/", "--from-file", "/no/such/file.html"], "no file /no/such/file.html"),
    (["fresh", "http://x.example/", "--from-file", "{readme}"], "--from-file takes the listing page, then one file per"),
    (["fresh", "http://x.example/", "--timezone", "Mars/Base"], "--timezone must be a time zone name"),
])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, portal, args, message):
    spiders, fixtures = tmp_path / "spiders", tmp_path / "fixtures"
    spiders.mkdir()
    fixtures.mkdir()
    values = {"portal": portal.base_url, "readme": str(REPO / "README.md")}
    args = [arg.format(**values) for arg in args]
    made = run_scrapy(["newsite", *args, "--spiders-dir", str(spiders), "--fixtures-dir", str(fixtures),
                       "-s", "RETRY_TIMES=0"], tmp_path)
    assert made.returncode == 2
    assert message.format(**values) in made.stderr
    assert "Traceback" not in made.stderr
    assert list(spiders.iterdir()) == [] and list(fixtures.iterdir()) == []


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.__name__)
def test_each_family_example_is_recognised_from_its_pages(family):
    _, pages = load_fixture(REPO / "tests" / "fixtures" / f"example_{family.__module__.rsplit('.', 1)[1]}")
    responses = [page.response() for page in pages]
    links = [entry.url for entry in read_listing(responses[0].selector, responses[0].url).entries]
    links += [response.url for page, response in zip(pages, responses) if page.kind == "article"]
    assert detect_family(links, [response.text for response in responses]).family is family


def test_a_site_of_no_known_family_is_not_taken_for_one():
    _, pages = load_fixture(REPO / "tests" / "fixtures" / "demo_county")
    xzdt = [page.response() for page in pages if "xzdt" in page.file]
    assert detect_family([response.url for response in xzdt], [response.text for response in xzdt]) is None


def test_a_css_path_matches_only_its_element():
    page = Selector(text=(
        '<div class="article-info"><span class="time">2026-11-20</span></div>'
        '<ul class="related"><li><span class="time">2026-11-19</span></li></ul>'
        '<div class="fl w1200"><div><p id="c3021">x</p><div class="TRS_Editor">text</div></div></div>'
    ))
    root = page.root
    assert css_path(page.css("div.article-info span")[0].root, root) == "div.article-info span.time"
    assert css_path(page.css("div.TRS_Editor")[0].root, root) == "div.TRS_Editor"
    assert css_path(page.css("p")[0].root, root) == "p"  # a generated-looking id is not used
