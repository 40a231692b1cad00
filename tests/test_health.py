"""Site health at close: figures, problems, the layout-change alarm, the history, a real crawl."""

import json
from datetime import date

import pytest
from scrapy import signals

from conftest import make_article, project_crawler, run_scrapy
from crawler.demo import DemoServer
from crawler.extensions.health import SiteHealth
from crawler.health.checks import Thresholds, assess, figures
from crawler.health.history import HealthHistory, baseline
from pipelines.drops import ArticleDropped
from sites.jiangnan import JiangnanPortal
from sites.spiders.jiangnan_daily import JiangnanDailySpider

FIELDS = ("title", "published_at", "body", "authors", "source", "section")
TEST_SPIDERS = "SPIDER_MODULES=crawler.spiders,tests.sites.spiders"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", TEST_SPIDERS]


@pytest.fixture
def thresholds(tmp_path):
    return Thresholds.from_crawler(project_crawler(tmp_path))


def good_stats(**changes):
    stats = {
        "item_scraped_count": 20,
        "news/listing/known": 0,
        "news/coverage/articles": 20,
        "news/coverage/title": 20,
        "news/coverage/published_at": 20,
        "news/coverage/body": 20,
        "news/coverage/authors": 15,
        "news/coverage/source": 20,
        "news/coverage/section": 20,
        "response_received_count": 25,
        "downloader/request_count": 26,
        "downloader/response_count": 26,
        "downloader/response_status_count/200": 25,
        "downloader/response_status_count/404": 1,
        "robotstxt/request_count": 1,
        "robotstxt/response_count": 1,
        "robotstxt/response_status_count/404": 1,
    }
    stats.update(changes)
    return stats


def test_figures_from_stats_leave_robots_txt_out_of_the_rates():
    facts = figures(good_stats(**{"downloader/response_status_count/500": 5, "downloader/response_count": 31,
                                  "log_count/ERROR": 2}), "finished", FIELDS)
    assert facts["articles_new"] == 20 and facts["articles_extracted"] == 20 and facts["pages"] == 25
    assert facts["coverage"] == {"title": 1.0, "published_at": 1.0, "body": 1.0, "authors": 0.75, "source": 1.0,
                                 "section": 1.0}
    assert facts["http_error_rate"] == round(5 / 30, 3)  # the robots.txt 404 is not the site's fault
    assert facts["errors"] == 2 and facts["error_rate"] == round(2 / 25, 3)


def test_a_good_run_is_healthy(thresholds):
    assert tuple(thresholds.min_coverage) == FIELDS
    health = assess(figures(good_stats(), "finished", FIELDS), thresholds, {})
    assert health["healthy"] is True and health["problems"] == [] and health["layout_alarms"] == []


@pytest.mark.parametrize(
    ("changes", "reason", "problem"),
    [
        ({}, "shutdown", "finished with 'shutdown', not 'finished'"),
        ({"item_scraped_count": 0, "news/coverage/articles": 0}, "finished",
         "0 new and 0 already known articles, fewer than the site's minimum of 1"),
        ({"news/coverage/published_at": 10}, "finished", "published_at found on 50% of articles, below 90%"),
        ({"news/coverage/title": 17}, "finished", "title found on 85% of articles, below 95%"),
        ({"downloader/response_status_count/503": 10, "downloader/response_count": 36}, "finished",
         "29% of responses were HTTP 4xx/5xx (limit 20%)"),
        ({"log_count/ERROR": 3}, "finished", "3 errors logged, 12% of requests (limit 5%)"),
    ],
)
def test_each_problem_is_named_in_one_sentence(thresholds, changes, reason, problem):
    health = assess(figures(good_stats(**changes), reason, FIELDS), thresholds, {})
    assert health["healthy"] is False
    assert health["problems"] == [problem]


def test_a_quiet_day_with_only_known_articles_is_healthy(thresholds):
    quiet = good_stats(**{"item_scraped_count": 0, "news/listing/known": 12, "news/coverage/articles": 0})
    health = assess(figures(quiet, "finished", FIELDS), thresholds, {"authors": 1.0})
    assert health["healthy"] is True and health["coverage"] == {}


def test_coverage_is_not_judged_on_fewer_articles_than_the_sample(thresholds):
    few = {"item_scraped_count": 3, "news/coverage/articles": 3, "news/coverage/title": 3, "news/coverage/body": 3,
           "news/coverage/published_at": 0}
    health = assess(figures(good_stats(**few), "finished", FIELDS), thresholds, {"published_at": 1.0})
    assert health["coverage"]["published_at"] == 0.0
    assert health["healthy"] is True


