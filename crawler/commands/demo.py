"""``scrapy demo``: crawl the bundled demo portal end to end and say what happened.

Starts the demo county portal (``crawler.demo``) on a free 127.0.0.1 port,
runs the ``demo_county`` spider against it with the project's settings, so
the JSON Lines land in ``OUTPUT_DIR`` (``-s OUTPUT_DIR=...`` moves them), and
prints pages fetched, articles written, drops by reason and the output file.
``scrapy demo --serve`` only serves the portal until Ctrl-C.
"""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.demo.portal import DemoPortal
from crawler.demo.server import DemoServer

SPIDER = "demo_county"


def portal_anchor() -> datetime:
    """Now, to the hour: runs within the same hour see the very same portal."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).replace(minute=0, second=0, microsecond=0)


def summary(stats: dict) -> list[str]:
    """The lines of the run summary, from a finished crawl's stats."""
    drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("news/dropped/")}
    statuses = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("downloader/response_status_count/")}
    lines = [
        f"Pages fetched:    {stats.get('response_received_count', 0)}"
        f" (listing pages {stats.get('news/listing_pages', 0)};"
        f" HTTP status {', '.join(f'{code}: {n}' for code, n in sorted(statuses.items())) or 'none'})",
        f"Articles written: {stats.get('item_scraped_count', 0)}",
        f"Dropped:          {', '.join(f'{reason} {n}' for reason, n in sorted(drops.items())) or 'none'}",
        f"Output:           {stats.get('feed/path', 'no new articles, no file written')}",
        f"Finish reason:    {stats.get('finish_reason', 'unknown')}",
    ]
    health = stats.get("health")
    if health:
        lines.append("Health:           " + ("healthy" if health["healthy"] else "; ".join(health["problems"])))
    return lines


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self):
        return "[options]"

    def short_desc(self):
        return "Crawl the bundled demo county portal on 127.0.0.1 into output/ (--serve: only serve it)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--serve", action="store_true", help="serve the demo portal until Ctrl-C, do not crawl")
        parser.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")

    def run(self, args, opts):
        if args:
            raise UsageError(f"scrapy demo takes no arguments, got {' '.join(args)}", print_help=False)
        server = DemoServer(DemoPortal(anchor=portal_anchor()), port=opts.port)
        try:
            server.start()
        except OSError as error:
            raise UsageError(f"cannot serve the demo portal on port {opts.port}: {error.strerror}", print_help=False) from None
        try:
            print(f"Demo portal: {server.base_url}/", flush=True)
            if opts.serve:
                self._serve_forever()
                return
            crawler = self.crawler_process.create_crawler(SPIDER)
            self.crawler_process.crawl(crawler, base_url=server.base_url)
            self.crawler_process.start()
            print("\n".join(summary(crawler.stats.get_stats())), flush=True)
            if self.crawler_process.bootstrap_failed:
                self.exitcode = 1
        finally:
            server.stop()

    @staticmethod
    def _serve_forever():
        print("Serving; Ctrl-C stops.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
