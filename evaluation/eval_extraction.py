"""Score generic article extraction on ../shared/corpora, side by side with trafilatura and GNE.

    .venv/bin/pip install -r evaluation/requirements.txt   # the two extractors we compare against
    .venv/bin/python evaluation/eval_extraction.py [--corpus zh-local ...] [--system ours ...]
        [--misses FIELD] [--show PAGE_ID]

For every article page of the corpora, each system extracts title, published
date, authors, source, editors and body with no site knowledge (``ours`` is
``extract_article`` with no selectors, given only what a spider for that site
would declare: its time zone and language, see ``eval_dates.site_zone``). The
script prints, per corpus and field, the mean score of each system (see
``score_page``) and our median milliseconds per page next to lxml parsing
alone (``benchmarks/bench_extract.py`` times all systems properly). A system
that is not installed is skipped with a note.

Scoring follows the corpus READMEs:

- ``title``: ``exact`` gold must equal the prediction after collapsing
  whitespace; ``contains``: one must contain the other. ``title: null`` pages
  are not scored.
- ``published_day`` on every dated page, ``published_minute`` where the gold
  has a time, compared in the gold's offset. A null gold is not scored.
- ``authors_f1`` / ``editors_f1``: F1 of the sets of names; ``[]`` gold and
  no prediction is a hit (1.0), ``[]`` gold and any name a miss. Gold author
  strings are raw in ``multilingual`` (``Von A und B``, ``A, B``): both sides
  are cut into names the same way (``name_set``) before comparing.
- ``source``: the prediction must equal the gold; a null gold means the page
  names no source, so only an empty prediction is right.
- ``body_f1``: character-level F1 (whitespace ignored); ``body_contains`` /
  ``body_excludes``: share of snippets found / absent.

``--misses FIELD`` lists our pages scoring below 1 on FIELD with gold and
prediction; ``--show ID`` prints everything we extract from one page.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html  # noqa: E402

from crawler.dates.parse import normalize_date  # noqa: E402
from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.text import normalize_space  # noqa: E402
from evaluation.corpora import CorpusMissing, Page, corpus_dir, pages  # noqa: E402
from evaluation.eval_dates import site_zone  # noqa: E402

CORPORA = ("zh-local", "zh-magic", "zh-twnews", "zh-readability", "multilingual")
SYSTEMS = ("ours", "trafilatura", "gne")
# Later than every gold date, so nothing is refused as being in the future.
FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)
SCORED_KEYS = ("title", "published_at", "authors", "source", "editors", "body")
# The gold key and our output key behind each scored field (for --misses).
FIELD_KEYS = {
    "title": ("title", "title"), "published_day": ("published", "published_at"),
    "published_minute": ("published", "published_at"), "authors_f1": ("authors", "authors"),
    "source": ("source", "source"), "editors_f1": ("editors", "editors"), "body_f1": ("body", "body"),
    "body_contains": ("body_contains", "body"), "body_excludes": ("body_excludes", "body"),
}
_NAME_SPLIT = re.compile(r"\s*(?:[;,、，/&]|\s(?:und|and|et|y|e)\s)\s*", re.IGNORECASE)
_NAME_PREFIX = re.compile(r"^(?:von|by|par|por|de)\s+", re.IGNORECASE)

System = Callable[[Page], dict]


def ours(page: Page) -> dict:
    article = extract_article(
        page.html_bytes, page.url, fetched_at=FETCHED_AT, timezone=site_zone(page),
        languages=[page.lang] if page.lang else None,
    )
    return {k: article.get(k) for k in SCORED_KEYS}


def trafilatura_system() -> System | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(page: Page) -> dict:
        doc = trafilatura.bare_extraction(page.text, url=page.url, with_metadata=True)
        if doc is None:
            return {}
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
        authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
        return {"title": doc.get("title"), "published_at": doc.get("date"), "authors": authors, "body": doc.get("text")}

    return run


def gne_system() -> System | None:
    try:
        from gne import GeneralNewsExtractor
    except ImportError:
        return None
    extractor = GeneralNewsExtractor()

    def run(page: Page) -> dict:
        try:
            found = extractor.extract(page.text)
        except Exception:  # noqa: BLE001 - GNE fails on some pages; that counts as finding nothing
            return {}
        raw = found.get("publish_time") or None
        # GNE returns the date text as found; read it with our normaliser so it is scored on what it found.
        published = normalize_date(raw, now=FETCHED_AT, timezone=site_zone(page), url=page.url) if raw else None
        author = (found.get("author") or "").strip()
        return {
            "title": found.get("title"), "published_at": published, "authors": [author] if author else [],
            "body": found.get("content"),
        }

    return run


def load_systems(names: Iterable[str]) -> dict[str, System]:
    """The named systems that are installed (a note on stdout for each one that is not)."""
    factories = {"ours": lambda: ours, "trafilatura": trafilatura_system, "gne": gne_system}
    systems = {}
    for name in names:
        run = factories[name]()
        if run is None:
            print(f"{name}: not installed (pip install -r evaluation/requirements.txt); skipped")
        else:
            systems[name] = run
    return systems


# --- scoring ---


def squash(text) -> str:
    return normalize_space(text or "").replace(" ", "")


def name_set(names) -> set[str]:
    """Names as compared: each string cut at separators (``A und B``, ``A, B``), ``Von``/``By`` dropped, lower case."""
    found = set()
    for name in names or ():
        for part in _NAME_SPLIT.split(normalize_space(name)):
            part = squash(_NAME_PREFIX.sub("", part)).strip(".").lower()
            if part:
                found.add(part)
    return found


def names_f1(predicted, gold) -> float:
    predicted, gold = name_set(predicted), name_set(gold)
    if not gold and not predicted:
        return 1.0
    hits = len(predicted & gold)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def chars_f1(predicted, gold) -> float:
    predicted, gold = Counter(squash(predicted)), Counter(squash(gold))
    hits = sum((predicted & gold).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(predicted.values()), hits / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def date_scores(predicted: str | None, gold: str) -> dict:
    """Right to the day always; right to the minute when the gold has a time (both read in the gold's offset)."""
    gold_time = datetime.fromisoformat(gold) if len(gold) > 10 else None
    value = datetime.fromisoformat(predicted) if predicted and len(predicted) > 10 else None
    if value is not None and gold_time is not None and value.tzinfo and gold_time.tzinfo:
        value = value.astimezone(gold_time.tzinfo)
    day = value.date().isoformat() if value is not None else (predicted or "")[:10]
    scores = {"published_day": float(day == gold[:10])}
    if gold_time is not None:
        scores["published_minute"] = float(
            value is not None and value.replace(second=0, microsecond=0) == gold_time.replace(second=0, microsecond=0)
        )
    return scores


def score_page(result: dict, gold: dict) -> dict:
    """Each labelled field's score for one page, between 0 and 1."""
    scores = {}
    if gold.get("title"):
        # "compare after collapsing whitespace" (corpus READMEs): spaces between words count.
        title, want = normalize_space(result.get("title") or ""), normalize_space(gold["title"])
        scores["title"] = float(
            title == want if gold.get("title_match") == "exact" else bool(title) and (title in want or want in title)
        )
    if gold.get("published"):
        scores.update(date_scores(result.get("published_at"), gold["published"]))
    if "authors" in gold:
        scores["authors_f1"] = names_f1(result.get("authors"), gold["authors"] or [])
    if "source" in gold:
        scores["source"] = float(squash(result.get("source")) == squash(gold["source"]))
    if "editors" in gold:
        scores["editors_f1"] = names_f1(result.get("editors"), gold["editors"] or [])
    body = squash(result.get("body"))
    if gold.get("body"):
        scores["body_f1"] = chars_f1(result.get("body"), gold["body"])
    if gold.get("body_contains"):
        scores["body_contains"] = statistics.fmean(squash(s) in body for s in gold["body_contains"])
    if gold.get("body_excludes"):
        scores["body_excludes"] = statistics.fmean(squash(s) not in body for s in gold["body_excludes"])
    return scores


# --- running ---


@dataclass
class CorpusScores:
    """Per field, per system: the page scores; and our per-page results and times."""

    corpus: str
    scores: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    ours_ms: list = field(default_factory=list)
    parse_ms: list = field(default_factory=list)
    misses: dict = field(default_factory=lambda: defaultdict(list))  # field -> [(page, score, result)]
    pages: dict = field(default_factory=dict)  # page id -> our scores

    def mean(self, field_name: str, system: str) -> float:
        return statistics.fmean(self.scores[field_name][system])


def evaluate(corpus: str, systems: dict[str, System]) -> CorpusScores:
    """Run every system on every article page of ``corpus`` and score it."""
    result = CorpusScores(corpus)
    for page in pages(corpus, kind="article"):
        for name, run in systems.items():
            started = time.perf_counter()
            extracted = run(page)
            if name == "ours":
                result.ours_ms.append((time.perf_counter() - started) * 1000)
            page_scores = score_page(extracted, page.gold)
            if name == "ours":
                result.pages[page.id] = page_scores
            for field_name, value in page_scores.items():
                result.scores[field_name][name].append(value)
                if name == "ours" and value < 1:
                    result.misses[field_name].append((page, value, extracted))
        started = time.perf_counter()
        lxml.html.fromstring(page.html_bytes)
        result.parse_ms.append((time.perf_counter() - started) * 1000)
    return result


def print_table(result: CorpusScores, systems: Iterable[str]) -> None:
    systems = list(systems)
    print(f"\n{result.corpus} ({len(result.parse_ms)} pages)")
    print(f"  {'field':<18}" + "".join(f"{name:>13}" for name in systems) + "   pages")
    for field_name, by_system in result.scores.items():
        cells = "".join(f"{statistics.fmean(by_system[name]):>13.3f}" for name in systems)
        print(f"  {field_name:<18}{cells}   {len(by_system[systems[0]])}")


def print_misses(result: CorpusScores, field_name: str) -> None:
    gold_key, our_key = FIELD_KEYS[field_name]
    for page, value, extracted in result.misses.get(field_name, ()):
        ours_value = extracted.get(our_key)
        if our_key == "body":
            body = squash(ours_value)
            snippets = page.gold.get(gold_key) or []
            if field_name == "body_contains":
                ours_value = [s for s in snippets if squash(s) not in body]
            elif field_name == "body_excludes":
                ours_value = [s for s in snippets if squash(s) in body]
            else:
                ours_value = f"{len(body)} chars vs gold {len(squash(page.gold.get('body')))}"
            print(f"  miss {result.corpus}/{page.id} ({value:.2f}): {ours_value!r}")
            continue
        print(f"  miss {result.corpus}/{page.id} ({value:.2f}): gold={page.gold.get(gold_key)!r} ours={ours_value!r}")


def show_page(page_id: str, corpora: Iterable[str]) -> int:
    for corpus in corpora:
        for page in pages(corpus, kind="article"):
            if page.id == page_id:
                article = extract_article(
                    page.html_bytes, page.url, fetched_at=FETCHED_AT, timezone=site_zone(page),
                    languages=[page.lang] if page.lang else None,
                )
                print(json.dumps({"gold": page.gold, "ours": article}, ensure_ascii=False, indent=1))
                return 0
    print(f"error: no page {page_id!r}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="corpus to score (default: all)")
    parser.add_argument("--system", action="append", choices=SYSTEMS, help="system to run (default: all)")
    parser.add_argument("--misses", help="list our misses for this field (e.g. authors_f1, title, source)")
    parser.add_argument("--show", metavar="PAGE_ID", help="print what we extract from one page, with its gold")
    parser.add_argument("--dump", metavar="FILE", type=Path, help="write our score of every page and field (JSON)")
    args = parser.parse_args(argv)
    corpora = args.corpus or CORPORA
    try:
        for corpus in corpora:
            corpus_dir(corpus)
    except CorpusMissing as missing:
        print(f"error: {missing} (the corpora live in ../shared/corpora)", file=sys.stderr)
        return 2
    if args.show:
        return show_page(args.show, corpora)
    systems = load_systems(args.system or SYSTEMS)
    all_ms, all_parse = [], []
    dumped = {}
    for corpus in corpora:
        result = evaluate(corpus, systems)
        dumped.update({f"{corpus}/{page_id}": scores for page_id, scores in result.pages.items()})
        all_ms += result.ours_ms
        all_parse += result.parse_ms
        print_table(result, systems)
        if args.misses:
            print_misses(result, args.misses)
    if args.dump:
        args.dump.write_text(json.dumps(dumped, indent=1, sort_keys=True), encoding="utf-8")
    if all_ms:
        print(
            f"\nours: median {statistics.median(all_ms):.2f} ms/page, mean {statistics.fmean(all_ms):.2f}"
            f" (lxml parsing alone: median {statistics.median(all_parse):.2f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