def test_layout_alarm_when_coverage_drops_against_the_sites_usual(thresholds):
    dropped = good_stats(**{"news/coverage/authors": 9})  # 45%: above the 30% minimum
    health = assess(figures(dropped, "finished", FIELDS), thresholds, {"authors": 0.95, "title": 1.0})
    assert health["layout_alarms"] == ["authors"]
    assert health["problems"] == ["layout change? authors found on 45% of articles, 95% in this site's previous runs"]
    small_dip = assess(figures(good_stats(**{"news/coverage/authors": 15}), "finished", FIELDS), thresholds,
                       {"authors": 0.95})
    assert small_dip["healthy"] is True  # 75% against 95%: within the allowed drop of 25 points


def test_thresholds_come_from_settings_and_the_spiders_minimum(tmp_path):
    crawler = project_crawler(tmp_path, spidercls=JiangnanDailySpider, settings={"HEALTH_MAX_ERROR_RATE": 0.5})
    thresholds = Thresholds.from_crawler(crawler)
    assert thresholds.min_articles == 3  # JiangnanDailySpider.min_articles
    assert Thresholds.from_crawler(project_crawler(tmp_path)).min_articles == 1  # HEALTH_MIN_ARTICLES
    assert thresholds.max_error_rate == 0.5
    assert thresholds.min_coverage["published_at"] == 0.9


def test_baseline_is_the_median_of_the_last_runs_big_enough_to_judge():
    runs = [{"articles_extracted": 30, "coverage": {"authors": share}} for share in (0.1, 0.9, 0.8, 1.0, 0.2, 0.95)]
    runs.insert(3, {"articles_extracted": 2, "coverage": {"authors": 0.0}})
    assert baseline(runs, ("authors", "title"), min_sample=5, runs=5) == {"authors": 0.9}
    assert baseline([], ("authors",), min_sample=5, runs=5) == {}


def test_history_appends_one_line_per_run_and_skips_a_torn_line(tmp_path):
    history = HealthHistory.for_site(str(tmp_path), "demo_county")
    history.append({"articles_extracted": 5, "coverage": {"title": 1.0}})
    with history.path.open("a", encoding="utf-8") as file:
        file.write('{"articles_extr')
    assert history.path == tmp_path / "state" / "health" / "demo_county.jsonl"
    assert history.records() == [{"articles_extracted": 5, "coverage": {"title": 1.0}}]


def _close(crawler):
    crawler.get_extension(SiteHealth).spider_closed(crawler.spider, "finished")
    return crawler.stats.get_value("health")


def test_the_extension_counts_fields_and_writes_health_and_history(tmp_path):
    crawler = project_crawler(tmp_path)
    for n in range(6):
        item = make_article(published_at="2026-11-25T09:32:10+08:00", authors=["王芳"] if n % 2 else [])
        crawler.signals.send_catch_log(signals.item_scraped, item=item, response=None, spider=crawler.spider)
    invalid = make_article(title=None, body=None, authors=[])
    crawler.signals.send_catch_log(signals.item_dropped, item=invalid, response=None, spider=crawler.spider,
                                   exception=ArticleDropped("invalid", "no title"))
    duplicate = make_article()
    crawler.signals.send_catch_log(signals.item_dropped, item=duplicate, response=None, spider=crawler.spider,
                                   exception=ArticleDropped("duplicate_url", "seen"))
    crawler.stats.set_value("item_scraped_count", 6)
    assert crawler.stats.get_value("news/coverage/articles") == 7  # the duplicate does not count
    health = _close(crawler)
    assert health["coverage"]["title"] == round(6 / 7, 3)
    assert health["coverage"]["authors"] == round(3 / 7, 3)
    assert "title found on 86% of articles, below 95%" in health["problems"]
    history = HealthHistory.for_site(str(tmp_path), "example").records()
    assert len(history) == 1 and history[0]["coverage"] == health["coverage"] and history[0]["healthy"] is False


def _crawl(tmp_path, base_url, *extra):
    stats_file = tmp_path / "stats.json"
    result = run_scrapy(["crawl", "jiangnan_daily", "-a", f"base_url={base_url}", *FAST,
                         "-s", f"STATS_FILE={stats_file}", *extra], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(stats_file.read_text(encoding="utf-8"))["health"]


def test_a_redesign_that_loses_bylines_raises_the_layout_alarm(tmp_path):
    with DemoServer(JiangnanPortal(date(2026, 11, 25))) as server:
        before = _crawl(tmp_path, server.base_url)
    assert before["healthy"] is True and before["articles_new"] == 11 and before["coverage"]["authors"] == 1.0
    with DemoServer(JiangnanPortal(date(2026, 11, 25), redesigned=True)) as server:
        # A fresh seen-store: the articles are crawled again, in their new layout.
        after = _crawl(tmp_path, server.base_url, "-s", f"SEEN_STORE_URI={tmp_path / 'recrawl.sqlite'}")
    assert after["baseline"]["authors"] == 1.0
    assert 0.3 <= after["coverage"]["authors"] < 0.75  # above the fixed minimum: only the alarm sees it
    assert after["layout_alarms"] == ["authors"]
    assert after["healthy"] is False
    assert len(HealthHistory.for_site(str(tmp_path), "jiangnan_daily").records()) == 2
