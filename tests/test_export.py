"""``scrapy export``: dedup across runs, near-duplicate stories, filters, every format read back, the card.

Most tests build run files by hand (bodies borrowed from the demo portal's
stories) and call ``export_dataset``; the command itself runs for its
one-line errors and for the next-day scenario, a real crawl of the
fixed-calendar 江南日报 test portal on two days.
"""

import copy
import csv
import gzip
import json
import subprocess
import sys
from datetime import date

import pyarrow.parquet as pq
import pytest

from conftest import REPO, run_scrapy
from crawler.dataset.build import ExportError, export_dataset
from crawler.dataset.filters import Filters, parse_filters
from crawler.dataset.inputs import InputTally, read_records, run_files
from crawler.dataset.merge import merge
from crawler.dataset.schema import COLUMNS
from crawler.dataset.stories import fingerprint, group_stories, similarity
from crawler.demo import DemoServer
from crawler.demo.content import load_stories
from crawler.urls import canonical_url, url_id
from pipelines.clean import EMPTY_VALUES
from sites.jiangnan import JiangnanPortal

STORIES = {story.key: story for story in load_stories()}
RUN_1, RUN_2 = "2026-11-24T01:00:00+00:00", "2026-11-25T01:00:00+00:00"
ALL_FORMATS = ["jsonl", "jsonl.gz", "csv", "parquet"]


def body_of(key: str) -> str:
    return "\n\n".join(STORIES[key].paragraphs)


def article(site, url, key, published_at, fetched_at, **fields):
    record = copy.deepcopy(EMPTY_VALUES)
    record.update(id=url_id(url), url=url, canonical_url=canonical_url(url), site=site, site_name=site.upper(),
                  title=STORIES[key].title, body=body_of(key), published_at=published_at, language="zh",
                  fetched_at=fetched_at, content_hash="0" * 40, authors=["王芳"], extracted_by={"title": "selector"})
    record.update(fields)
    return record


def write_run(path, records, torn_tail: str = ""):
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    path.write_text(lines + torn_tail, encoding="utf-8")


A = "https://www.qx.gov.cn/xw/"
B = "https://www.jnnews.cn/yw/"
REPUBLISHED = dict(body="青溪新闻网讯 " + body_of("qxyw04") + "\n\n（来源：江南日报）")


@pytest.fixture
def output(tmp_path):
    """Two runs of county_a (crawl layout) and one crawlall run with province_b."""
    write_run(tmp_path / "county_a" / "2026-11-24T01-00-00+00-00.jsonl", [
        article("county_a", A + "1.html", "qxyw01", "2026-11-23T09:00:00+08:00", RUN_1, source="青溪县融媒体中心"),
        article("county_a", A + "2.html", "qxyw02", "2026-11-24T10:00:00+08:00", RUN_1, source="青溪县融媒体中心"),
        article("county_a", A + "3.html", "qxyw03", "2026-11-24", RUN_1, language="en"),
        article("county_a", A + "4.html", "qxyw05", "2026-11-24T08:00:00+08:00", RUN_1, **REPUBLISHED),
        article("county_a", A + "5.html", "qxyw06", None, RUN_1),
    ], torn_tail='{"id": "torn')
    write_run(tmp_path / "county_a" / "2026-11-25T01-00-00+00-00.jsonl", [
        article("county_a", A + "2.html", "qxyw02", "2026-11-24T10:00:00+08:00", RUN_2, title="更正后的标题"),
        article("county_a", A + "1.html?spm=zm.1&from=hot", "qxyw01", "2026-11-23T09:00:00+08:00", RUN_2),
        article("county_a", A + "6.html", "qxyw07", "2026-11-25T08:00:00+08:00", RUN_2),
    ])
    write_run(tmp_path / "runs" / "20261125T020000Z" / "province_b.jsonl", [
        article("province_b", B + "1.html", "qxyw04", "2026-11-23T07:30:00+08:00", RUN_2, source="江南日报"),
        article("province_b", B + "2.html", "qxyw08", "2026-11-25T07:30:00+08:00", RUN_2, source="江南日报"),
    ])
    write_run(tmp_path / "runs" / "20261125T020000Z" / "province_b.stats.json.jsonl", [])  # empty: nothing new
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "seen.jsonl").write_text("not an article\n")
    return tmp_path


