"""Runs the sites' ``scrapy crawl`` processes, a few at a time, each under its time limit.

A site's own ``CLOSESPIDER_TIMEOUT`` closes it cleanly when its time is up;
one still running ``kill_grace`` seconds later is sent SIGTERM (Scrapy's
graceful stop), and SIGKILL after as long again. Each process gets its own
session, so Ctrl-C or a SIGTERM to crawlall reaches crawlall only, which
then stops every running site the same way and leaves the rest unstarted.
"""

import signal
import subprocess
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass

from crawler.runs.child import SiteFiles
from crawler.runs.sites import Site

POLL_SECONDS = 0.2


class Interrupted(Exception):
    """crawlall was asked to stop (Ctrl-C or SIGTERM)."""


@dataclass
class SiteRun:
    site: Site
    files: SiteFiles
    command: list
    process: subprocess.Popen | None = None
    started: float | None = None
    ended: float | None = None
    exit_code: int | None = None
    stopped_by: str | None = None  # "timeout" or "interrupted": crawlall signalled it
    signals_sent: int = 0

    @property
    def seconds(self) -> float:
        if self.started is None:
            return 0.0
        return (self.ended or time.monotonic()) - self.started


@contextmanager
def sigterm_interrupts():
    """While inside, SIGTERM raises Interrupted, as Ctrl-C raises KeyboardInterrupt."""

    def interrupt(signum, frame):
        raise Interrupted

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _start(run: SiteRun) -> None:
    run.files.log.parent.mkdir(parents=True, exist_ok=True)
    with run.files.log.open("ab") as log:  # Scrapy appends to the same file (LOG_FILE)
        run.process = subprocess.Popen(run.command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
    run.started = time.monotonic()


def _signal(run: SiteRun, why: str) -> None:
    """The next step of stopping a site: SIGTERM first, SIGKILL after that."""
    run.stopped_by = run.stopped_by or why
    run.process.send_signal(signal.SIGTERM if run.signals_sent == 0 else signal.SIGKILL)
    run.signals_sent += 1


def _reap(run: SiteRun) -> bool:
    code = run.process.poll()
    if code is None:
        return False
    run.exit_code, run.ended = code, time.monotonic()
    return True


def _enforce_time_limit(run: SiteRun, kill_grace: float) -> None:
    overrun = time.monotonic() - run.started - run.site.timeout
    if overrun > kill_grace * (run.signals_sent + 1) and run.signals_sent < 2:
        _signal(run, "timeout")


def _stop_all(running: list[SiteRun], kill_grace: float) -> None:
    for _ in ("SIGTERM", "SIGKILL"):
        for run in running:
            if run.exit_code is None:
                _signal(run, "interrupted")
        deadline = time.monotonic() + kill_grace
        while time.monotonic() < deadline and not all(_reap(run) for run in running if run.exit_code is None):
            time.sleep(POLL_SECONDS)
    for run in running:
        if run.exit_code is None:
            run.process.wait()
            _reap(run)


def run_sites(runs: list[SiteRun], *, processes: int, kill_grace: float, reporter) -> None:
    """Run every site; ``reporter`` hears ``started(run)``, ``finished(run)`` and ``tick()``."""
    waiting, running = deque(runs), []
    try:
        while waiting or running:
            while waiting and len(running) < processes:
                run = waiting.popleft()
                _start(run)
                running.append(run)
                reporter.started(run)
            for run in list(running):
                if _reap(run):
                    running.remove(run)
                    reporter.finished(run)
                else:
                    _enforce_time_limit(run, kill_grace)
            reporter.tick()
            time.sleep(POLL_SECONDS)
    except (KeyboardInterrupt, Interrupted):
        alive = [run for run in runs if run.process is not None and run.exit_code is None]
        _stop_all(alive, kill_grace)
        for run in runs:
            if run.process is None or run in alive:
                run.stopped_by = "interrupted"
        for run in alive:
            reporter.finished(run)
        raise

