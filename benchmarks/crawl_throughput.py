"""Crawl throughput: a bare Scrapy spider against our full spider and pipelines, on one generated portal, in one run.

Usage, from the repo root::

    .venv/bin/python benchmarks/crawl_throughput.py [--articles 2000] [--repeat 3] [--passes 5] [--cost-pages 200] [--keep]

1. Generates a static copy of the demo portal with ``--articles`` article
   pages and about a hundred listing pages, 40 to 100 KB each
   (``generated_portal``), in a temporary directory.
2. Serves it on 127.0.0.1 with nginx, or with Python's http.server when
   nginx is not installed (``static_server``; the figures are then
   CPU-contended, and the script says so).
3. Crawls it ``--repeat`` times with each side, alternating bare, bare-tuned
   (the bare spider given the project's tuning of Scrapy and the GC) and ours
   inside each repetition (``crawl_runs``), and prints pages/s (median and
   min–max), the ratio ours/bare against the 0.85 target and ours/bare-tuned
   (our page path's cost alone), items written (must equal ``--articles`` on
   every side), CPU per page and peak RSS.
4. Times each step of both paths in-process on ``--cost-pages`` article
   pages and all listing pages (``page_costs``), so the gap can be traced.

Exits with status 1 when a crawl did not write one item per article.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Run as a script: benchmarks/ is on sys.path already; the project must be too.
sys.path.insert(1, str(REPO))

import lxml.etree  # noqa: E402
import parsel  # noqa: E402
import scrapy  # noqa: E402

from benchmarks.crawl_runs import COMMON_SETTINGS, CrawlFailed, CrawlResult, feed_files, run_crawl  # noqa: E402
from benchmarks.generated_portal import Portal, build_portal  # noqa: E402
from benchmarks.page_costs import Cost, PageCosts  # noqa: E402
from benchmarks.page_edits import TemplateChanged  # noqa: E402
from benchmarks.static_server import ServerFailed, StaticServer  # noqa: E402

TARGET_RATIO = 0.85
SIDES = ("bare", "bare-tuned", "ours")
# A 1-minute load average above this (per CPU) means other work competes with the crawls.
BUSY_LOAD_PER_CPU = 0.5


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs ({model or platform.processor()}), {memory:.0f} GiB RAM, {platform.platform()}"


def versions() -> str:
    lxml_version = ".".join(map(str, lxml.etree.LXML_VERSION[:3]))
    return (f"Python {platform.python_version()}, Scrapy {scrapy.__version__}, parsel {parsel.__version__}, "
            f"lxml {lxml_version} (libxml2 {'.'.join(map(str, lxml.etree.LIBXML_VERSION))})")


def code_state() -> str:
    """The commit measured, and whether the working tree differs from it (others edit it concurrently)."""
    def git(*arguments):
        return subprocess.run(["git", "-C", str(REPO), *arguments], capture_output=True, text=True).stdout.strip()

    try:
        commit, changed = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "--untracked-files=no")
    except OSError:
        return "unknown (no git)"
    return f"commit {commit or 'unknown'}" + (f" + uncommitted changes in {len(changed.splitlines())} files" if changed else "")


def load() -> str:
    """The load average, with a warning when other work competes for the CPUs."""
    one_minute = os.getloadavg()[0]
    busy = one_minute > BUSY_LOAD_PER_CPU * (os.cpu_count() or 1)
    return f"{one_minute:.2f}" + (" (BUSY: other processes compete for the CPUs; expect noisy figures)" if busy else "")


def spread(values: list[float], digits: int = 1) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def kilobytes(sizes: list[int]) -> str:
    return f"median {statistics.median(sizes) / 1000:.0f} KB ({min(sizes) / 1000:.0f}–{max(sizes) / 1000:.0f})"


def run_line(result: CrawlResult) -> str:
    dropped = f", dropped {result.dropped}" if result.dropped else ""
    errors = f", {result.errors} errors logged" if result.errors else ""
    return (f"  repetition {result.repetition} {result.side:10s}: {result.responses} pages in {result.elapsed_s:.2f} s = "
            f"{result.pages_per_s:6.1f} pages/s, {result.items_written} items written, "
            f"CPU {result.cpu_ms_per_page:.2f} ms/page, peak RSS {result.peak_rss_mb:.0f} MB, "
            f"server CPU {result.server_cpu_s:.2f} s{dropped}{errors}")


def extracted_as_generated(portal: Portal, base_url: str, feeds: list[Path]) -> str:
    """How many of our articles have exactly the generated title and body: a broken extraction's speed means little."""
    expected = {base_url + article.path: (article.title, article.body) for article in portal.articles}
    records = [json.loads(line) for path in feeds for line in path.read_text(encoding="utf-8").splitlines()]
    same = sum(expected.get(record["url"]) == (record.get("title"), record.get("body")) for record in records)
    return f"ours extracted the generated title and body on {same} of {len(expected)} pages"


