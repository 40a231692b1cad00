"""Where a page's time goes: each step of the bare and of our crawl path, timed in-process on generated pages.

No network and no Scrapy engine: the steps are called directly, on
responses built from the generated files, in the order a crawl runs them.
A pass runs one step over all pages, timed with ``time.perf_counter``; the
passes go round-robin over the steps (one warm-up round, then ``passes``
timed rounds), so a burst of other work on a shared machine hits every step
alike instead of one. A step's cost is its median pass time divided by the
number of pages, in ms per page. As in ``timeit``, the garbage collector runs
before each pass and is off during it. Each pipeline round has a fresh
crawler, seen-store (SQLite, in a temporary directory) and pipelines, and
starts with the date caches empty, so it sees what the first pass of a crawl
sees.

Not here is what the engine adds around these calls (scheduling, the
downloader, a deferred around each pipeline, signals); the crawl benchmark
measures the whole.
"""

import gc
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
from parsel import Selector
from scrapy.exporters import JsonLinesItemExporter
from scrapy.http import HtmlResponse, Request
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

import crawler.settings as project_settings
from crawler.dates.parse import clear_caches
from crawler.extensions.seen_state import SeenState
from crawler.feeds import ArticleJsonLinesExporter, LineAtomicFileStorage
from crawler.middlewares import CharsetFixMiddleware

from benchmarks.bare_spider import BareNewsSpider, article_fields
from benchmarks.ours_spider import DemoCountyBenchSpider

HEADERS = {"Content-Type": "text/html; charset=utf-8"}
# lxml as parsel builds its tree: the floor of any extraction.
HTML_PARSER = lxml.html.HTMLParser(recover=True, encoding="utf-8")
PIPELINE_ORDER = sorted(project_settings.ITEM_PIPELINES, key=project_settings.ITEM_PIPELINES.get)


@dataclass
class Cost:
    """One step's median ms per page on each side (None: the side has no such step)."""

    step: str
    bare: float | None
    ours: float | None
    per: str = "article"  # "article" or "listing": the kind of page the figure is per
    included: bool = False  # part of the step above (or a reference): not added to totals


def responses(pages: list[tuple[str, bytes]]) -> list[HtmlResponse]:
    """Fresh responses (parsel keeps the parsed page on the response)."""
    return [HtmlResponse(url, body=body, headers=HEADERS, request=Request(url)) for url, body in pages]


def one_pass(step, inputs: list) -> float:
    """``step`` over every input: ms per input, with the garbage collector run before and off during."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for value in inputs:
            step(value)
        return (time.perf_counter() - start) / len(inputs) * 1000
    finally:
        gc.enable()


def project_crawler(output_dir: Path, base_url: str):
    """A crawler with the project's settings, its seen-store under ``output_dir``, and our spider."""
    values = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    crawler = get_crawler(DemoCountyBenchSpider, {**values, "OUTPUT_DIR": str(output_dir)})
    crawler.spider = DemoCountyBenchSpider.from_crawler(crawler, base_url=base_url)
    crawler.stats.open_spider()
    return crawler


