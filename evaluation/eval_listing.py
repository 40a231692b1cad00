"""Score ``crawler.extract.extract_listing`` on labelled listing pages.

Two sets of pages:

``shared``
    the real pages of ``../shared/corpora/listing`` (read through
    ``evaluation.corpora``), labelled by hand in ``listing_labels.jsonl`` next
    to this script: the page URL assumed (the corpus does not know it; links
    are resolved against it), ``article_links``, ``other_article_links``
    (sidebar, headline and hot-list articles: neither required nor wrong)
    and ``next_page``;
``fixtures``
    the listing fixtures of ``tests/fixtures/listings`` (``name.html`` +
    ``name.expected.json``), written for the tests after real CMS templates;
``demo``
    the 8 listing pages of the bundled demo portal (``crawler.demo``), and
    the 6 UTF-8 ones again brought to about 80 KB by the benchmarks' page
    furniture (``benchmarks/page_chrome.py``: mega menus, six dated sidebar
    lists of the portal's own articles, footer link farms). The gold comes
    from the portal's own truth (the articles each page lists), so it owes
    nothing to the extractor; sidebar articles count as wrong.

For each page: link precision (found links that are labelled, links in
``other_article_links`` not counted either way), recall, and whether the next
page is right (both None counts as right). Overall: micro (all links pooled)
and macro (mean of pages) precision and recall, and next-page accuracy. The
baseline is the naive rule "every link whose URL looks like an article"
(``crawler.extract.link_shapes``), to show what the list detection adds.

Usage::

    .venv/bin/python -m evaluation.eval_listing [--set shared|fixtures|demo|all] [--show-misses]
"""

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

from parsel import Selector

from benchmarks.page_chrome import add_chrome
from crawler.demo import DemoPortal
from crawler.demo.portal import CST
from crawler.extract import extract_listing
from crawler.extract.encoding import choose_encoding
from crawler.extract.link_shapes import ARTICLE, link_kind
from crawler.extract.page_links import followable, page_base
from crawler.urls import canonical_url, strip_tracking
from evaluation.corpora import CorpusMissing, pages

HERE = Path(__file__).resolve().parent
DEMO_SITE = "http://127.0.0.1:8355"
DEMO_ANCHOR = datetime(2026, 11, 25, 15, 40, tzinfo=CST)
LABELS = HERE / "listing_labels.jsonl"
FIXTURES = HERE.parent / "tests" / "fixtures" / "listings"


@dataclass
class Case:
    """One labelled listing page."""

    set: str
    id: str
    url: str | None
    html: bytes
    article_links: list[str]
    other_article_links: list[str]
    next_page: str | None