def print_throughput(results: list[CrawlResult], articles: int, server: StaticServer) -> list[str]:
    """The summary table; returns the problems found (items written ≠ articles)."""
    by_side = {side: [r for r in results if r.side == side] for side in SIDES}
    print(f"\nThroughput ({len(by_side['bare'])} crawls per side, {by_side['bare'][0].responses} pages each):")
    print(f"  {'side':10s} {'pages/s median (min–max)':26s} {'items written':14s} {'CPU ms/page':18s} "
          f"{'peak RSS MB':12s} server CPU-s")
    for side, runs in by_side.items():
        items = sorted({r.items_written for r in runs})
        print(f"  {side:10s} {spread([r.pages_per_s for r in runs]):26s} {'/'.join(map(str, items)):14s} "
              f"{spread([r.cpu_ms_per_page for r in runs], 2):18s} {statistics.median(r.peak_rss_mb for r in runs):<12.0f} "
              f"{statistics.median(r.server_cpu_s for r in runs):.2f}")
    pages_per_s = {side: statistics.median(r.pages_per_s for r in runs) for side, runs in by_side.items()}
    cpu = {side: statistics.median(r.cpu_ms_per_page for r in runs) for side, runs in by_side.items()}
    ours = pages_per_s["ours"]
    for baseline, meaning in (
        ("bare", "the bare Scrapy spider, Scrapy's defaults"),
        ("bare-tuned", "the same spider with the project's tuning of Scrapy and the GC: our page path's cost alone"),
    ):
        paired = [o.pages_per_s / b.pages_per_s for b, o in zip(by_side[baseline], by_side["ours"])]
        verdict = f"; target ≥ {TARGET_RATIO}: {'met' if ours / pages_per_s[baseline] >= TARGET_RATIO else 'NOT met'}"
        print(f"  ratio ours/{baseline}: {ours / pages_per_s[baseline]:.3f} (per repetition {min(paired):.3f}–"
              f"{max(paired):.3f}; CPU per page {baseline}/ours {cpu[baseline] / cpu['ours']:.3f})"
              f"{verdict if baseline == 'bare' else ''}  [{meaning}]")
    print(f"  wall time per page: " + ", ".join(f"{side} {1000 / value:.2f} ms" for side, value in pages_per_s.items()))
    print("  (CPU per page moves less than wall time when other work shares the machine; it includes the process start)")
    if not server.fast:
        print("  NOTE: served by Python's http.server, not nginx: the server competes with the crawler for the CPU; "
              "these figures are CPU-contended and lower than with nginx.")
    return [f"{r.side} crawl {r.repetition} wrote {r.items_written} items, expected {articles}"
            for r in results if r.items_written != articles]


def print_costs(costs: list[Cost], portal: Portal, cost_pages: int, passes: int) -> None:
    articles, listings = len(portal.articles), len(portal.listing_paths)
    print(f"\nPer-page costs, in-process, no network ({cost_pages} article pages, {listings} listing pages; "
          f"median of {passes} passes), ms per page:")
    print(f"  {'step':66s} {'bare':>7s} {'ours':>7s}")
    for cost in costs:
        cells = " ".join(f"{'–' if value is None else f'{value:.3f}':>7s}" for value in (cost.bare, cost.ours))
        per = " per listing page" if cost.per == "listing" else ""
        print(f"  {cost.step:66s} {cells}{per}")

    def per_crawled_page(side: str) -> float:
        total = {"article": 0.0, "listing": 0.0}
        for cost in costs:
            if not cost.included and getattr(cost, side) is not None:
                total[cost.per] += getattr(cost, side)
        return (total["article"] * articles + total["listing"] * listings) / (articles + listings)

    bare, ours = per_crawled_page("bare"), per_crawled_page("ours")
    print(f"  {'sum per crawled page (' + f'{articles} articles, {listings} listings)':66s} {bare:7.3f} {ours:7.3f}"
          f"  (ours +{ours - bare:.3f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="article pages to generate (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="crawls per side (default 3)")
    parser.add_argument("--passes", type=int, default=5, help="timed passes per in-process step (default 5)")
    parser.add_argument("--cost-pages", type=int, default=200, help="article pages for the in-process costs (default 200)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (site, logs, feeds)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1 or args.passes < 1 or args.cost_pages < 1:
        parser.error("--articles, --repeat, --passes and --cost-pages must be at least 1")

    workdir = Path(tempfile.mkdtemp(prefix="crawl-throughput-"))
    try:
        print(f"Crawl throughput benchmark, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
        print(f"  machine: {machine()}")
        print(f"  software: {versions()}")
        print(f"  code: {code_state()}")
        print(f"  load average at start: {load()}")
        portal = build_portal(workdir / "site", args.articles)
        print(f"  portal: {len(portal.articles)} article pages ({kilobytes(portal.article_bytes)}), "
              f"{len(portal.listing_paths)} listing pages ({kilobytes(portal.listing_bytes)}) in {portal.root}")
        print(f"  settings for both sides: {' '.join(f'{name}={value}' for name, value in COMMON_SETTINGS.items())}")
        with StaticServer(portal.root, workdir) as server:
            print(f"  server: {server.description} at {server.base_url}")
            if not server.fast:
                print("  WARNING: nginx is not installed; falling back to Python's http.server. "
                      "Its CPU use competes with the crawler: the figures are CPU-contended.")
            print()
            results = []
            for repetition in range(1, args.repeat + 1):
                for side in SIDES:
                    run_dir = workdir / "runs" / f"{side}-{repetition}"
                    result = run_crawl(side, repetition, server.base_url, run_dir, server.cpu_seconds)
                    print(run_line(result), flush=True)
                    results.append(result)
            problems = print_throughput(results, args.articles, server)
            print(f"  {extracted_as_generated(portal, server.base_url, feed_files('ours', workdir / 'runs' / 'ours-1'))}")
            print(f"  load average after the crawls: {load()}")
        sample = portal.articles[: args.cost_pages]
        article_pages = [(server.base_url + a.path, portal.file(a.path).read_bytes()) for a in sample]
        listing_pages = [(server.base_url + path, portal.file(path).read_bytes()) for path in portal.listing_paths]
        costs = PageCosts(article_pages, listing_pages, server.base_url, args.passes, workdir / "costs").measure()
        print_costs(costs, portal, len(sample), args.passes)
    except (CrawlFailed, ServerFailed, TemplateChanged) as error:
        print(f"\nerror: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"\nkept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
