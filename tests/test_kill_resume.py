"""A crawl killed with SIGKILL leaves only whole JSON lines, and the next run completes the set."""

import json
import signal
import subprocess
import time

from crawler.urls import url_id
from pipelines.seen_store import SqliteSeenStore

from conftest import REPO, scrapy_command
from demo_crawl import FAST, crawl, path_of, start_portal, truth_by_path, written


def test_sigkill_midway_then_resume(tmp_path):
    server = start_portal()
    try:
        slow = ["-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.05"]
        command = scrapy_command(["crawl", "demo_county", "-a", f"base_url={server.base_url}", *FAST, *slow], tmp_path)
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            files = list((tmp_path / "demo_county").glob("*.jsonl"))
            if files and files[0].read_bytes().count(b"\n") >= 15:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the crawl finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait()

        (feed,) = (tmp_path / "demo_county").glob("*.jsonl")
        raw = feed.read_bytes()
        assert raw.endswith(b"\n")
        first = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
        assert 15 <= len(first) < 62

        # Nothing counts as seen unless its line was written.
        store = SqliteSeenStore(str(tmp_path / "state" / "seen.sqlite"), "demo_county")
        written_keys = {key for item in first for key in (item["id"], url_id(item["url"]))}
        recorded = {row[0] for row in store._db.execute("SELECT key FROM seen WHERE kind='url'")}
        store.close()
        assert recorded <= written_keys

        crawl(server, tmp_path)
        items = written(tmp_path)
        truth = truth_by_path(server.portal)
        completed = {truth[path_of(item["url"])]["path"] for item in items}
        assert completed == {article["path"] for article in server.portal.expected_articles()}
        # Only an article written in the very instant of the kill can be written twice.
        assert len(items) - len({item["id"] for item in items}) <= 1
    finally:
        server.stop()