def export(output, formats=("jsonl",), filters=None, folder=None):
    return export_dataset(output, folder or output / "dataset", list(formats), filters or Filters(), threshold=0.5,
                          window_days=7, command="scrapy export (test)")


def rows_of(folder):
    return [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def by_url(rows):
    return {row["canonical_url"]: row for row in rows}


def test_dedup_across_runs_keeps_the_latest_version_and_both_sightings(output):
    result = export(output)
    rows = by_url(rows_of(result.folder))
    assert len(rows) == 8  # 10 good lines, 2 repeats
    assert result.provenance["input_files"] == 4 and result.provenance["bad_lines"] == 1
    assert result.provenance["records"] == 10 and result.provenance["articles"] == 8
    corrected = rows[A + "2.html"]
    assert corrected["title"] == "更正后的标题" and corrected["versions"] == 2
    assert (corrected["first_seen"], corrected["last_seen"], corrected["fetched_at"]) == (RUN_1, RUN_2, RUN_2)
    tracked = rows[A + "1.html"]  # the tracking-parameter link is the same article
    assert tracked["versions"] == 2 and tracked["id"] == url_id(A + "1.html")
    once = rows[A + "6.html"]
    assert (once["versions"], once["first_seen"], once["last_seen"]) == (1, RUN_2, RUN_2)
    assert [list(row) for row in rows.values()] == [list(COLUMNS)] * 8


def test_a_republished_story_is_grouped_across_sites_and_marked_not_dropped(output):
    rows = by_url(rows_of(export(output).folder))
    original, copy_ = rows[B + "1.html"], rows[A + "4.html"]
    assert original["story_id"] == copy_["story_id"] == original["id"]
    assert (original["story_size"], copy_["story_size"]) == (2, 2)
    assert (original["near_duplicate"], copy_["near_duplicate"]) == (False, True)
    others = [row for url, row in rows.items() if url not in (B + "1.html", A + "4.html")]
    assert all(row["story_id"] == row["id"] and row["story_size"] == 1 and not row["near_duplicate"] for row in others)


@pytest.mark.parametrize(
    ("filters", "urls"),
    [
        (parse_filters(site="province_b"), {B + "1.html", B + "2.html"}),
        (parse_filters(since="2026-11-24", until="2026-11-24"), {A + "2.html", A + "3.html", A + "4.html"}),
        (parse_filters(since="2026-11-25"), {A + "6.html", B + "2.html"}),
        (parse_filters(until="2026-11-23"), {A + "1.html", B + "1.html"}),
        (parse_filters(lang="en"), {A + "3.html"}),
        (parse_filters(site="county_a", lang="zh", since="2026-11-24"), {A + "2.html", A + "4.html", A + "6.html"}),
    ],
)
def test_filters(output, filters, urls):
    result = export(output, filters=filters)
    assert set(by_url(rows_of(result.folder))) == urls
    assert result.provenance["filtered_out"] == 8 - len(urls)


def test_a_story_split_by_a_site_filter_is_not_marked_in_what_remains(output):
    rows = by_url(rows_of(export(output, filters=parse_filters(site="county_a")).folder))
    assert rows[A + "4.html"]["story_size"] == 1 and rows[A + "4.html"]["near_duplicate"] is False


def _from_csv(value: str, name: str):
    if value == "":
        return [] if name in ("authors", "editors", "photographers", "tags", "images") else None
    if name in ("authors", "editors", "photographers", "tags", "images", "extracted_by"):
        return json.loads(value)
    if name in ("versions", "story_size"):
        return int(value)
    if name == "near_duplicate":
        return {"true": True, "false": False}[value]
    return value


def test_every_format_reads_back_the_same_records(output):
    folder = export(output, formats=ALL_FORMATS).folder
    expected = rows_of(folder)
    with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        assert [json.loads(line) for line in lines] == expected
    with (folder / "articles.csv").open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames) == COLUMNS
        assert [{name: _from_csv(value, name) for name, value in row.items()} for row in reader] == expected
    table = pq.read_table(folder / "articles.parquet")
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("images").type) == "list<element: struct<url: string, caption: string>>"
    parquet_rows = table.to_pylist()
    for row in parquet_rows:
        row["extracted_by"] = dict(row["extracted_by"])  # a Parquet map reads back as key/value pairs
    assert parquet_rows == expected


