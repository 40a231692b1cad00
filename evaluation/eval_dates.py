"""Score publication dates against the gold of ``../shared/corpora``.

For every article page of ``zh-local``, ``zh-twnews`` and ``multilingual``
that has a gold ``published`` date, the page's bytes go through
``extract_article(html, url, fetched_at=NOW, timezone=…, languages=…)`` (as a
spider for that site would run it) and its ``published_at`` is compared with
the gold at the gold's precision: the day for every page, the minute for the
pages whose gold has a time. ``find_published`` alone is scored the same way.
Pages whose gold is null (the page shows no absolute date) are counted
apart: there, any prediction is reported, not scored.

Each site's zone is what its spider would declare: Asia/Shanghai for
``zh-local``, Asia/Taipei for ``zh-twnews``; for ``multilingual`` the zone of
the site's country (from the host's country-code domain, as
``crawler.locales`` has it for the generic spider, else from the page's
language). ``NOW`` is a fixed fetch time after every gold date.

A second table gives the same figures without the pages whose gold
contradicts the page itself, listed with the evidence in
``evaluation/date_label_errors.jsonl`` (a page is left out only while its
gold is still the one recorded there). The first table, over every page,
is the figure of record.

Usage (from the repository root)::

    .venv/bin/python evaluation/eval_dates.py [--misses] [--corpus NAME ...] [--corpora DIR]

Exits with status 2 and a one-line message when the corpora (default
``../shared/corpora``) are missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Run as a script: the project must be on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsel import Selector  # noqa: E402

from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.published import find_published  # noqa: E402
from crawler.locales import COUNTRIES, country_of  # noqa: E402
from evaluation.corpora import CORPORA as CORPORA_DIR  # noqa: E402
from evaluation.corpora import CorpusMissing, Page, corpus_dir, pages  # noqa: E402

CORPORA = ("zh-local", "zh-twnews", "multilingual")
NOW = datetime(2025, 1, 1, tzinfo=UTC)
LABEL_ERRORS = Path(__file__).resolve().parent / "date_label_errors.jsonl"

CORPUS_ZONES = {"zh-local": "Asia/Shanghai", "zh-twnews": "Asia/Taipei"}
COUNTRY_ZONES = {country: zone for country, (zone, _) in COUNTRIES.items()}
LANGUAGE_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "es": "Europe/Madrid", "it": "Europe/Rome", "pt": "Europe/Lisbon",
    "zh": "Asia/Shanghai", "en": "America/New_York",
}


def site_zone(page: Page) -> str:
    """The zone a spider for this page's site would declare."""
    if page.corpus in CORPUS_ZONES:
        return CORPUS_ZONES[page.corpus]
    url = page.url or ""
    # web.archive.org/web/<stamp>/http://site/...: the archived site's host.
    archived = url.rfind("http", 1)
    return COUNTRY_ZONES.get(country_of(url[archived:] if archived > 0 else url)) or LANGUAGE_ZONES.get(
        page.lang or "", "UTC"
    )


def precision(gold: str) -> str:
    """``minute`` for a gold with a time, else ``day`` (or coarser: ``month`` / ``year``)."""
    if len(gold) >= 16:
        return "minute"
    return {10: "day", 7: "month", 4: "year"}[len(gold)]


def agrees(predicted: str | None, gold: str, level: str) -> bool:
    """Does ``predicted`` equal ``gold`` at ``level`` (``minute``, ``day``, ``month``, ``year``)?"""
    if not predicted:
        return False
    width = {"minute": 16, "day": 10, "month": 7, "year": 4}[level]
    return predicted[:width] == gold[:width] and len(predicted) >= width


@dataclass
class Outcome:
    page: Page
    gold: str | None
    raw: str | None
    predicted: str | None
    rule: str | None
    alone: str | None  # find_published's value


@dataclass
class Score:
    pages: int = 0
    day: int = 0
    timed: int = 0
    minute: int = 0
    alone_day: int = 0
    alone_minute: int = 0
    nulls: int = 0
    nulls_predicted: int = 0

    def add(self, outcome: Outcome) -> None:
        gold = outcome.gold
        if gold is None:
            self.nulls += 1
            self.nulls_predicted += outcome.predicted is not None
            return
        level = precision(gold)
        day_level = "day" if level == "minute" else level
        self.pages += 1
        self.day += agrees(outcome.predicted, gold, day_level)
        self.alone_day += agrees(outcome.alone, gold, day_level)
        if level == "minute":
            self.timed += 1
            self.minute += agrees(outcome.predicted, gold, "minute")
            self.alone_minute += agrees(outcome.alone, gold, "minute")


