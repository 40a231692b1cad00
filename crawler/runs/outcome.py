"""What a site's process left behind: its verdict, figures and problems, for the summary.

The site's health comes from its stats JSON (written by
``crawler.extensions.health``); crawlall adds what only it knows: the time
limit was reached, the process died without stats, the run was interrupted.
"""

import json
import signal
from dataclasses import dataclass, field

from crawler.runs.processes import SiteRun

FIGURES = ("articles_new", "articles_known", "pages", "http_error_rate")


@dataclass
class Outcome:
    site: str
    status: str  # healthy, unhealthy, timeout, failed, interrupted
    seconds: float
    figures: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    health: dict = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.status == "healthy"

    def as_dict(self) -> dict:
        return {"status": self.status, "seconds": round(self.seconds, 1), **self.figures, "problems": self.problems,
                "health": self.health}


def _stats(run: SiteRun) -> dict | None:
    try:
        return json.loads(run.files.stats.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _ending(exit_code: int) -> str:
    if exit_code < 0:
        return f"killed by {signal.Signals(-exit_code).name}"
    return f"exit code {exit_code}"


def outcome_of(run: SiteRun) -> Outcome:
    stats = _stats(run)
    health = (stats or {}).get("health") or {}
    problems = list(health.get("problems", []))
    if run.process is None:
        problems = ["not started: the run was interrupted"]
    elif stats is None:
        problems.append(f"no stats written ({_ending(run.exit_code)}); see {run.files.log}")
    elif run.exit_code:
        problems.append(f"scrapy crawl ended with {_ending(run.exit_code)}; see {run.files.log}")
    timed_out = run.stopped_by == "timeout" or health.get("finish_reason") == "closespider_timeout"
    if timed_out:
        problems.insert(0, f"time limit of {run.site.timeout:g}s reached")
    if run.stopped_by == "interrupted":
        status = "interrupted"
    elif timed_out:
        status = "timeout"
    elif stats is None:
        status = "failed"
    else:
        status = "unhealthy" if problems else "healthy"
    figures = {name: health.get(name, 0) for name in FIGURES}
    return Outcome(run.site.name, status, run.seconds, figures, problems, health)
