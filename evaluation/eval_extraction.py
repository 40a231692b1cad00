"""Score generic article extraction on ../shared/corpora, side by side with trafilatura and GNE.

    .venv/bin/pip install -r evaluation/requirements.txt   # the two extractors we compare against
    .venv/bin/python evaluation/eval_extraction.py [--corpus zh-local] [--misses FIELD]

For every article page of the corpora, each system extracts title, published
date, authors, source, editors and body with no site knowledge; the script
prints, per corpus and field, the score of each system (see ``score_page``)
and our median milliseconds per page next to lxml parsing alone. A system
that is not installed is skipped with a note.
"""

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html  # noqa: E402

from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.text import normalize_space  # noqa: E402
from evaluation.corpora import CorpusMissing, pages  # noqa: E402
from pipelines.dates import normalize_date  # noqa: E402

CORPORA = ("zh-local", "zh-magic", "zh-twnews", "zh-readability", "multilingual")
# Later than every gold date, so nothing is refused as being in the future.
FETCHED_AT = datetime(2026, 11, 1, tzinfo=timezone.utc)


def ours(page) -> dict:
    article = extract_article(page.html_bytes, page.url, fetched_at=FETCHED_AT)
    return {k: article.get(k) for k in ("title", "published_at", "authors", "source", "editors", "body")}


def trafilatura_system():
    try:
        import trafilatura
    except ImportError:
        return None

    def run(page) -> dict:
        doc = trafilatura.bare_extraction(page.text, url=page.url, with_metadata=True)
        if doc is None:
            return {}
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
        authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
        return {"title": doc.get("title"), "published_at": doc.get("date"), "authors": authors, "body": doc.get("text")}

    return run


def gne_system():
    try:
        from gne import GeneralNewsExtractor
    except ImportError:
        return None
    extractor = GeneralNewsExtractor()

    def run(page) -> dict:
        try:
            found = extractor.extract(page.text)
        except Exception:  # noqa: BLE001 - GNE fails on some pages; that counts as finding nothing
            return {}
        raw = found.get("publish_time") or None
        # GNE returns the date text as found; read it with our normaliser so it is scored on what it found.
        published = normalize_date(raw, now=FETCHED_AT, url=page.url) if raw else None
        author = (found.get("author") or "").strip()
        return {"title": found.get("title"), "published_at": published, "authors": [author] if author else [], "body": found.get("content")}

    return run


def squash(text) -> str:
    return normalize_space(text or "").replace(" ", "")


def names_f1(predicted, gold) -> float:
    predicted, gold = set(map(squash, predicted or [])), set(map(squash, gold))
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
    """Right to the day always; right to the minute when the gold has a time."""
    scores = {"published_day": float(bool(predicted) and predicted[:10] == gold[:10])}
    if len(gold) > 10:
        scores["published_minute"] = float(bool(predicted) and len(predicted) > 10 and _minute(predicted) == _minute(gold))
    return scores


def _minute(iso: str):
    value = datetime.fromisoformat(iso)
    if value.tzinfo is None:
        return value.replace(second=0, microsecond=0)
    return value.astimezone(timezone.utc).replace(second=0, microsecond=0, tzinfo=None)


def score_page(result: dict, gold: dict) -> dict:
    """Each labelled field's score for one page, between 0 and 1."""
    scores = {}
    if gold.get("title"):
        title, want = squash(result.get("title")), squash(gold["title"])
        scores["title"] = float(title == want if gold.get("title_match") == "exact" else bool(title) and (title in want or want in title))
    if gold.get("published"):
        scores.update(date_scores(result.get("published_at"), gold["published"]))
    if "authors" in gold:
        scores["authors_f1"] = names_f1(result.get("authors"), gold["authors"])
    if "source" in gold:
        scores["source"] = float(squash(result.get("source")) == squash(gold["source"]))
    if "editors" in gold:
        scores["editors_f1"] = names_f1(result.get("editors"), gold["editors"])
    body = squash(result.get("body"))
    if gold.get("body"):
        scores["body_f1"] = chars_f1(result.get("body"), gold["body"])
    if gold.get("body_contains"):
        scores["body_contains"] = statistics.fmean(squash(s) in body for s in gold["body_contains"])
    if gold.get("body_excludes"):
        scores["body_excludes"] = statistics.fmean(squash(s) not in body for s in gold["body_excludes"])
    return scores


def evaluate(corpus: str, systems: dict, misses: str | None) -> tuple[dict, list[float], list[float]]:
    totals: dict = defaultdict(lambda: defaultdict(list))
    ours_ms, parse_ms = [], []
    for page in pages(corpus, kind="article"):
        for name, run in systems.items():
            started = time.perf_counter()
            result = run(page)
            if name == "ours":
                ours_ms.append((time.perf_counter() - started) * 1000)
            for field, value in score_page(result, page.gold).items():
                totals[field][name].append(value)
                if misses == field and name == "ours" and value < 1:
                    gold_key = {"published_day": "published", "published_minute": "published", "authors_f1": "authors", "editors_f1": "editors"}.get(field, field)
                    print(f"  miss {page.id}: gold={page.gold.get(gold_key)!r} ours={result.get(field.replace('_f1', '').replace('published_day', 'published_at').replace('published_minute', 'published_at'))!r}")
        started = time.perf_counter()
        lxml.html.fromstring(page.html_bytes)
        parse_ms.append((time.perf_counter() - started) * 1000)
    return totals, ours_ms, parse_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="corpus to score (default: all)")
    parser.add_argument("--misses", help="list our misses for this field (e.g. authors_f1, title, source)")
    args = parser.parse_args()
    systems = {"ours": ours}
    for name, factory in (("trafilatura", trafilatura_system), ("gne", gne_system)):
        run = factory()
        if run is None:
            print(f"{name}: not installed (pip install -r evaluation/requirements.txt); skipped")
        else:
            systems[name] = run
    all_ms, all_parse = [], []
    for corpus in args.corpus or CORPORA:
        try:
            totals, ours_ms, parse_ms = evaluate(corpus, systems, args.misses)
        except CorpusMissing as missing:
            print(f"error: {missing} (the corpora live in ../shared/corpora)", file=sys.stderr)
            return 2
        all_ms += ours_ms
        all_parse += parse_ms
        print(f"\n{corpus} ({len(ours_ms)} pages)")
        print(f"  {'field':<18}" + "".join(f"{name:>13}" for name in systems) + "   pages")
        for field, by_system in totals.items():
            cells = "".join(f"{statistics.fmean(by_system[name]):>13.3f}" for name in systems)
            print(f"  {field:<18}{cells}   {len(by_system['ours'])}")
    print(f"\nours: median {statistics.median(all_ms):.2f} ms/page (lxml parsing alone: {statistics.median(all_parse):.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
