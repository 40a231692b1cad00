"""Shows a run as it goes: a live status line on a terminal, plain timestamped lines in a log.

Running sites are followed through their logs: crawlall sets each site's
``LOGSTATS_INTERVAL`` to ``CRAWLALL_PROGRESS_INTERVAL``, and Scrapy's
LogStats line ("Crawled N pages …, scraped M items …") gives pages and
articles so far. Finished sites count with the figures of their stats.
"""

import re
import shutil
import time
from datetime import datetime

from crawler.runs.outcome import Outcome, outcome_of
from crawler.runs.processes import SiteRun

LOGSTATS = re.compile(rb"Crawled (\d+) pages \(at [\d.]+ pages/min\), scraped (\d+) items")
PLAIN_STATUS_SECONDS = 60
LIVE_REDRAW_SECONDS = 0.5


class LogTail:
    """The latest pages/items counts in a growing Scrapy log."""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.pages = self.items = 0

    def update(self) -> None:
        try:
            with open(self.path, "rb") as log:
                log.seek(self.offset)
                chunk = log.read()
        except OSError:
            return
        # Only whole lines: a LogStats line being written is read next time.
        chunk = chunk[: chunk.rfind(b"\n") + 1]
        self.offset += len(chunk)
        found = LOGSTATS.findall(chunk)
        if found:
            self.pages, self.items = map(int, found[-1])


def finished_line(outcome: Outcome) -> str:
    figures = outcome.figures
    line = (f"{outcome.site} {outcome.status} in {outcome.seconds:.1f}s: {figures['articles_new']} new and"
            f" {figures['articles_known']} known articles, {figures['pages']} pages")
    return line + (f"; {'; '.join(outcome.problems)}" if outcome.problems else "")


class Progress:
    """Collects each site's outcome; subclasses decide how to show the run."""

    def __init__(self, stream, run_id: str, total: int):
        self.stream = stream
        self.run_id = run_id
        self.total = total
        self.begun = time.monotonic()
        self.outcomes: dict[str, Outcome] = {}
        self.tails: dict[str, LogTail] = {}

    def started(self, run: SiteRun) -> None:
        self.tails[run.site.name] = LogTail(run.files.log)
        self.event(f"{run.site.name} started (pid {run.process.pid})")

    def finished(self, run: SiteRun) -> None:
        outcome = self.outcomes[run.site.name] = outcome_of(run)
        self.tails.pop(run.site.name, None)
        self.event(finished_line(outcome))

    def status(self) -> str:
        for tail in self.tails.values():
            tail.update()
        pages = sum(o.figures["pages"] for o in self.outcomes.values()) + sum(t.pages for t in self.tails.values())
        articles = sum(o.figures["articles_new"] for o in self.outcomes.values()) + sum(
            t.items for t in self.tails.values())
        rate = pages / max(time.monotonic() - self.begun, 0.001)
        running = ", ".join(f"{name} {tail.pages}p/{tail.items}a" for name, tail in self.tails.items())
        return (f"{len(self.outcomes)}/{self.total} sites done, {len(self.tails)} running;"
                f" {pages} pages, {articles} new articles, {rate:.1f} pages/s" + (f" | {running}" if running else ""))

    def event(self, text: str) -> None:
        raise NotImplementedError

    def tick(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class PlainProgress(Progress):
    """For cron logs and pipes: one timestamped line per event, a status line each minute."""

    def __init__(self, stream, run_id: str, total: int):
        super().__init__(stream, run_id, total)
        self.last_status = time.monotonic()

    def event(self, text: str) -> None:
        print(f"{datetime.now():%Y-%m-%d %H:%M:%S} crawlall {self.run_id}: {text}", file=self.stream, flush=True)

    def tick(self) -> None:
        if time.monotonic() - self.last_status >= PLAIN_STATUS_SECONDS:
            self.last_status = time.monotonic()
            self.event(self.status())


class LiveProgress(Progress):
    """For a terminal: events scroll, one status line at the bottom is redrawn in place."""

    def __init__(self, stream, run_id: str, total: int):
        super().__init__(stream, run_id, total)
        self.last_draw = 0.0
        self.line = ""

    def _write(self, text: str) -> None:
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()

    def event(self, text: str) -> None:
        self._write(text + "\n" + self.line)

    def tick(self) -> None:
        if time.monotonic() - self.last_draw >= LIVE_REDRAW_SECONDS:
            self.last_draw = time.monotonic()
            width = shutil.get_terminal_size().columns
            self.line = self.status()[: max(width - 1, 20)]
            self._write(self.line)

    def close(self) -> None:
        self.line = ""
        self._write("")


def progress_for(stream, run_id: str, total: int) -> Progress:
    live = getattr(stream, "isatty", lambda: False)()
    return (LiveProgress if live else PlainProgress)(stream, run_id, total)