def test_an_export_elsewhere_is_not_read_back_as_a_crawl(output):
    export(output, folder=output / "dataset_2025")
    result = export(output)
    assert result.provenance["input_files"] == 4 and result.provenance["records"] == 10


def test_exporting_again_with_fewer_formats_removes_the_others(output):
    export(output, formats=ALL_FORMATS)
    folder = export(output, formats=["csv"]).folder
    assert sorted(path.name for path in folder.iterdir()) == ["README.md", "articles.csv", "report.html"]


def test_the_dataset_card_describes_counts_coverage_schema_and_making(output):
    result = export(output, formats=["jsonl", "parquet"])
    card = (result.folder / "README.md").read_text(encoding="utf-8")
    assert "8 articles from 2 sites, published 2026-11-23 to 2026-11-25." in card
    assert "| `articles.jsonl` | 8 |" in card and "| `articles.parquet` | 8 |" in card
    assert "| `county_a` | COUNTY_A | 6 | 75.0% |" in card
    assert "| day | articles | county_a | province_b |" in card
    assert "| 2026-11-24 | 3 | 3 | 0 |" in card and "| unknown | 1 | 1 | 0 |" in card
    assert "| `published_at` | 87.5% |" in card
    assert "| `source` | 25.0% |" in card  # the latest versions of county_a's articles lost theirs
    assert "- Command: `scrapy export (test)`" in card
    assert "4 run files" in card and "1 unreadable lines skipped" in card and "10 records → 8 articles" in card
    assert "| 江南省公布首批未来乡村建设名单 青溪两村入选 | 2 | county_a, province_b |" in card
    # Column meanings come from docs/fields.md; the export's own columns explain themselves.
    assert "| `canonical_url` | string | The article's one URL:" in card
    assert "| `near_duplicate` | boolean | True when an earlier article of the same story exists" in card
    assert "| `images` | list<{url, caption}> |" in card


def test_the_html_report_has_its_charts_inline_and_loads_nothing(output):
    report = (export(output).folder / "report.html").read_text(encoding="utf-8")
    assert report.count("<svg ") == 3
    assert "<script" not in report and "src=" not in report and "href=" not in report and "@import" not in report
    assert "Articles per day and site" in report and "Field coverage per site" in report and "Top sources" in report
    assert "<title>2026-11-24 county_a: 3</title>" in report  # one bar segment
    assert ">江南日报</text>" in report and "青溪县融媒体中心" not in report  # top sources, latest versions


def test_no_crawl_output_and_unknown_sites_are_one_line_errors(tmp_path, output):
    with pytest.raises(ExportError, match="^no crawl output under .*: run scrapy crawl or scrapy crawlall first$"):
        export(tmp_path / "empty")
    unknown = "^no articles from site 'county_c' under .*; sites found: county_a, province_b$"
    with pytest.raises(ExportError, match=unknown):
        export(output, filters=parse_filters(site="county_c,county_a"))


