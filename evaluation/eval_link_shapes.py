"""How often ``crawler.extract.link_shapes`` tells a real article URL for an article.

Every page of the article corpora of ``../shared/corpora`` is an article, so
its own URL (the archived one for web.archive.org copies) is an article URL
of a real site. For each corpus: how many of those URLs ``link_kind`` calls
``article``, ``list`` or nothing. The listing rules read these shapes as
hints (a list of article-shaped links scores higher, list-shaped links are
left out of a list of articles), so an article URL called ``list`` costs
more than one called nothing.

Usage::

    .venv/bin/python -m evaluation.eval_link_shapes [--corpus NAME ...] [--show list|none]
"""

import argparse
import sys
from collections import Counter

from crawler.extract.link_shapes import ARTICLE, LIST, link_kind
from evaluation.corpora import CorpusMissing, pages

CORPORA = ("multilingual", "zh-magic", "zh-twnews", "zh-readability")


def page_url(url: str | None) -> str:
    """The page's URL; for a web.archive.org copy, the archived one."""
    url = url or ""
    archived = url.rfind("http", 1)
    return url[archived:] if archived > 0 else url


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=CORPORA, metavar="NAME")
    parser.add_argument("--show", choices=("list", "none"), help="print the URLs called list (or nothing)")
    args = parser.parse_args(argv)
    shown = {"list": LIST, "none": None}.get(args.show, ARTICLE)
    print(f"{'corpus':16} {'URLs':>5} {'article':>8} {'list':>6} {'nothing':>8}")
    for corpus in args.corpus:
        try:
            urls = [url for url in map(page_url, (page.url for page in pages(corpus))) if url]
        except CorpusMissing as missing:
            print(f"{corpus}: skipped ({missing})", file=sys.stderr)
            continue
        kinds = Counter(map(link_kind, urls))
        print(f"{corpus:16} {len(urls):5d} {kinds[ARTICLE] / len(urls):8.1%} {kinds[LIST] / len(urls):6.1%}"
              f" {kinds[None] / len(urls):8.1%}")
        if args.show:
            for url in urls:
                if link_kind(url) == shown:
                    print(f"    {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