class PageCosts:
    """``PageCosts(articles, listings, base_url, passes, workdir).measure()`` → list of ``Cost``.

    ``articles`` and ``listings`` are ``(url, body)`` of generated pages.
    """

    def __init__(self, articles, listings, base_url: str, passes: int, workdir: Path):
        self.articles, self.listings = articles, listings
        self.base_url, self.passes, self.workdir = base_url, passes, workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.crawler = project_crawler(workdir / "spider", base_url)
        self.ours = self.crawler.spider
        self.bare = BareNewsSpider(base_url=base_url, feed_path=str(workdir / "unused.jsonl"))
        self.ours_items = [item for response in self.article_responses() for item in self.ours.parse_article(response)]
        self.bare_items = [item for response in self.article_responses() for item in self.bare.parse_article(response)]
        self.parsed = [(Selector(text=body.decode("utf-8")), url) for url, body in articles]
        self.middleware = CharsetFixMiddleware(self.crawler.stats)
        self.exports = 0

    def article_responses(self) -> list[HtmlResponse]:
        return responses(self.articles)

    def rounds(self) -> list:
        """One pass of each step: callables returning ``{key: ms per page}``."""
        return [
            lambda: {"floor": one_pass(lambda page: lxml.etree.fromstring(page[1], parser=HTML_PARSER), self.articles)},
            lambda: {"middleware": one_pass(
                lambda response: self.middleware.process_response(response.request, response), self.article_responses())},
            lambda: {"bare callback": one_pass(lambda response: list(self.bare.parse_article(response)), self.article_responses())},
            lambda: {"ours callback": one_pass(lambda response: list(self.ours.parse_article(response)), self.article_responses())},
            lambda: {"bare fields": one_pass(lambda page: article_fields(*page), self.parsed)},
            lambda: {"ours fields": one_pass(lambda page: self.ours.extractor.extract(*page), self.parsed)},
            self.pipelines_pass,
            lambda: {"bare feed": self.export_pass("bare"), "ours feed": self.export_pass("ours")},
            lambda: {side + " listing": one_pass(lambda response: list(spider.parse(response)), responses(self.listings))
                     for side, spider in (("bare", self.bare), ("ours", self.ours))},
        ]

    def measure(self) -> list[Cost]:
        times: dict[str, list[float]] = defaultdict(list)
        try:
            for _ in range(self.passes + 1):
                for run in self.rounds():
                    for key, ms in run().items():
                        times[key].append(ms)
        finally:
            SeenState.store_for(self.crawler).close()
        ms = {key: statistics.median(values[1:]) for key, values in times.items()}
        return [
            Cost("lxml parse alone (reference: the floor)", ms["floor"], ms["floor"], included=True),
            Cost("charset middleware (choose_encoding)", None, ms["middleware"]),
            Cost("article callback (decode, parse, extract, item)", ms["bare callback"], ms["ours callback"]),
            Cost("  of which extraction on the parsed page", ms["bare fields"], ms["ours fields"], included=True),
            *(Cost(f"pipeline {path.rsplit('.', 1)[1]}", None, ms[path]) for path in PIPELINE_ORDER),
            Cost("feed export (bare: buffered file; ours: unbuffered, line-atomic)", ms["bare feed"], ms["ours feed"]),
            Cost("listing callback (links, pager; ours: + seen-store)", ms["bare listing"], ms["ours listing"], per="listing"),
        ]

    def pipelines_pass(self) -> dict[str, float]:
        """Each pipeline in ``ITEM_PIPELINES`` order over our items, with fresh state."""
        clear_caches()
        ms = {}
        with tempfile.TemporaryDirectory(prefix="pipelines-", dir=self.workdir) as output_dir:
            crawler = project_crawler(Path(output_dir), self.base_url)
            items = [item.deepcopy() for item in self.ours_items]
            scraped = list(zip(items, self.article_responses()))
            for path in PIPELINE_ORDER:
                pipeline = build_from_crawler(load_object(path), crawler)
                if hasattr(pipeline, "open_spider"):
                    pipeline.open_spider()
                if hasattr(pipeline, "process_item"):
                    ms[path] = one_pass(pipeline.process_item, items)
                else:  # record-seen works on the item_scraped signal
                    ms[path] = one_pass(lambda pair: pipeline.item_scraped(*pair, crawler.spider), scraped)
            SeenState.store_for(crawler).close()
        return ms

    def export_pass(self, side: str) -> float:
        """Each side's items to each side's feed storage, in a new file."""
        self.exports += 1
        path = self.workdir / f"{side}-{self.exports}.jsonl"
        if side == "ours":
            file = LineAtomicFileStorage(str(path)).open(self.ours)
            exporter = ArticleJsonLinesExporter(
                file, encoding="utf-8", fields_to_export=project_settings.FEED_EXPORT_FIELDS
            )
            items = self.ours_items
        else:
            file = path.open("wb")
            exporter = JsonLinesItemExporter(file, encoding="utf-8")
            items = self.bare_items
        with file:
            return one_pass(exporter.export_item, items)
