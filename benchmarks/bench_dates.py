"""Dates: the fast path against dateparser, and the date work's share of a crawl.

Usage, from the repo root::

    .venv/bin/python benchmarks/bench_dates.py [--repeat 7]

1. Microseconds per call on a realistic mix of date strings: the inputs of
   the research table (``tests/data/date_table.jsonl``) and, when
   ``../shared/corpora`` is there, the raw published/updated strings that
   ``find_published`` / ``find_updated`` read on its pages. Each string is
   timed with ``normalize_date`` (our parser: the fast path, dateparser only
   for the long tail) and with ``dateparser.parse`` alone (the same settings:
   zone, relative base, past preference), both with cold caches: our
   caches of results, fetch times and URL dates are emptied before every
   call (see clear_caches), and dateparser keeps no results.
   The figure per string is the median of ``--repeat`` calls; the table
   gives medians and means per group: *common* strings (those the fast path
   reads) and the *long tail* (handed to dateparser).
2. The date work's share of crawl time, against the 2.6 ms of CPU per page of
   the reference crawl (../shared/research/perf.md §1b): the date pipeline
   (``DatesPipeline.process_item`` on an article with a published and an
   updated date, cold caches) and the page-level evidence
   (``PageDates(...).published`` and ``.updated`` on the corpora's parsed
   pages, which ``ArticleExtractor`` runs on every page).
"""

import argparse
import json
import logging
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Run as a script: benchmarks/ is on sys.path already; the project must be too.
sys.path.insert(1, str(REPO))

import dateparser  # noqa: E402
from parsel import Selector  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from crawler.dates import fallback, parse  # noqa: E402
from crawler.dates.parse import clear_caches, normalize_date  # noqa: E402
from crawler.dates.url import url_date  # noqa: E402
from crawler.extract.published import PageDates  # noqa: E402
from crawler.items import Article  # noqa: E402
from crawler.spiders.base import PortalSpider  # noqa: E402
from evaluation.corpora import CORPORA, CorpusMissing, pages  # noqa: E402
from pipelines.dates import DatesPipeline  # noqa: E402

TABLE = REPO / "tests" / "data" / "date_table.jsonl"
NOW = datetime(2025, 1, 1, tzinfo=UTC)
ZONE = "Asia/Shanghai"
REFERENCE_PAGE_MS = 2.6  # Scrapy CPU per page, reference crawl (perf.md §1b)
CORPORA_NAMES = ("zh-local", "zh-twnews", "multilingual", "zh-magic")
DATEPARSER_SETTINGS = {
    "TIMEZONE": ZONE,
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
    "RELATIVE_BASE": NOW.replace(tzinfo=None),
}


def table_strings() -> list[str]:
    rows = (json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row["input"] for row in rows if row["kind"] != "url"]


def corpus_pages() -> list:
    found = []
    for name in CORPORA_NAMES:
        try:
            found.extend(pages(name, kind="article"))
        except CorpusMissing:
            continue
    return found


def page_dates(page, sel) -> PageDates:
    return PageDates(sel, page.url, now=NOW, timezone=ZONE, languages=[page.lang] if page.lang else None)


def corpus_strings(parsed) -> list[str]:
    """The raw date strings the page-level evidence reads on the corpora."""
    strings = []
    for page, sel in parsed:
        found = page_dates(page, sel)
        strings.extend(evidence.raw for evidence in (found.published, found.updated) if evidence is not None)
    return strings


def time_call(function, repeat: int, before=None) -> float:
    """Median µs of ``repeat`` calls of ``function``, ``before`` run untimed before each."""
    samples = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1000


def is_common(text: str) -> bool:
    """Does the fast path read ``text`` (no dateparser)?"""
    return not isinstance(parse.scan(text), fallback.LongTail)


