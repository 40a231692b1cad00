"""Milliseconds per listing page for ``extract_listing``, next to what parsing the page costs.

For every page ``evaluation/eval_listing.py`` scores (the listing fixtures
of ``tests/fixtures/listings``, the demo portal's listing pages as served and
brought to about 80 KB like a real county portal's, and the real pages of
``../shared/corpora/listing`` when present), the median over repeated runs of:

``parse``
    lxml parsing alone (``parsel.Selector(text=…)``: what Scrapy does for
    ``response.selector``);
``extract``
    ``extract_listing`` on the parsed page: the cost the spider adds to a
    listing response, whose selector is already built;
``total``
    parse + extract, from the decoded text (freeing the page at the end
    included);
``floor``
    parse + reading every link's ``href`` and text and nothing else: what
    any extractor built on lxml that looks at every link pays before its
    first rule (the budget left for the rules is the target minus this).

and, over the pages of each set, the median, 90th percentile, mean and
maximum of those per-page figures. The target is a total of at most 10 ms
on every page; the pages over it are listed with their floor, and so are
the pages whose extraction alone is over 10 ms.

Usage, from the repo root::

    .venv/bin/python benchmarks/bench_listing.py [--repeat 15] [--page NAME ...]

``--page`` keeps the pages whose ``set/id`` holds one of the names given
(``--page netease gne-163-2``): the same measures on fewer pages.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

from lxml import etree
from parsel import Selector

REPO = Path(__file__).resolve().parent.parent
# Run as a script: benchmarks/ is on sys.path already; the project must be too.
sys.path.insert(1, str(REPO))

from crawler.extract import extract_listing
from crawler.extract.encoding import choose_encoding
from evaluation.corpora import CorpusMissing
from evaluation.eval_listing import demo_cases, fixture_cases, shared_cases

TARGET_MS = 10.0  # issue 5: parse + extract of a listing page


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def read_every_link(text: str) -> list[tuple]:
    """Parse the page and read each link's href and text: the least a listing extractor does."""
    return [
        (anchor.get("href"), etree.tostring(anchor, method="text", encoding=str, with_tail=False))
        for anchor in Selector(text=text).root.iter("a")
    ]


def measure(case, repeat: int) -> dict:
    text = case.html.decode(choose_encoding(case.html), errors="replace")
    selector = Selector(text=text)
    parse = median_ms(lambda: Selector(text=text), repeat)
    extract = median_ms(lambda: extract_listing(selector, case.url), repeat)
    total = median_ms(lambda: extract_listing(Selector(text=text), case.url), repeat)
    floor = median_ms(lambda: read_every_link(text), repeat)
    return {
        "page": f"{case.set}/{case.id}", "kb": len(case.html) / 1024, "links": len(selector.root.xpath("//a")),
        "parse": parse, "extract": extract, "total": total, "floor": floor,
    }


def p90(values: list[float]) -> float:
    """The 90th percentile (interpolated between pages; the largest value for fewer than two pages)."""
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def summary(label: str, rows: list[dict]) -> None:
    for key in ("parse", "extract", "total", "floor"):
        values = [row[key] for row in rows]
        print(f"  {label:10} {key:8} median {statistics.median(values):6.2f} ms   p90 {p90(values):6.2f} ms"
              f"   mean {statistics.mean(values):6.2f} ms   max {max(values):6.2f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per page and measure (median taken)")
    parser.add_argument("--page", nargs="+", metavar="NAME", help="only the pages whose set/id holds one of these")
    args = parser.parse_args(argv)
    cases = fixture_cases() + demo_cases()
    try:
        cases += shared_cases()
    except CorpusMissing as missing:
        print(f"shared listing pages skipped: {missing}", file=sys.stderr)
    if args.page:
        cases = [case for case in cases if any(name in f"{case.set}/{case.id}" for name in args.page)]
        if not cases:
            parser.error(f"no page matches {' '.join(args.page)}")
    rows = [measure(case, args.repeat) for case in cases]
    print(f"{'page':46} {'KB':>6} {'links':>6} {'parse':>7} {'extract':>8} {'total':>7} {'floor':>7}"
          f"  (ms, median of {args.repeat})")
    for row in rows:
        print(f"{row['page']:46} {row['kb']:6.0f} {row['links']:6d}"
              f" {row['parse']:7.2f} {row['extract']:8.2f} {row['total']:7.2f} {row['floor']:7.2f}")
    print()
    for label in ("fixtures", "demo", "shared"):
        subset = [row for row in rows if row["page"].startswith(label + "/")]
        if subset:
            summary(label, subset)
    summary("all", rows)
    over = [
        f"{row['page']} (total {row['total']:.1f}, floor {row['floor']:.1f}:"
        f" {TARGET_MS - row['floor']:.1f} left for the rules)"
        for row in rows if row["total"] > TARGET_MS
    ]
    print(f"\npages over the {TARGET_MS:.0f} ms target (total): {'; '.join(over) if over else 'none'}")
    slow = [f"{row['page']} ({row['extract']:.1f})" for row in rows if row["extract"] > TARGET_MS]
    print(f"pages whose extraction alone is over {TARGET_MS:.0f} ms: {', '.join(slow) if slow else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
