"""One benchmark crawl: a spider run in its own ``scrapy runspider`` process, and what it measured.

Every side runs from the repo root, so the project's settings load, with the
same concurrency settings (``COMMON_SETTINGS``); ``LOCALNEWS_*`` variables
are not passed on, so the environment cannot change one side. Sides:
``bare`` (the bare spider, with Scrapy's defaults where the project tunes
Scrapy itself), ``bare-tuned`` (the same spider given the project's
process-level tuning, ``TUNING_SETTINGS``: what is left between it and
``ours`` is our extraction, pipelines and extensions) and ``ours``. Throughput is
``response_received_count / elapsed_time_seconds`` from the run's stats
file (``STATS_FILE``), which leaves out the process start. CPU time and
peak RSS of the crawl process come from ``os.wait4``.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bare_spider import BareNewsSpider
from crawler import settings as project_settings

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(__file__).resolve().parent
SPIDER_FILES = {
    "bare": BENCHMARKS / "bare_spider.py", "bare-tuned": BENCHMARKS / "bare_spider.py", "ours": BENCHMARKS / "ours_spider.py"
}
OURS_SPIDER_NAME = "demo_county_bench"
COMMON_SETTINGS = {
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "LOG_LEVEL": "INFO",
}
# The project's tuning of Scrapy and Python, not of the page path: fewer item-processing tasks per response
# (crawler/settings.py CONCURRENT_ITEMS) and the garbage-collector extension (crawler/extensions/gc_freeze.py).
GC_EXTENSION = "crawler.extensions.gc_freeze.GcFreeze"
TUNING_SETTINGS = {
    "CONCURRENT_ITEMS": project_settings.CONCURRENT_ITEMS,
    "EXTENSIONS": json.dumps(
        {**BareNewsSpider.custom_settings["EXTENSIONS"], GC_EXTENSION: project_settings.EXTENSIONS[GC_EXTENSION]}
    ),
}
LOG_TAIL_LINES = 15


class CrawlFailed(RuntimeError):
    """A benchmark crawl exited with an error or wrote no stats; the message ends with its log's tail."""


@dataclass
class CrawlResult:
    side: str
    repetition: int
    responses: int
    elapsed_s: float
    items_written: int
    errors: int
    dropped: dict[str, int]
    cpu_s: float
    peak_rss_mb: float
    server_cpu_s: float

    @property
    def pages_per_s(self) -> float:
        return self.responses / self.elapsed_s

    @property
    def cpu_ms_per_page(self) -> float:
        """Crawl-process CPU (user + system, process start included) per response."""
        return self.cpu_s * 1000 / self.responses


def settings_arguments(settings: dict) -> list[str]:
    return [argument for name, value in settings.items() for argument in ("-s", f"{name}={value}")]


def crawl_command(side: str, base_url: str, run_dir: Path) -> list[str]:
    if side.startswith("bare"):
        side_arguments = ["-a", f"feed_path={run_dir / 'items.jsonl'}"]
        if side == "bare-tuned":
            side_arguments += settings_arguments(TUNING_SETTINGS)
    else:
        # A fresh OUTPUT_DIR: a new seen-store, so nothing is skipped as already seen.
        side_arguments = ["-s", f"OUTPUT_DIR={run_dir / 'output'}"]
    return [
        sys.executable, "-m", "scrapy", "runspider", str(SPIDER_FILES[side]), "-a", f"base_url={base_url}",
        *side_arguments,
        *settings_arguments(COMMON_SETTINGS),
        *settings_arguments({"STATS_FILE": run_dir / "stats.json", "LOG_FILE": run_dir / "scrapy.log"}),
    ]


def feed_files(side: str, run_dir: Path) -> list[Path]:
    if side.startswith("bare"):
        return [run_dir / "items.jsonl"]
    return sorted((run_dir / "output" / OURS_SPIDER_NAME).glob("*.jsonl"))


def count_lines(paths: list[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in paths if path.exists())


def log_tail(run_dir: Path) -> str:
    log = run_dir / "scrapy.log"
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else ["(no log)"]
    return "\n".join(lines[-LOG_TAIL_LINES:])


def run_crawl(side: str, repetition: int, base_url: str, run_dir: Path, server_cpu) -> CrawlResult:
    """Crawl the portal at ``base_url`` with the ``side`` spider; ``server_cpu()`` reads the server's CPU seconds."""
    run_dir.mkdir(parents=True)
    environment = {name: value for name, value in os.environ.items() if not name.startswith("LOCALNEWS_")}
    server_before = server_cpu()
    with (run_dir / "output.txt").open("wb") as output:
        process = subprocess.Popen(
            crawl_command(side, base_url, run_dir), cwd=REPO, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C: do not leave the crawl running
            process.kill()
            process.wait()
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
    stats_file = run_dir / "stats.json"
    if process.returncode != 0 or not stats_file.exists():
        raise CrawlFailed(
            f"the {side} crawl failed (exit status {process.returncode}); "
            f"{run_dir / 'scrapy.log'} ends:\n{log_tail(run_dir)}"
        )
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    if not stats.get("response_received_count"):
        raise CrawlFailed(f"the {side} crawl fetched no page; {run_dir / 'scrapy.log'} ends:\n{log_tail(run_dir)}")
    return CrawlResult(
        side=side,
        repetition=repetition,
        responses=stats["response_received_count"],
        elapsed_s=stats["elapsed_time_seconds"],
        items_written=count_lines(feed_files(side, run_dir)),
        errors=stats.get("log_count/ERROR", 0),
        dropped={key.removeprefix("news/dropped/"): value for key, value in stats.items() if key.startswith("news/dropped/")},
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,
        server_cpu_s=server_cpu() - server_before,
    )
