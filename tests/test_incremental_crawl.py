"""Daily runs over the demo portal: the second run fetches no article again and stops each list early.

The portal is served on 127.0.0.1 by an in-process ``DemoServer`` whose
portal notes every path requested, so what a run fetched is known from the
server side, not only from the crawl's own stats (``-s STATS_FILE``). Both
ways of crawling it are run as a cron job would, in a subprocess: the
configured spider (``demo_county -a base_url=…``) and the generic one
(``generic -a start_url=…``), which knows nothing of the site.
"""

import json
import shutil
import sqlite3
from urllib.parse import urlsplit

import pytest

from crawler.demo import DemoPortal, DemoServer
from crawler.urls import url_id

from conftest import run_scrapy
from demo_crawl import FAST

SECTIONS = ("qxyw", "xzdt", "msgz")


class RecordingPortal(DemoPortal):
    """The demo portal, noting each path (with query) it is asked for."""

    def __init__(self):
        super().__init__()
        self.requested: list[str] = []

    def handle(self, path_and_query: str):
        self.requested.append(path_and_query)
        return super().handle(path_and_query)


@pytest.fixture(scope="module")
def server():
    with DemoServer(RecordingPortal()) as served:
        yield served


def spider_arguments(spider: str, server: DemoServer) -> list[str]:
    if spider == "demo_county":
        return ["demo_county", "-a", f"base_url={server.base_url}"]
    first_pages = [server.base_url + server.portal.listing_paths[key][0] for key in SECTIONS]
    return ["generic", "-a", "start_url=" + ",".join(first_pages)]


def crawl(server: DemoServer, spider: str, out, run: str) -> tuple[dict, list[str]]:
    """One run into ``out``: its stats and the paths the server was asked for."""
    server.portal.requested.clear()
    stats_path = out / f"stats-{run}.json"
    result = run_scrapy(["crawl", *spider_arguments(spider, server), *FAST, "-s", f"STATS_FILE={stats_path}"], out)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(stats_path.read_text(encoding="utf-8")), list(server.portal.requested)


def article_paths(portal: DemoPortal, requested: list[str]) -> set[str]:
    listings = {path for paths in portal.listing_paths.values() for path in paths}
    return {path for path in requested if path not in listings and path != "/robots.txt"}


@pytest.fixture(scope="module", params=["demo_county", "generic"])
def first_run(request, server, tmp_path_factory):
    """The first day's crawl of one spider: every article written, the seen-store filled."""
    spider, out = request.param, tmp_path_factory.mktemp(f"first-{request.param}")
    stats, requested = crawl(server, spider, out, "first")
    return spider, out, stats, requested


def second_day(first_run, tmp_path):
    """A copy of the first day's output and state, for a second run that may change it."""
    spider, out, _, _ = first_run
    shutil.copytree(out, tmp_path, dirs_exist_ok=True)
    return spider, tmp_path


def test_first_run_writes_every_article(server, first_run):
    _, _, stats, requested = first_run
    assert stats["item_scraped_count"] == len(server.portal.expected_articles()) == 62
    assert stats["news/listing_pages"] == sum(len(paths) for paths in server.portal.listing_paths.values()) == 8
    assert len(article_paths(server.portal, requested)) >= 62


def test_second_run_fetches_no_article_and_stops_on_each_first_page(server, first_run, tmp_path):
    spider, out = second_day(first_run, tmp_path)
    stats, requested = crawl(server, spider, out, "second")
    first_pages = {server.portal.listing_paths[key][0] for key in SECTIONS}
    assert set(requested) == first_pages | {"/robots.txt"}
    assert article_paths(server.portal, requested) == set()
    assert stats["news/listing_pages"] == 3
    assert stats["news/pagination/stopped/all_known"] == 3
    assert stats["response_received_count"] == 3 + 1
    assert stats.get("item_scraped_count", 0) == 0


def test_pagination_stops_at_the_first_fully_known_page(server, first_run, tmp_path):
    """New articles on page 1 of 乡镇动态: that list goes on to page 2, which is all known, and stops there."""
    spider, out = second_day(first_run, tmp_path)
    page_one = server.portal.listing_paths["xzdt"][0]
    new = [a["path"] for a in server.portal.expected_articles() if a["listing_paths"] == [page_one]]
    assert len(new) >= 5
    namespace = spider if spider == "demo_county" else urlsplit(server.base_url).hostname.replace(".", "_")
    # Forget them: as if they had been published since the first run (SqliteSeenStore's own table).
    with sqlite3.connect(out / "state" / "seen.sqlite") as db:
        db.executemany(
            "DELETE FROM seen WHERE namespace = ? AND kind = 'url' AND key = ?",
            [(namespace, url_id(server.base_url + path)) for path in new],
        )
    stats, requested = crawl(server, spider, out, "second")
    xzdt_pages = server.portal.listing_paths["xzdt"]
    assert {path for path in requested if path in xzdt_pages} == {xzdt_pages[0], xzdt_pages[1]}
    assert article_paths(server.portal, requested) == set(new)
    dead = server.portal.dead_paths[0]
    assert dead.rsplit("/", 1)[1].encode() in server.portal.handle(xzdt_pages[1]).body  # page 2 links a dead article …
    assert dead not in requested  # … not asked for again: it answered 404 on the first day
    assert stats["news/listing_pages"] == 4
    assert stats["news/pagination/stopped/all_known"] == 3