def evaluate(page: Page) -> Outcome:
    zone = site_zone(page)
    languages = [page.lang] if page.lang else None
    article = extract_article(page.html_bytes, page.url, fetched_at=NOW, timezone=zone, languages=languages)
    alone = find_published(Selector(text=page.text), page.url, now=NOW, timezone=zone, languages=languages)
    return Outcome(
        page=page,
        gold=page.gold["published"],
        raw=article.get("published_raw"),
        predicted=article.get("published_at"),
        rule=article["extracted_by"].get("published_raw"),
        alone=alone.value if alone else None,
    )


def outcomes(corpus: str, root: Path) -> Iterable[Outcome]:
    for page in pages(corpus, kind="article", root=root):
        if "published" in page.gold:
            yield evaluate(page)


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def table(scores: dict[str, Score]) -> str:
    header = (
        f"{'corpus':<14}{'pages':>6}{'day':>8}{'timed':>7}{'minute':>8}"
        f"{'alone day':>11}{'alone min':>11}{'null gold':>11}{'(predicted)':>12}"
    )
    lines = [header, "-" * len(header)]
    for name, s in scores.items():
        lines.append(
            f"{name:<14}{s.pages:>6}{percent(s.day, s.pages):>8}{s.timed:>7}{percent(s.minute, s.timed):>8}"
            f"{percent(s.alone_day, s.pages):>11}{percent(s.alone_minute, s.timed):>11}"
            f"{s.nulls:>11}{s.nulls_predicted:>12}"
        )
    return "\n".join(lines)


def is_miss(outcome: Outcome) -> bool:
    if outcome.gold is None:
        return False
    level = precision(outcome.gold)
    return not agrees(outcome.predicted, outcome.gold, level)


def label_errors(path: Path = LABEL_ERRORS) -> dict[tuple[str, str], dict]:
    """The pages whose gold contradicts the page, by (corpus, id): each entry's ``gold``, ``page`` and ``why``."""
    entries = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {(entry["corpus"], entry["id"]): entry for entry in entries}


@dataclass
class Results:
    scores: dict[str, Score]  # every page, per corpus and "overall"
    checked: dict[str, Score]  # the same without the pages whose gold contradicts the page
    misses: list[Outcome]
    excluded: list[Outcome]  # the pages left out of ``checked``


def run(corpora: Iterable[str], root: Path = CORPORA_DIR, errors: Path = LABEL_ERRORS) -> Results:
    """Score every corpus under ``root``, with and without the label errors listed in ``errors``."""
    known_errors = label_errors(errors)
    results = Results({}, {}, [], [])
    overall, checked_overall = Score(), Score()
    for corpus in corpora:
        score = results.scores[corpus] = Score()
        checked = results.checked[corpus] = Score()
        for outcome in outcomes(corpus, root):
            score.add(outcome)
            overall.add(outcome)
            error = known_errors.get((corpus, outcome.page.id))
            if error is not None and error["gold"] == outcome.gold:
                results.excluded.append(outcome)
            else:
                checked.add(outcome)
                checked_overall.add(outcome)
            if is_miss(outcome):
                results.misses.append(outcome)
    results.scores["overall"] = overall
    results.checked["overall"] = checked_overall
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the pages that are wrong (gold/raw/predicted/rule)")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (repeatable)")
    parser.add_argument("--corpora", type=Path, default=CORPORA_DIR, help=f"the corpora folder (default {CORPORA_DIR})")
    args = parser.parse_args(argv)
    corpora = args.corpus or list(CORPORA)
    try:
        for corpus in corpora:
            corpus_dir(corpus, args.corpora)
    except CorpusMissing as error:
        print(f"eval_dates: {error}", file=sys.stderr)
        return 2
    results = run(corpora, args.corpora)
    print(table(results.scores))
    print(f"\nWithout the {len(results.excluded)} pages whose gold contradicts the page "
          f"({LABEL_ERRORS.relative_to(LABEL_ERRORS.parent.parent)}):")
    print(table(results.checked))
    if args.misses:
        excluded = {id(outcome) for outcome in results.excluded}
        print(f"\n{len(results.misses)} misses (minute where the gold has a time, else day):")
        for m in results.misses:
            note = "  [gold contradicts the page]" if id(m) in excluded else ""
            print(f"  {m.page.corpus}/{m.page.id}{note}\n    gold {m.gold}  predicted {m.predicted}  rule {m.rule}"
                  f"\n    raw {m.raw!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
