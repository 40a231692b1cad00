"""The command line: bad arguments give one clear line, never a traceback; the README's first command works."""

import json

import pytest

from conftest import read_jsonl, run_scrapy


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-a", "since=yesterday"], "since must be a date as YYYY-MM-DD, not 'yesterday'"),
        (["-a", "max_pages=0"], "max_pages must be a whole number of at least 1, not '0'"),
        (["-a", "max_pages=lots"], "max_pages must be a whole number of at least 1, not 'lots'"),
        (["-a", "base_url=127.0.0.1:8355"], "base_url must be an http(s) URL"),
        (["-a", "timezone=Beijing"], "timezone must be a time zone name such as Europe/Berlin, not 'Beijing'"),
        (["-a", "languages=zh_CN"], "languages must be language codes separated by commas such as de,en, not 'zh_CN'"),
    ],
)
def test_bad_spider_arguments_are_one_line_errors(tmp_path, arguments, message):
    result = run_scrapy(["crawl", "demo_county", *arguments], tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "demo_county").exists()


def test_unknown_spider_is_a_one_line_error(tmp_path):
    result = run_scrapy(["crawl", "no_such_site"], tmp_path)
    assert result.returncode == 2
    assert "no spider named 'no_such_site'" in result.stderr
    assert "Traceback" not in result.stderr


def test_list_shows_the_spiders(tmp_path):
    result = run_scrapy(["list"], tmp_path)
    assert result.returncode == 0
    assert "demo_county" in result.stdout.split()


def test_dead_site_ends_cleanly_with_its_errors_counted(tmp_path):
    result = run_scrapy(
        ["crawl", "demo_county", "-a", "base_url=http://127.0.0.1:9", "-s", "RETRY_TIMES=0", "-s", "STATS_FILE=" + str(tmp_path / "s.json")],
        tmp_path,
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert "Could not fetch http://127.0.0.1:9/xzdt/list.html?page=1: Connection was refused" in result.stderr
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["news/fetch_failed/DownloadConnectionRefusedError"] == 3
    assert not (tmp_path / "demo_county").exists()


def test_demo_command_crawls_the_portal_and_summarises(tmp_path):
    fast = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    result = run_scrapy(["demo", *fast], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Articles written: 62" in result.stdout
    assert "Dropped:          duplicate_content 1" in result.stdout
    (feed,) = (tmp_path / "demo_county").glob("*.jsonl")
    assert f"Output:           {feed}" in result.stdout
    assert len(read_jsonl([feed])) == 62
    assert "Health:           healthy" in result.stdout

    again = run_scrapy(["demo", *fast], tmp_path)
    assert "Articles written: 0" in again.stdout
    assert "no new articles, no file written" in again.stdout


def test_demo_command_rejects_arguments(tmp_path):
    result = run_scrapy(["demo", "now"], tmp_path)
    assert result.returncode == 2
    assert "scrapy demo takes no arguments" in result.stderr


def test_settings_come_from_the_environment_and_the_command_line(tmp_path):
    env = {"LOCALNEWS_DOWNLOAD_DELAY": "3", "LOCALNEWS_HEALTH_MIN_COVERAGE": '{"title": 0.5}'}
    from_env = run_scrapy(["settings", "--get", "DOWNLOAD_DELAY"], tmp_path, env=env)
    assert from_env.stdout.strip() == "3"
    decoded = run_scrapy(["settings", "--get", "HEALTH_MIN_COVERAGE"], tmp_path, env=env)
    assert decoded.stdout.strip() == "{'title': 0.5}"
    overridden = run_scrapy(["settings", "--get", "DOWNLOAD_DELAY", "-s", "DOWNLOAD_DELAY=1.5"], tmp_path, env=env)
    assert overridden.stdout.strip() == "1.5"
