"""``scrapy crawlall``: sites in parallel, a broken and a hung site, the run lock, the run folder.

The crawls are real: the demo portal and the test-only 江南日报 portal
(tests/sites) served on 127.0.0.1, each site a ``scrapy crawl`` process.
"""

import io
import json
import os
import subprocess
import sys
import time
from datetime import date, datetime

import pytest

from conftest import REPO, run_scrapy
from crawler.demo import DemoPortal, DemoServer
from crawler.demo.portal import CST
from crawler.runs.child import SiteFiles
from crawler.runs.lock import RunLock, RunLocked
from crawler.runs.outcome import Outcome
from crawler.runs.processes import SiteRun
from crawler.runs.progress import LiveProgress, LogTail
from crawler.runs.sites import Site, SitesError, choose_sites, read_sites_file
from crawler.runs.summary import summary_table
from sites.jiangnan import JiangnanPortal

ANCHOR = datetime(2026, 11, 25, 15, 40, tzinfo=CST)
DAY = date(2026, 11, 25)
TEST_SETTINGS = ["-s", "SPIDER_MODULES=crawler.spiders,tests.sites.spiders", "-s", "DOWNLOAD_DELAY=0",
                 "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CRAWLALL_KILL_GRACE=1"]


def crawlall_args(output_dir, *args) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawlall", *args, *TEST_SETTINGS, "-s", f"OUTPUT_DIR={output_dir}"]


def sites_file(path, demo_url: str, jiangnan_url: str):
    path.write_text(f"""
[demo_county]
args = {{ base_url = "{demo_url}" }}

[jiangnan_daily]
args = {{ base_url = "{jiangnan_url}" }}

[stalled_site]
args = {{ base_url = "{jiangnan_url}" }}
timeout = 2
""", encoding="utf-8")
    return path


def only_run_folder(output_dir):
    (folder,) = (output_dir / "runs").iterdir()
    return folder


@pytest.fixture(scope="module")
def demo_portal():
    return DemoPortal(ANCHOR)


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory, demo_portal):
    """One run over three sites (healthy, broken section, hung), and a second run tried while it goes."""
    output = tmp_path_factory.mktemp("broken_run")
    with DemoServer(demo_portal) as demo, DemoServer(JiangnanPortal(DAY, broken_section=True)) as jiangnan:
        sites = sites_file(output / "sites.toml", demo.base_url, jiangnan.base_url)
        first = subprocess.Popen(crawlall_args(output, "--sites-file", str(sites)), cwd=REPO, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        lock = output / "state" / "crawlall.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        second = subprocess.run(crawlall_args(output, "--sites-file", str(sites)), cwd=REPO, text=True,
                                capture_output=True, timeout=120)
        first_still_running = first.poll() is None
        stdout, stderr = first.communicate(timeout=180)
    return {"output": output, "first": first, "stdout": stdout, "stderr": stderr, "second": second,
            "first_still_running": first_still_running}


def test_a_second_run_is_refused_while_the_first_holds_the_lock(broken_run):
    second = broken_run["second"]
    assert broken_run["first_still_running"]
    assert second.returncode == 3
    (line,) = second.stderr.strip().splitlines()
    assert line.startswith("crawlall: another crawlall run is in progress: run ")
    assert f"pid {broken_run['first'].pid}," in line
    assert len(list((broken_run["output"] / "runs").iterdir())) == 1  # the refused run made no folder


def test_the_run_is_unhealthy_yet_every_other_site_completes(broken_run, demo_portal):
    assert broken_run["first"].returncode == 1, broken_run["stderr"][-2000:]
    summary = json.loads((only_run_folder(broken_run["output"]) / "summary.json").read_text(encoding="utf-8"))
    sites = summary["sites"]
    assert summary["exit_status"] == 1 and summary["healthy"] is False
    assert sites["demo_county"]["status"] == "healthy"
    assert sites["demo_county"]["articles_new"] == len(demo_portal.expected_articles()) == 62
    assert sites["jiangnan_daily"]["status"] == "unhealthy"
    assert sites["jiangnan_daily"]["articles_new"] == 7  # 要闻 only: every 财经 article answered 503
    assert "55% of responses were HTTP 4xx/5xx (limit 20%)" in sites["jiangnan_daily"]["problems"]
    assert sites["stalled_site"]["status"] == "timeout"
    assert sites["stalled_site"]["problems"][0] == "time limit of 2s reached"


