"""End to end: crawl the demo portal over real HTTP on 127.0.0.1 and check every article, field by field."""

from datetime import date

import fastjsonschema
import pytest

from crawler.items import ARTICLE_FIELDS, ARTICLE_SCHEMA

from demo_crawl import FIELDS, crawl, path_of, start_portal, truth_by_path, written

validate = fastjsonschema.compile(ARTICLE_SCHEMA)


@pytest.fixture(scope="module")
def server():
    server = start_portal()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def first_run(server, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    stats = crawl(server, out)
    return out, stats, written(out)


def test_every_article_is_written_exactly_once(server, first_run):
    _, _, items = first_run
    truth = truth_by_path(server.portal)
    found = [truth[path_of(item["url"])]["path"] for item in items]
    assert sorted(found) == sorted(article["path"] for article in server.portal.expected_articles())
    assert len({item["id"] for item in items}) == len(items) == 62


def test_every_field_of_every_article_is_right(server, first_run):
    _, _, items = first_run
    truth = truth_by_path(server.portal)
    base = server.base_url
    for item in items:
        expected = truth[path_of(item["url"])]
        for field in FIELDS:
            if field == "section" and path_of(item["url"]) != expected["path"]:
                continue  # the republished copy belongs to the other section
            assert item[field] == expected[field], (item["url"], field)
        assert item["images"] == [{"url": base + image["path"], "caption": image["caption"]} for image in expected["images"]]
        assert item["canonical_url"] == base + path_of(item["url"])
        assert item["listing_url"] in [base + path for path in expected["listing_paths"]]


def test_records_are_complete_typed_and_provenanced(server, first_run):
    _, _, items = first_run
    for item in items:
        assert list(item) == list(ARTICLE_FIELDS)
        validate(item)
        assert item["site"] == "demo_county" and item["site_name"] == "青溪新闻网" and item["language"] == "zh"
        assert item["extracted_by"]["title"] == "selector"
        assert item["extracted_by"]["body"] == "selector"


def test_tracking_variant_and_republished_copy_are_deduplicated(server, first_run):
    _, stats, items = first_run
    assert not any("spm=" in item["url"] or "from=" in item["url"] for item in items)
    assert stats["news/dropped/duplicate_content"] == 1
    assert stats["downloader/response_status_count/404"] == 1
    assert stats["news/fetch_failed/http_404"] == 1
    assert stats.get("news/dropped/invalid", 0) == 0


def test_gbk_section_is_decoded(server, first_run):
    _, stats, items = first_run
    gbk = [item for item in items if "/msgz/" in item["url"]]
    assert gbk and all("\ufffd" not in item["body"] + item["title"] for item in gbk)
    assert stats["news/charset_fixed/utf-8->gb18030"] >= len(gbk)


def test_second_run_writes_nothing_and_fetches_no_article(server, first_run):
    out, _, items = first_run
    stats = crawl(server, out, stats_name="stats2.json")
    assert written(out) == items  # still one file with the first run's lines
    assert stats.get("item_scraped_count", 0) == 0
    assert stats["news/pagination/stopped/all_known"] == 3
    assert stats["news/listing_pages"] == 3
    assert stats["response_received_count"] == 3 + 1  # the first listing page of each section, and robots.txt


def test_since_skips_older_articles(server, tmp_path):
    days = sorted(article["published_at"][:10] for article in server.portal.expected_articles())
    since = days[len(days) // 2]
    stats = crawl(server, tmp_path, "-a", f"since={since}")
    items = written(tmp_path)
    newer = {a["path"] for a in server.portal.expected_articles() if a["published_at"][:10] >= since}
    truth = truth_by_path(server.portal)
    assert {truth[path_of(item["url"])]["path"] for item in items} == newer
    assert all(item["published_at"][:10] >= since for item in items)
    assert stats["news/listing/older_than_since"] > 0
    assert date.fromisoformat(since)
