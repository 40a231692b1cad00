"""The end of a run: the summary table for people and ``summary.json`` for scripts."""

import json
from pathlib import Path

from crawler.runs.outcome import Outcome

COLUMNS = ("site", "result", "new", "known", "pages", "http err", "time", "problems")


def _row(outcome: Outcome) -> tuple:
    figures = outcome.figures
    return (outcome.site, outcome.status.upper() if not outcome.healthy else outcome.status,
            figures["articles_new"], figures["articles_known"], figures["pages"],
            f"{figures['http_error_rate']:.0%}", f"{outcome.seconds:.0f}s", "; ".join(outcome.problems) or "-")


def summary_table(outcomes: list[Outcome]) -> str:
    """A plain-text table, one row per site; problems last, unwrapped, so they can be grepped."""
    rows = [COLUMNS, *(tuple(map(str, _row(outcome))) for outcome in outcomes)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]

    def line(row: tuple) -> str:
        cells = [cell.ljust(width) if i < 2 else cell.rjust(width)
                 for i, (cell, width) in enumerate(zip(row[:-1], widths, strict=True))]
        return "  ".join([*cells, row[-1]])

    return "\n".join(map(line, rows))


def write_summary(run_dir: Path, run_id: str, started: str, finished: str, outcomes: list[Outcome],
                  exit_status: int) -> Path:
    path = run_dir / "summary.json"
    record = {
        "run_id": run_id,
        "started": started,
        "finished": finished,
        "exit_status": exit_status,
        "healthy": all(outcome.healthy for outcome in outcomes),
        "sites": {outcome.site: outcome.as_dict() for outcome in outcomes},
    }
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
