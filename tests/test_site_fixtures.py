"""One test for every site: its spider on its saved pages must give exactly ``expected.json``.

Each ``tests/fixtures/<spider>/`` folder holds saved pages, ``meta.json`` and
``expected.json`` (see ``crawler.offline``). A new site needs no new test
code: add the folder.
"""

import json
from pathlib import Path

import fastjsonschema
import pytest
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.items import ARTICLE_SCHEMA
from crawler.offline import article_record, listing_result, load_fixture
from crawler.settings import SPIDER_MODULES

from conftest import project_crawler

FIXTURES = Path(__file__).parent / "fixtures"
SITES = sorted(p.name for p in FIXTURES.iterdir() if (p / "meta.json").exists())
validate = fastjsonschema.compile(ARTICLE_SCHEMA)
spiders = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": SPIDER_MODULES}))


def site_pages(site):
    folder = FIXTURES / site
    meta, pages = load_fixture(folder)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if not expected.get("_reviewed"):
        pytest.fail(
            f"tests/fixtures/{site}/expected.json has not been reviewed: check every value against the saved pages "
            f"(`scrapy checksite {site}` shows each value and the rule behind it), fix the spider or the values, "
            'then set "_reviewed": true.'
        )
    return meta, pages, expected


@pytest.mark.parametrize("site", SITES)
def test_listing_pages(site, tmp_path):
    meta, pages, expected = site_pages(site)
    spider = project_crawler(tmp_path, spiders.load(meta["spider"])).spider
    listings = [page for page in pages if page.kind == "listing"]
    assert listings, f"{site} has no saved listing page"
    for page in listings:
        assert listing_result(spider, page) == expected["listings"][page.file], page.file


@pytest.mark.parametrize("site", SITES)
def test_article_pages(site, tmp_path):
    meta, pages, expected = site_pages(site)
    crawler = project_crawler(tmp_path, spiders.load(meta["spider"]))
    articles = [page for page in pages if page.kind == "article"]
    assert articles, f"{site} has no saved article page"
    for page in articles:
        record = article_record(crawler, page, meta["fetched_at"])
        validate(record)
        assert record["title"] and record["body"] and record["published_at"], page.file
        want = expected["articles"][page.file]
        for field, value in want.items():
            assert record[field] == value, (page.file, field)