@dataclass
class Score:
    found: int
    right: int
    wrong: int
    expected: int
    next_right: bool
    missed: list[str]
    extra: list[str]

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def shared_cases() -> list[Case]:
    labels = {row["id"]: row for row in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    cases = []
    for page in pages("listing", kind="listing"):
        label = labels.get(page.id)
        if label is None:
            raise SystemExit(f"page {page.id} of the listing corpus has no label in {LABELS.name}")
        cases.append(
            Case("shared", page.id, label["url"], page.html_bytes, label["article_links"],
                 label.get("other_article_links", []), label["next_page"])
        )
    return cases


def fixture_cases(folder: Path = FIXTURES) -> list[Case]:
    cases = []
    for expected_file in sorted(folder.glob("*.expected.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        html_file = expected_file.with_name(expected_file.name.replace(".expected.json", ".html"))
        cases.append(
            Case("fixtures", html_file.stem, expected["url"], html_file.read_bytes(), expected["article_links"],
                 expected.get("other_article_links", []), expected["next_page"])
        )
    return cases


def demo_cases() -> list[Case]:
    portal = DemoPortal(DEMO_ANCHOR, clock=lambda: DEMO_ANCHOR)
    articles = portal.expected_articles()
    other_titles = [(article["path"], article["title"]) for article in articles]
    rng = random.Random(5)
    cases = []
    for section, paths in portal.listing_paths.items():
        for number, path in enumerate(paths):
            first_segment = path.split("/")[1]
            gold = []
            for article in articles:
                if path in article["listing_paths"]:
                    copies = [
                        alt for alt in article["alt_paths"] if "?" not in alt and alt.split("/")[1] == first_segment
                    ]
                    gold.append(DEMO_SITE + (copies[0] if copies else article["path"]))
            next_page = DEMO_SITE + paths[number + 1] if number + 1 < len(paths) else None
            dead = [DEMO_SITE + dead for dead in portal.dead_paths if dead.split("/")[1] == first_segment]
            body = portal.handle(path).body
            cases.append(Case("demo", f"{section}-{number + 1}", DEMO_SITE + path, body, gold, dead, next_page))
            if section != "msgz":  # the GBK template has no places for the furniture
                dressed = add_chrome(body.decode("utf-8"), rng, 80_000, other_titles).encode("utf-8")
                name = f"{section}-{number + 1}-80KB"
                cases.append(Case("demo", name, DEMO_SITE + path, dressed, gold, dead, next_page))
    return cases


def naive_links(html: bytes, url: str | None) -> list[str]:
    """The baseline: every link on the page whose URL is shaped like an article's, in page order."""
    root = Selector(text=html.decode(choose_encoding(html), errors="replace")).root
    base = page_base(root, url)
    links = []
    for href in root.xpath("//a/@href"):
        if followable(href) and link_kind(href) == ARTICLE:
            link = strip_tracking(urljoin(base, href.strip()))
            if link not in links:
                links.append(link)
    return links


def score(case: Case, links: list[str], next_page: str | None) -> Score:
    gold = {canonical_url(u) for u in case.article_links}
    neutral = {canonical_url(u) for u in case.other_article_links}
    found = [canonical_url(u) for u in links]
    right = [u for u in found if u in gold]
    wrong = [u for u in found if u not in gold and u not in neutral]
    expected_next = canonical_url(case.next_page) if case.next_page else None
    got_next = canonical_url(next_page) if next_page else None
    return Score(len(found), len(set(right)), len(wrong), len(gold), expected_next == got_next,
                 sorted(gold - set(found)), wrong)


def report(title: str, scores: list[tuple[Case, Score]], show_misses: bool) -> None:
    print(f"\n{title}")
    print(f"{'page':44} {'found':>5} {'gold':>5} {'prec':>6} {'recall':>6}  next")
    for case, result in scores:
        print(f"{case.set + '/' + case.id:44} {result.found:5d} {result.expected:5d} "
              f"{result.precision:6.3f} {result.recall:6.3f}  {'ok' if result.next_right else 'WRONG'}")
        if show_misses:
            for link in result.missed:
                print(f"      missed {link}")
            for link in result.extra:
                print(f"      extra  {link}")
    right = sum(r.right for _, r in scores)
    wrong = sum(r.wrong for _, r in scores)
    expected = sum(r.expected for _, r in scores)
    micro_p = right / (right + wrong) if right + wrong else 1.0
    micro_r = right / expected if expected else 1.0
    macro_p = sum(r.precision for _, r in scores) / len(scores)
    macro_r = sum(r.recall for _, r in scores) / len(scores)
    with_next = [r for case, r in scores if case.next_page]
    print(f"{'overall (' + str(len(scores)) + ' pages)':44} micro P {micro_p:.3f} R {micro_r:.3f} | "
          f"macro P {macro_p:.3f} R {macro_r:.3f} | next page right on {sum(r.next_right for _, r in scores)}"
          f"/{len(scores)} pages ({sum(r.next_right for r in with_next)}/{len(with_next)} that have one)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("shared", "fixtures", "demo", "all"), default="all")
    parser.add_argument("--show-misses", action="store_true", help="list missed and wrong links")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    args = parser.parse_args(argv)
    cases = []
    if args.set in ("fixtures", "all"):
        cases += fixture_cases()
    if args.set in ("demo", "all"):
        cases += demo_cases()
    if args.set in ("shared", "all"):
        try:
            cases += shared_cases()
        except CorpusMissing as missing:
            print(f"shared listing pages skipped: {missing}", file=sys.stderr)
    if not cases:
        print("no labelled listing pages found", file=sys.stderr)
        return 1
    ours = []
    for case in cases:
        result = extract_listing(case.html, case.url)
        ours.append((case, score(case, result["article_links"], result["next_page"])))
    report("extract_listing", ours, args.show_misses)
    if not args.no_baseline:
        naive = [(case, score(case, naive_links(case.html, case.url), None)) for case in cases]
        report("baseline: every article-shaped link (no next page)", naive, False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