def test_fingerprints_are_stable_and_tell_copies_from_other_stories():
    assert fingerprint(body_of("qxyw04")) == fingerprint(" ".join(body_of("qxyw04").split("\n")))
    assert similarity(fingerprint(REPUBLISHED["body"]), fingerprint(body_of("qxyw04"))) > 0.8
    assert similarity(fingerprint(body_of("qxyw01")), fingerprint(body_of("qxyw02"))) < 0.1
    assert fingerprint("太短") == frozenset()


def test_copies_published_far_apart_are_separate_stories(output):
    entries = merge(read_records(run_files(output, output / "dataset"), InputTally()))
    copy_ = next(entry for entry in entries if entry.id == url_id(A + "4.html"))
    assert group_stories(entries, 0.5, 7)[copy_.id][1] == 2
    copy_.published_at = "2026-12-20T08:00:00+08:00"  # four weeks later: outside the window
    assert group_stories(entries, 0.5, 7)[copy_.id] == (copy_.id, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "jsonl,xls"], "unknown format 'xls'; choose from jsonl, jsonl.gz, csv, parquet"),
        (["--since", "yesterday"], "--since must be a date as YYYY-MM-DD, not 'yesterday'"),
        (["--since", "2026-11-25", "--until", "2026-11-01"], "--since 2026-11-25 is after --until 2026-11-01"),
        (["--site", "county_c"], "no articles from site 'county_c' under"),
        (["extra"], "export takes no positional arguments, got extra"),
    ],
)
def test_bad_arguments_stop_with_one_line(output, args, message):
    result = run_scrapy(["export", *args], output)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]


def test_the_command_writes_the_dataset_and_says_so(output):
    result = run_scrapy(["export", "--format", "jsonl,csv", "--output", str(output / "out")], output)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Dataset: 8 articles from 2 sites; stories told by more than one article: 1 (1 later copies marked"
        " near_duplicate)",
        f"Written: articles.jsonl, articles.csv, README.md, report.html in {output / 'out'}",
    ]
    assert "- Command: `scrapy export --format jsonl,csv --output" in (output / "out" / "README.md").read_text()


# --- the next day: a real incremental crawl adds only the new articles ---


def crawlall(output, jiangnan_url):
    command = [sys.executable, "-m", "scrapy", "crawlall", "--sites", "jiangnan_daily",
               "-a", f"base_url={jiangnan_url}", "-s", "SPIDER_MODULES=crawler.spiders,tests.sites.spiders",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", f"OUTPUT_DIR={output}"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_next_days_run_adds_only_new_articles_to_the_dataset(tmp_path):
    day_1, day_2 = JiangnanPortal(date(2026, 11, 25)), JiangnanPortal(date(2026, 11, 26))
    with DemoServer(day_1) as server:
        port = server.port
        crawlall(tmp_path, server.base_url)
    first = {row["url"]: row for row in rows_of(export(tmp_path).folder)}
    with DemoServer(day_2, port=port) as server:  # the same site, one day on
        crawlall(tmp_path, server.base_url)
    second = {row["url"]: row for row in rows_of(export(tmp_path).folder)}

    run_1, run_2 = sorted((tmp_path / "runs").iterdir())
    new_paths = {story.path for story in day_2.stories} - {story.path for story in day_1.stories}
    assert len(first) == len(day_1.stories) == 11 and len(new_paths) == 3
    crawled_again = [json.loads(line)["url"] for line in (run_2 / "jiangnan_daily.jsonl").read_text().splitlines()]
    assert sorted(crawled_again) == sorted(f"http://127.0.0.1:{port}{path}" for path in new_paths)
    assert set(second) == set(first) | set(crawled_again)
    assert all(second[url] == row for url, row in first.items())  # yesterday's articles are untouched
    summary = json.loads((run_2 / "summary.json").read_text())["sites"]["jiangnan_daily"]
    assert summary["status"] == "healthy" and summary["articles_new"] == 3 and summary["articles_known"] > 0
    assert json.loads((run_1 / "summary.json").read_text())["sites"]["jiangnan_daily"]["articles_new"] == 11