def bench_strings(strings: list[str], repeat: int) -> None:
    # dateparser loads its locale data on first use (~100 ms): not a per-call cost.
    dateparser.parse("2020-05-09", settings=DATEPARSER_SETTINGS)
    rows = []
    for text in dict.fromkeys(strings):
        ours = time_call(lambda: normalize_date(text, now=NOW, timezone=ZONE), repeat, before=clear_caches)
        theirs = time_call(lambda: dateparser.parse(text, settings=DATEPARSER_SETTINGS), repeat)
        rows.append((is_common(text), ours, theirs))
    print(f"1. µs per call, cold caches, median of {repeat} calls per string "
          f"({len(rows)} distinct strings: research table + corpora)")
    print(f"   {'strings':<22}{'n':>5}{'ours median':>13}{'ours mean':>11}{'dateparser median':>19}"
          f"{'dateparser mean':>17}{'ratio of medians':>18}{'of means':>10}")
    for label, selected in (
        ("common (fast path)", [r for r in rows if r[0]]),
        ("long tail", [r for r in rows if not r[0]]),
        ("all", rows),
    ):
        if not selected:
            continue
        ours = [r[1] for r in selected]
        theirs = [r[2] for r in selected]
        of_medians = statistics.median(theirs) / statistics.median(ours)
        of_means = statistics.mean(theirs) / statistics.mean(ours)
        print(f"   {label:<22}{len(selected):>5}{statistics.median(ours):>13.1f}{statistics.mean(ours):>11.1f}"
              f"{statistics.median(theirs):>19.1f}{statistics.mean(theirs):>17.1f}"
              f"{of_medians:>17.0f}x{of_means:>9.0f}x")


def dates_pipeline():
    crawler = get_crawler(PortalSpider, {})
    crawler.spider = crawler._create_spider(name="bench")
    crawler.stats.open_spider()
    pipeline = DatesPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def bench_pipeline(strings: list[str], repeat: int) -> float:
    """Mean over articles of the median µs of DatesPipeline.process_item (a published and an updated
    string each; a string the spider's zone and languages refuse is logged, and the log is off here)."""
    logging.disable(logging.WARNING)
    pipeline = dates_pipeline()
    pairs = list(zip(strings[::2], strings[1::2]))
    per_item = []
    for published, updated in pairs:
        def process():
            pipeline.process_item(Article(
                url="https://www.qxnews.cn/xwzx/qxyw/content_10234.html", published_raw=published,
                updated_raw=updated, fetched_at=NOW.isoformat(),
            ))

        per_item.append(time_call(process, repeat, before=clear_caches))
    return statistics.mean(per_item)


def bench_page_dates(parsed, repeat: int) -> dict[str, list[float]]:
    """µs per page of PageDates published + updated, with cold caches, by corpus."""
    per_corpus: dict[str, list[float]] = {}
    for page, sel in parsed:
        def find():
            found = page_dates(page, sel)
            return found.published, found.updated

        per_corpus.setdefault(page.corpus, []).append(time_call(find, repeat, before=clear_caches))
    return per_corpus


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="calls per string / item / page (default 7)")
    args = parser.parse_args(argv)

    corpus = corpus_pages()
    parsed = [(page, Selector(text=page.text)) for page in corpus]
    if not parsed:
        print(f"(no corpora at {CORPORA}: research table strings only)")
    strings = table_strings() + corpus_strings(parsed)
    bench_strings(strings, args.repeat)

    pipeline_us = bench_pipeline(strings, args.repeat)
    print(f"\n2. Share of crawl time (reference: {REFERENCE_PAGE_MS} ms CPU per page, perf.md §1b)")
    print(f"   DatesPipeline.process_item, per article: {pipeline_us:.1f} µs mean "
          f"= {100 * pipeline_us / (REFERENCE_PAGE_MS * 1000):.2f}% of a page")
    if parsed:
        per_corpus = bench_page_dates(parsed, args.repeat)
        print("   page-level evidence (PageDates published + updated), µs per page on the corpora's parsed pages:")
        for label, times in [*per_corpus.items(), ("all", [t for ts in per_corpus.values() for t in ts])]:
            mean = statistics.mean(times)
            share = 100 * mean / (REFERENCE_PAGE_MS * 1000)
            print(f"     {label:<14}{len(times):>4} pages  median {statistics.median(times):5.0f}  mean {mean:5.0f}"
                  f"  p90 {sorted(times)[int(0.9 * len(times))]:5.0f}  = {share:4.1f}% of a page (mean)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
