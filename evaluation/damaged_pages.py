"""Damage real pages and count what stops the extraction (the answer should be nothing).

Each page of the corpora of ``../shared/corpora`` (article pages, and the
listing pages) is handed over several times damaged (``damaged``): the host of
every other absolute link opened by a bracket it never closes
(``http://[host``, which urllib refuses), URL and markup characters written
over it here and there, and cut off short. ``extract_article`` and
``extract_listing`` must give a result for every copy; each exception is
counted and its first occurrences printed. ``tests/test_damaged_pages.py``
runs the same damage over the repo's own fixture pages.

Usage::

    .venv/bin/python -m evaluation.damaged_pages [--corpus NAME ...] [--copies N]
"""

import argparse
import random
import sys
import traceback
from collections import Counter

from crawler.extract import extract_article, extract_listing
from evaluation.corpora import CorpusMissing, pages

CORPORA = ("zh-local", "zh-twnews", "zh-magic", "zh-readability", "multilingual", "listing")
DAMAGE = b'[]<>"\'/:?#&%\x00\xff=;'


def damaged(page: bytes, seed: int, copies: int = 3) -> list[bytes]:
    """The page with the host of every other absolute link opened by a bracket it never closes, ``copies`` times
    with characters of DAMAGE written over it here and there, and cut off short."""
    draw = random.Random(seed)
    hosts = page.split(b"://")
    broken = [b"".join(part + (b"://[" if number % 2 else b"://") for number, part in enumerate(hosts[:-1])) + hosts[-1]]
    for _ in range(copies):
        copy = bytearray(page)
        for _ in range(max(1, len(copy) // 200)):
            copy[draw.randrange(len(copy))] = draw.choice(DAMAGE)
        broken.append(bytes(copy))
    broken.append(page[: draw.randrange(len(page))] if page else page)
    return broken


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=CORPORA, metavar="NAME")
    parser.add_argument("--copies", type=int, default=1, help="copies with scattered characters per page")
    args = parser.parse_args(argv)
    runs, failures, first = 0, Counter(), {}
    for corpus in args.corpus:
        try:
            corpus_pages = list(pages(corpus))
        except CorpusMissing as missing:
            print(f"{corpus}: skipped ({missing})", file=sys.stderr)
            continue
        for number, page in enumerate(corpus_pages):
            for html in damaged(page.html_bytes, seed=number, copies=args.copies):
                for extract in (extract_article, extract_listing):
                    runs += 1
                    try:
                        extract(html, page.url)
                    except Exception as error:  # what is counted here is what must not happen
                        key = (extract.__name__, type(error).__name__, str(error)[:80])
                        failures[key] += 1
                        first.setdefault(key, f"{corpus}/{page.id}\n{traceback.format_exc(limit=-3)}")
    print(f"{runs} extractions of damaged pages, {sum(failures.values())} raised")
    for key, count in failures.most_common():
        print(f"  {count:5d}  {' '.join(key)}\n{first[key]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
