"""cProfile of our per-article path on generated pages: which functions the time goes to.

Usage, from the repo root::

    .venv/bin/python benchmarks/profile_ours.py [--articles 200] [--top 30]

Generates ``--articles`` article pages (``generated_portal``, no server),
warms up once, then profiles, for every page: the charset middleware, the
``demo_county`` article callback and every item pipeline (record-seen on its
``item_scraped`` signal), as a crawl runs them. Prints the functions with the
most cumulative and the most own time. cProfile slows Python code more
than C code (lxml, regexes), so read it for ranking; ``crawl_throughput``'s
breakdown has the unprofiled figures.
"""

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Run as a script: benchmarks/ is on sys.path already; the project must be too.
sys.path.insert(1, str(REPO))

from scrapy.utils.misc import build_from_crawler, load_object  # noqa: E402

from crawler.extensions.seen_state import SeenState  # noqa: E402
from crawler.middlewares import CharsetFixMiddleware  # noqa: E402
from benchmarks.generated_portal import build_portal  # noqa: E402
from benchmarks.page_costs import PIPELINE_ORDER, project_crawler, responses  # noqa: E402
from crawler.dates.parse import clear_caches  # noqa: E402

BASE_URL = "http://127.0.0.1:8000"


def crawl_path(pages, output_dir: Path) -> None:
    """What a crawl does to each article page after the download, with a fresh seen-store."""
    crawler = project_crawler(output_dir, BASE_URL)
    middleware = CharsetFixMiddleware(crawler.stats)
    stages = [build_from_crawler(load_object(path), crawler) for path in PIPELINE_ORDER]
    for stage in stages:
        if hasattr(stage, "open_spider"):
            stage.open_spider()
    for response in responses(pages):
        response = middleware.process_response(response.request, response)
        for item in crawler.spider.parse_article(response):
            for stage in stages:
                if hasattr(stage, "process_item"):
                    stage.process_item(item)
                else:  # record-seen works on the item_scraped signal
                    stage.item_scraped(item, response, crawler.spider)
    SeenState.store_for(crawler).close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="article pages to profile (default 200)")
    parser.add_argument("--top", type=int, default=30, help="functions to list (default 30)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.top < 1:
        parser.error("--articles and --top must be at least 1")
    with tempfile.TemporaryDirectory(prefix="profile-ours-") as workdir:
        portal = build_portal(Path(workdir) / "site", args.articles)
        pages = [(BASE_URL + article.path, portal.file(article.path).read_bytes()) for article in portal.articles]
        crawl_path(pages, Path(workdir) / "warm-up")
        clear_caches()
        profile = cProfile.Profile()
        profile.runcall(crawl_path, pages, Path(workdir) / "profiled")
    print(f"cProfile of our path on {len(pages)} generated article pages (charset middleware, "
          f"parse_article, {len(PIPELINE_ORDER)} pipelines):")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
