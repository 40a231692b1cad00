"""Milliseconds per page of generic article extraction: ours, lxml parsing alone, trafilatura and GNE, side by side.

Usage, from the repo root::

    .venv/bin/python benchmarks/bench_extract.py [--passes 5] [--corpus zh-local ...] [--only ours] [--profile]

Pages: every article page of the ``../shared/corpora`` corpora (default:
zh-local, zh-magic, zh-twnews, zh-readability, multilingual), read as bytes
once. Each system gets the page as a crawler hands it over:

- ``lxml_parse``: the bytes decoded (``choose_encoding``) and parsed the way
  parsel builds its tree (``lxml.etree.fromstring`` with an UTF-8
  ``HTMLParser``): the floor of any extraction on a parsed page;
- ``ours``: ``extract_article(bytes, url, fetched_at=...)``, everything
  included (decoding, parsing, all fields);
- ``trafilatura``: ``bare_extraction(text, url=url, with_metadata=True)`` (the
  call of ``evaluation/eval_extraction.py``; title, date, author, text);
- ``gne``: ``GeneralNewsExtractor().extract(text)``, one shared instance.

trafilatura and GNE get the decoded text (decoding not counted for them).
Each system has one warm-up pass, then ``--passes`` timed passes,
interleaved (pass 1: every system, pass 2: every system …), every call timed
with ``time.perf_counter`` and the garbage collector off during a pass. Per
system: median ms/page (median over pages of each page's median over
passes), mean ms/page (median pass time / pages), p90 and pages/s. A system
that is not installed is skipped with a note. ``--profile`` runs cProfile on
one pass of ours (after a warm-up pass) and prints the 25 functions with
the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(REPO))

import lxml.etree  # noqa: E402
import lxml.html  # noqa: E402

from crawler.extract.article import extract_article  # noqa: E402
from crawler.extract.encoding import choose_encoding  # noqa: E402
from evaluation.corpora import CorpusMissing, Page, pages  # noqa: E402

CORPORA = ("zh-local", "zh-magic", "zh-twnews", "zh-readability", "multilingual")
FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)
PARSER = lxml.html.HTMLParser(recover=True, encoding="utf-8")


def lxml_parse(page: Page):
    text = page.html_bytes.decode(choose_encoding(page.html_bytes), errors="replace")
    return lxml.etree.fromstring(text.encode("utf-8"), parser=PARSER)


def ours(page: Page):
    return extract_article(page.html_bytes, page.url, fetched_at=FETCHED_AT)


def trafilatura_system():
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda page: trafilatura.bare_extraction(page.text, url=page.url, with_metadata=True)


def gne_system():
    try:
        from gne import GeneralNewsExtractor
    except ImportError:
        return None
    extractor = GeneralNewsExtractor()

    def run(page: Page):
        try:
            return extractor.extract(page.text)
        except Exception:  # noqa: BLE001 - GNE fails on some pages; timed all the same
            return None

    return run


def timed_pass(run, corpus_pages: list[Page]) -> list[float]:
    """Milliseconds of each page, one pass, garbage collector off."""
    gc.collect()
    gc.disable()
    try:
        times = []
        for page in corpus_pages:
            started = time.perf_counter()
            run(page)
            times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        gc.enable()


def report(name: str, passes: list[list[float]]) -> str:
    per_page = [statistics.median(times) for times in zip(*passes)]
    pass_ms = statistics.median(sum(times) for times in passes)
    pages_count = len(per_page)
    p90 = statistics.quantiles(per_page, n=10)[-1]
    return (
        f"{name:<14}{statistics.median(per_page):>10.2f}{pass_ms / pages_count:>10.2f}{p90:>9.2f}"
        f"{1000 * pages_count / pass_ms:>10.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="timed passes per system (default 5)")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="corpus to use (default: all)")
    parser.add_argument("--only", action="append", choices=("lxml_parse", "ours", "trafilatura", "gne"),
                        help="time only these systems")
    parser.add_argument("--profile", action="store_true", help="cProfile one pass of ours instead of timing")
    args = parser.parse_args(argv)
    try:
        corpus_pages = [page for corpus in args.corpus or CORPORA for page in pages(corpus, kind="article")]
    except CorpusMissing as missing:
        print(f"error: {missing} (the corpora live in ../shared/corpora)", file=sys.stderr)
        return 2
    for page in corpus_pages:
        page.text  # noqa: B018 - read and decode every page before timing
    if args.profile:
        timed_pass(ours, corpus_pages)  # warm-up: dateparser loads its locales on first use
        profile = cProfile.Profile()
        profile.runcall(timed_pass, ours, corpus_pages)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return 0
    systems = {"lxml_parse": lxml_parse, "ours": ours}
    for name, factory in (("trafilatura", trafilatura_system), ("gne", gne_system)):
        run = factory()
        if run is None:
            print(f"{name}: not installed (pip install -r evaluation/requirements.txt); skipped")
        else:
            systems[name] = run
    if args.only:
        systems = {name: run for name, run in systems.items() if name in args.only}
    for run in systems.values():
        timed_pass(run, corpus_pages)  # warm-up
    passes: dict[str, list[list[float]]] = {name: [] for name in systems}
    for _ in range(args.passes):
        for name, run in systems.items():
            passes[name].append(timed_pass(run, corpus_pages))
    print(f"{len(corpus_pages)} pages, {args.passes} passes")
    print(f"{'system':<14}{'median ms':>10}{'mean ms':>10}{'p90 ms':>9}{'pages/s':>10}")
    for name, system_passes in passes.items():
        print(report(name, system_passes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
