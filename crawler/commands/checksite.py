"""``scrapy checksite NAME [PATH or URL]``: what a site spider gets from each page, and what looks wrong.

For every page saved in ``tests/fixtures/NAME/`` (or the one file or URL
given, fetched politely), prints the listing's links, the dates they show
and its next page, or every article field with the rule that produced it
(a selector and its query, the page's metadata, the generic rules), then
warnings: a selector that matched nothing, an empty title, date or text, a
date after the fetch, a short text, values that differ from
``expected.json``, an ``expected.json`` not reviewed yet. Exit status 1
when there is a warning. ``--write-expected`` rewrites ``expected.json``
from what the spider gets now (unreviewed again).
"""

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from crawler.extract.link_shapes import ARTICLE, LIST, link_kind
from crawler.offline import SavedPage, load_fixture, site_crawler, site_results
from crawler.sitekit.command import SiteCommand
from crawler.sitekit.draft import OFFLINE_SETTINGS
from crawler.sitekit.fetch import fetch_pages
from crawler.sitekit.fixture import write_expected
from crawler.sitekit.names import SiteError, load_site_spider, shown_path, site_files
from crawler.sitekit.report import check_page
from crawler.sitekit.sources import check_url

KINDS = ("listing", "article")
LISTING_LINKS = 5  # a page of unknown kind with this many listing links is a listing


def guess_kind(spider, page: SavedPage) -> str:
    """``listing`` or ``article`` for a page nobody said the kind of: its URL's shape, else its links."""
    kind = link_kind(page.url)
    if kind in (ARTICLE, LIST):
        return "article" if kind == ARTICLE else "listing"
    return "listing" if len(set(spider.listing_entries(page.response()))) >= LISTING_LINKS else "article"


class Command(SiteCommand):
    def syntax(self):
        return "NAME [PATH or URL] [--kind listing|article] [--url URL] [--write-expected]"

    def short_desc(self):
        return "Show what a site spider gets from its saved pages (or a page), the rule behind each value, and warnings"

    def long_desc(self):
        return (
            "For every page saved in tests/fixtures/NAME/, or the one file or URL given (fetched politely), show the "
            "listing's links, the dates they show and the next page, or every article field with the rule that "
            "produced it (a selector and its query, the page's metadata, the generic rules), then warnings (a selector "
            "that matched nothing, an empty title, date or text, a date after the fetch, a short text, values that "
            "differ from expected.json, an expected.json not reviewed). Exit status 1 when there is a warning. "
            "--write-expected rewrites expected.json from what the spider gets now, unreviewed."
        )

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--kind", choices=KINDS, default=None, help="what the page given is (guessed when not given)")
        parser.add_argument("--url", default=None, help="the URL a page file given was saved from")
        parser.add_argument("--write-expected", action="store_true",
                            help="rewrite the site's expected.json from what the spider gets now (unreviewed)")

    def run_site(self, args, opts):
        if len(args) not in (1, 2):
            raise SiteError("give the spider's NAME, and maybe a page: scrapy checksite NAME [PATH or URL]")
        if opts.write_expected and len(args) == 2:
            raise SiteError("--write-expected rewrites the saved pages' expected.json: give only the NAME")
        files = site_files(args[0], self.settings, opts.spiders_dir, opts.fixtures_dir)
        spider_class = load_site_spider(files, self.crawler_process.spider_loader, from_folder=bool(opts.spiders_dir))
        fetched_at, pages, expected = saved_pages(files)
        if len(args) == 2:
            fetched_at, pages, expected = self.given(args[1], opts, files, (fetched_at, pages, expected))
        elif not pages:
            raise SiteError(f"no saved pages in {files.fixture}: give a page, scrapy checksite {files.name} URL")
        with TemporaryDirectory() as state:
            crawler = site_crawler(spider_class, OFFLINE_SETTINGS | {"OUTPUT_DIR": state})
            if opts.write_expected:
                write_expected(files.fixture, files.name, site_results(crawler, pages, fetched_at))
                print(f"Wrote {files.fixture / 'expected.json'}, not reviewed: check it, then set \"_reviewed\": true.")
                return
            pages = [page if page.kind else replace(page, kind=guess_kind(crawler.spider, page)) for page in pages]
            checks = [check_page(crawler, page, fetched_at, expected) for page in pages]
        lines, warnings = report(files, crawler.spider, fetched_at, expected, checks)
        print("\n".join(lines), flush=True)
        self.exitcode = 1 if warnings else 0

    def given(self, target: str, opts, files, saved: tuple):
        """``(fetched_at, [page], expected)`` for the page named on the command line (``saved``: the fixture's).

        A page of the site's fixture folder keeps its URL, kind and expected
        values; another file or a URL is a page of unknown kind (``--kind``
        or guessed), with no expected values.
        """
        if target.startswith(("http://", "https://")):
            check_url(target, "URL")
            fetched = fetch_pages(self.crawler_process, [target])
            if target not in fetched.pages:
                raise SiteError(f"could not fetch {target}: {fetched.failures.get(target, 'no answer')}")
            page = replace(fetched.pages[target], file=target, kind=opts.kind or "")
            return fetched.fetched_at, [page], None
        path = Path(target)
        if not path.is_file():
            raise SiteError(f"no file {target}")
        fetched_at, pages, expected = saved
        known = [page for page in pages if page.file == path.name]
        if known and path.resolve().parent == files.fixture.resolve():
            return fetched_at, known, expected
        url = opts.url or path.resolve().as_uri()
        if opts.url:
            check_url(opts.url, "--url")
        page = SavedPage(path.name, url, opts.kind or "", "text/html", path.read_bytes())
        return datetime.now(UTC).replace(microsecond=0).isoformat(), [page], None


def saved_pages(files) -> tuple[str | None, list[SavedPage], dict | None]:
    """The fixture folder's ``fetched_at``, saved pages and ``expected.json`` (None when absent)."""
    if not (files.fixture / "meta.json").is_file():
        return None, [], None
    expected_file = files.fixture / "expected.json"
    try:
        meta, pages = load_fixture(files.fixture)
        expected = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.is_file() else None
        return meta["fetched_at"], pages, expected
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SiteError(f"cannot read the saved pages in {files.fixture}: {type(error).__name__}: {error}") from None


def report(files, spider, fetched_at, expected, checks) -> tuple[list[str], int]:
    """The lines checksite prints, and the number of warnings."""
    family = f", a {spider.family} site" if getattr(spider, "family", "") else ""
    lines = [f"{spider.name}: {spider.site_name or spider.name} — {type(spider).__name__}{family}"]
    warnings = 0
    if expected is not None:
        reviewed = expected.get("_reviewed") is True
        lines.append(f"saved pages: {shown_path(files.fixture)} (fetched {fetched_at}); expected.json "
                     + ("reviewed" if reviewed else "NOT reviewed"))
        if not reviewed:
            warnings += 1
            lines.append('! expected.json is not reviewed: check the values below against the pages, '
                         'then set "_reviewed": true')
    for check in checks:
        page = check.page
        lines += ["", f"── {page.file} · {page.kind} · {page.url}", *check.lines]
        lines += [f"· {note}" for note in check.notes]
        lines += [f"! {warning}" for warning in check.warnings] or ["ok"]
        warnings += len(check.warnings)
    pages = f"{len(checks)} page" + ("s" if len(checks) != 1 else "")
    counted = f"{warnings or 'no'} warning{'s' if warnings != 1 else ''}"
    lines += ["", f"{pages}, {counted}" + (" (lines marked !)." if warnings else ".")]
    return lines, warnings