def test_each_site_leaves_its_articles_stats_and_log_in_the_run_folder(broken_run):
    folder = only_run_folder(broken_run["output"])
    demo_lines = (folder / "demo_county.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(demo_lines) == 62 and {json.loads(line)["site"] for line in demo_lines} == {"demo_county"}
    jiangnan = [json.loads(line) for line in (folder / "jiangnan_daily.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {article["section"] for article in jiangnan} == {"要闻"}
    stats = json.loads((folder / "jiangnan_daily.stats.json").read_text(encoding="utf-8"))
    assert stats["item_scraped_count"] == 7 and stats["health"]["healthy"] is False
    assert stats["downloader/response_status_count/503"] == 12  # 4 articles, each tried 3 times
    assert "Spider closed (finished)" in (folder / "demo_county.log").read_text(encoding="utf-8")
    assert (folder / "stalled_site.log").exists() and not (folder / "stalled_site.stats.json").exists()
    # The seen-store and the health history stay shared, outside the run folder.
    output = broken_run["output"]
    assert (output / "state" / "seen.sqlite").exists() and not (folder / "state").exists()
    assert (output / "state" / "health" / "demo_county.jsonl").exists()
    assert (output / "state" / "crawlall.lock").read_text() == ""  # released


def test_plain_output_has_one_line_per_event_and_the_summary_table(broken_run):
    stdout = broken_run["stdout"]
    assert "\r" not in stdout and "\x1b" not in stdout  # not a terminal: no live status line
    assert "demo_county started (pid " in stdout
    assert "jiangnan_daily unhealthy in " in stdout
    table = stdout[stdout.index("\nsite ") + 1:].splitlines()
    assert table[0].split()[:4] == ["site", "result", "new", "known"]
    rows = {line.split()[0]: line.split() for line in table[1:4]}
    assert rows["demo_county"][1:3] == ["healthy", "62"]
    assert rows["jiangnan_daily"][1:3] == ["UNHEALTHY", "7"]
    assert rows["stalled_site"][1] == "TIMEOUT"
    assert table[4].startswith("Run ") and "1 of 3 sites healthy" in table[4]


def test_a_stale_lock_from_a_dead_run_is_recovered(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = tmp_path / "state" / "crawlall.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": dead.pid, "run_id": "20261124T040000Z", "started": "2026-11-24T04:00:00+00:00"}))
    with DemoServer(JiangnanPortal(DAY)) as jiangnan:
        args = crawlall_args(tmp_path, "--sites", "jiangnan_daily", "-a", f"base_url={jiangnan.base_url}")
        result = subprocess.run(args, cwd=REPO, text=True, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    recovered = f"recovered the lock of run 20261124T040000Z (pid {dead.pid}), which ended without releasing it"
    assert recovered in result.stdout
    assert "1 of 1 sites healthy" in result.stdout
    assert lock.read_text() == ""


def test_sigterm_stops_the_running_sites_and_starts_no_more(tmp_path):
    with DemoServer(JiangnanPortal(DAY)) as jiangnan:
        args = crawlall_args(tmp_path, "--sites", "stalled_site,jiangnan_daily", "-a", f"base_url={jiangnan.base_url}",
                             "-s", "CRAWLALL_PROCESSES=1")
        run = subprocess.Popen(args, cwd=REPO, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started = next(line for line in run.stdout if "stalled_site started (pid " in line)
        child = int(started.rsplit("pid ", 1)[1].rstrip(")\n"))
        run.terminate()
        stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "Run " in stdout and "0 of 2 sites healthy (interrupted)" in stdout
    sites = json.loads((only_run_folder(tmp_path) / "summary.json").read_text(encoding="utf-8"))["sites"]
    assert sites["stalled_site"]["status"] == sites["jiangnan_daily"]["status"] == "interrupted"
    assert sites["jiangnan_daily"]["problems"] == ["not started: the run was interrupted"]
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # the site's process was stopped and reaped, not left behind
    assert (tmp_path / "state" / "crawlall.lock").read_text() == ""


def test_dry_run_shows_each_sites_command(tmp_path):
    result = run_scrapy(["crawlall", "--dry-run", "--sites", "demo_county", "-a", "base_url=http://127.0.0.1:9",
                         "-a", "max_pages=2", "-s", "DOWNLOAD_DELAY=0"], tmp_path)
    assert result.returncode == 0, result.stderr
    (command,) = result.stdout.strip().splitlines()
    assert " crawl demo_county -a base_url=http://127.0.0.1:9 -a max_pages=2 -s DOWNLOAD_DELAY=0 " in command
    assert f"SEEN_STORE_URI={tmp_path}/state/seen.sqlite" in command
    assert f"{tmp_path}/runs/" in command and "demo_county.jsonl" in command and "CLOSESPIDER_TIMEOUT=3600" in command
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(
    ("args", "sites_toml", "message"),
    [
        (["--sites", "demo_county,nope"], None, "no spider named 'nope'; `scrapy list` shows them"),
        (["--sites", "demo_county", "-a", "max_pages=lots"], None,
         "demo_county: max_pages must be a whole number of at least 1, not 'lots'"),
        ([], "[demo_county]\nargs = 3\n", "[demo_county] args must be a table"),
        ([], "[demo_county]\nbase_url = 'http://127.0.0.1:9'\n", "[demo_county] has unknown key 'base_url'"),
        ([], "[demo_county\n", "is not valid TOML"),
        (["demo_county"], None, "crawlall takes no site names as arguments; use --sites demo_county"),
    ],
)
def test_bad_arguments_stop_with_one_line(tmp_path, args, sites_toml, message):
    if sites_toml is not None:
        (tmp_path / "sites.toml").write_text(sites_toml, encoding="utf-8")
        args = [*args, "--sites-file", str(tmp_path / "sites.toml")]
    result = run_scrapy(["crawlall", *args], tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]  # Scrapy prints the usage line above it


# --- the parts, in process ---


def test_sites_file_gives_each_site_its_arguments_settings_and_time_limit(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[a]\nargs = { max_pages = 2, base_url = "http://x" }\nsettings = { DOWNLOAD_DELAY = 1.5 }\n'
                    'timeout = 60\n[b]\nenabled = false\n[c]\n', encoding="utf-8")
    configured = read_sites_file(str(path))
    every = dict.fromkeys("abcd", True)
    sites = choose_sites(every, [], configured, default_timeout=3600,
                         common_args={"since": "2026-11-01"})
    assert sites == [
        Site("a", 60.0, {"max_pages": "2", "base_url": "http://x", "since": "2026-11-01"}, {"DOWNLOAD_DELAY": "1.5"}),
        Site("c", 3600.0, {"since": "2026-11-01"}, {}),
    ]
    named = choose_sites(every, ["d", "b"], configured, default_timeout=10, common_args={})
    assert [site.name for site in named] == ["d", "b"]
    assert [site.name for site in choose_sites({"b": True, "a": True}, [], {}, default_timeout=10, common_args={})] == ["a", "b"]
    with pytest.raises(SitesError, match="every site in the sites file is disabled"):
        choose_sites({"b": True}, [], {"b": {"enabled": False}}, default_timeout=10, common_args={})


def test_a_plain_crawlall_leaves_out_spiders_that_need_to_be_named():
    spiders = {"demo_county": True, "generic": False}
    assert [site.name for site in choose_sites(spiders, [], {}, default_timeout=10, common_args={})] == ["demo_county"]
    named = choose_sites(spiders, ["generic"], {}, default_timeout=10, common_args={"start_url": "http://x/"})
    assert [site.name for site in named] == ["generic"]


def test_the_project_spiders_that_a_plain_crawlall_runs():
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawler.runs.sites import site_spiders
    from crawler.settings import SPIDER_MODULES

    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": SPIDER_MODULES}))
    examples = ("dedecms", "discuz", "epaper", "hanweb", "people", "phpcms", "trs", "zjol")  # fictional CMS family sites
    assert site_spiders(loader) == {"demo_county": True, "generic": False, **{f"example_{e}": False for e in examples}}


def test_the_lock_refuses_a_second_holder_and_reports_a_dead_ones_record(tmp_path):
    first, second = RunLock.for_output(str(tmp_path)), RunLock.for_output(str(tmp_path))
    assert first.acquire("run-1") is None
    with pytest.raises(RunLocked, match=f"run run-1, pid {os.getpid()}, started "):
        second.acquire("run-2")
    first._fd, fd = None, first._fd  # the holder dies without releasing: its record stays
    os.close(fd)
    assert second.acquire("run-2")["run_id"] == "run-1"
    second.release()
    assert RunLock.for_output(str(tmp_path)).acquire("run-3") is None


def test_log_tail_follows_scrapys_logstats_lines(tmp_path):
    log = tmp_path / "site.log"
    log.write_text("INFO: Crawled 3 pages (at 3 pages/min), scraped 1 items (at 1 items/min)\n")
    tail = LogTail(log)
    tail.update()
    assert (tail.pages, tail.items) == (3, 1)
    with log.open("a") as file:
        file.write("INFO: Crawled 40 pages (at 37 pages/min), scraped 22 items (at 21 items/min)\nINFO: Crawled 41 p")
    tail.update()
    assert (tail.pages, tail.items) == (40, 22)


def test_live_progress_redraws_one_status_line(tmp_path):
    stream = io.StringIO()
    progress = LiveProgress(stream, "run-1", total=2)
    run = SiteRun(Site("demo_county", 10.0), SiteFiles.in_run(tmp_path, "demo_county"), [])
    run.files.log.write_text("INFO: Crawled 12 pages (at 12 pages/min), scraped 5 items (at 5 items/min)\n")
    progress.tails["demo_county"] = LogTail(run.files.log)
    progress.tick()
    progress.event("jiangnan_daily healthy")
    assert stream.getvalue().startswith("\r\x1b[K0/2 sites done, 1 running; 12 pages, 5 new articles, ")
    assert stream.getvalue().endswith("\r\x1b[Kjiangnan_daily healthy\n" + progress.line)
    assert progress.status().endswith("| demo_county 12p/5a")


def test_summary_table_lines_up_and_keeps_problems_whole():
    outcomes = [
        Outcome("demo_county", "healthy", 3.2, {"articles_new": 62, "articles_known": 0, "pages": 73,
                                                "http_error_rate": 0.014}),
        Outcome("jiangnan_daily", "unhealthy", 1.0, {"articles_new": 7, "articles_known": 0, "pages": 15,
                                                     "http_error_rate": 0.545}, ["a; b", "c"]),
    ]
    assert summary_table(outcomes).splitlines() == [
        "site            result     new  known  pages  http err  time  problems",
        "demo_county     healthy     62      0     73        1%    3s  -",
        "jiangnan_daily  UNHEALTHY    7      0     15       55%    1s  a; b; c",
    ]
