"""Scheduling through scrapyd: a real scrapyd on 127.0.0.1, the project deployed as an egg.

The test copies the project (code and scrapy.cfg, not tests or output),
deploys it with ``scrapyd-deploy`` as docs/scheduling.md says, schedules
``demo_county`` against a local demo portal with ``OUTPUT_DIR`` set, and
reads the articles back from the run's JSON Lines. Skipped, with the reason,
when scrapyd or scrapyd-client is not installed.
"""

import json
import shutil
import socket
import subprocess
import sys
import time

import pytest

from conftest import REPO
from crawler.demo import DemoPortal, DemoServer

pytest.importorskip("scrapyd", reason="scrapyd is not installed: pip install -r requirements-dev.txt")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed: pip install -r requirements-dev.txt")
requests = pytest.importorskip("requests", reason="requests (a scrapyd-client dependency) is not installed")

PROJECT_FILES = ("crawler", "pipelines", "scrapy.cfg", "setup.py", "setup.cfg", "pyproject.toml", "MANIFEST.in")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def scrapyd(tmp_path):
    """A scrapyd on a free 127.0.0.1 port with every directory under tmp_path; yields its URL."""
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\nlogs_dir = logs\n"
        "items_dir =\ndbs_dir = dbs\npoll_interval = 0.5\nmax_proc = 1\n", encoding="utf-8")
    with (home / "scrapyd.out").open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def answers():
        try:
            return requests.get(f"{url}/daemonstatus.json", timeout=2).json()["status"] == "ok"
        except (requests.RequestException, ValueError):
            return server.poll() is not None and pytest.fail((home / "scrapyd.out").read_text()[-2000:])

    try:
        wait_for(answers, 60, "scrapyd to answer")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def deploy(project_copy, scrapyd_url: str) -> subprocess.CompletedProcess:
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project_copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, project_copy / name)
    with (project_copy / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {scrapyd_url}/\nproject = crawler\n")
    return subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "test", "-p", "crawler"],
                          cwd=project_copy, capture_output=True, text=True, timeout=300)


def test_scrapyd_runs_a_deployed_spider_against_a_local_portal(tmp_path, scrapyd):
    project_copy = tmp_path / "project"
    project_copy.mkdir()
    deployed = deploy(project_copy, scrapyd)
    # scrapyd-deploy exits 0 whatever scrapyd answered: the answer is the JSON line it prints.
    answer = json.loads(next(line for line in deployed.stdout.splitlines() if line.startswith("{")))
    assert deployed.returncode == 0 and answer["status"] == "ok", answer
    assert requests.get(f"{scrapyd}/listspiders.json", params={"project": "crawler"}, timeout=10).json()[
        "spiders"] == ["demo_county", "example_dedecms", "example_discuz", "example_epaper", "example_hanweb",
                       "example_people", "example_phpcms", "example_trs", "example_zjol", "generic"]

    output = tmp_path / "output"
    portal = DemoPortal()
    with DemoServer(portal) as demo:
        job = requests.post(f"{scrapyd}/schedule.json", timeout=10, data=[
            ("project", "crawler"), ("spider", "demo_county"), ("base_url", demo.base_url),
            ("setting", f"OUTPUT_DIR={output}"), ("setting", "DOWNLOAD_DELAY=0"),
            ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", f"STATS_FILE={output / 'stats.json'}"),
        ]).json()
        assert job["status"] == "ok", job

        def finished():
            jobs = requests.get(f"{scrapyd}/listjobs.json", params={"project": "crawler"}, timeout=10).json()
            return any(j["id"] == job["jobid"] for j in jobs["finished"])

        wait_for(finished, 180, "the scrapyd job to finish")

    (feed,) = (output / "demo_county").glob("*.jsonl")
    articles = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert len(articles) == len(portal.expected_articles()) == 62
    assert {article["site"] for article in articles} == {"demo_county"}
    stats = json.loads((output / "stats.json").read_text(encoding="utf-8"))
    assert stats["finish_reason"] == "finished" and stats["health"]["healthy"] is True
    log = requests.get(f"{scrapyd}/logs/crawler/demo_county/{job['jobid']}.log", timeout=10).text
    assert "Spider closed (finished)" in log
