"""``scrapy newsite NAME URL``: a new site's spider, saved pages and expected records in one step.

Fetches the listing page at URL and one or two of its articles politely
(robots.txt, the project's user agent and settings) — or reads pages a
person saved, ``--from-file`` — then writes ``crawler/spiders/NAME.py`` (a
few lines on a CMS family base when the site runs on a known one, else a
``PortalSpider`` with selectors proposed from the generic extraction) and
``tests/fixtures/NAME/`` (the pages, ``meta.json``, and ``expected.json``
from running that spider on them, marked unreviewed). Nothing is written
when anything fails. docs/adding-a-site.md walks through the rest.
"""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.sitekit.command import SiteCommand
from crawler.sitekit.draft import ESSENTIAL, draft_site
from crawler.sitekit.fixture import check_free, page_files, write_site
from crawler.sitekit.names import SiteError, check_name, shown_path, site_files
from crawler.sitekit.sources import check_url, pages_from_files, pages_from_web


def summary(files, draft) -> list[str]:
    """What was written, what the spider got, and what to do next."""
    if draft.family:
        how = [f"a {draft.family.family.family} site, so the spider is a {draft.family.base}.",
               f"  Why: {draft.family.evidence}."]
    else:
        how = ["selectors proposed from the generic extraction."]
        if draft.family_refused:
            how.append(f"  It looks like a {draft.family_refused.family.family} site ({draft.family_refused.evidence}), "
                       "but that base did not read the pages.")
    lines = [f"New site {files.name} ({draft.site_name}): {how[0]}", *how[1:], f"  {shown_path(files.spider)}"]
    for page in draft.pages:
        path = shown_path(files.fixture / page.file)
        if page.kind == "listing":
            found = draft.results["listings"][page.file]
            lines.append(f"  {path}  {len(found['article_links'])} article links, next page {found['next_page'] or 'none'}")
        else:
            record = draft.results["articles"][page.file]
            missing = ", ".join(name for name in ESSENTIAL if not record.get(name))
            lines.append(f"  {path}  {record.get('title') or '(no title)'}" + (f"  MISSING {missing}" if missing else ""))
    lines.append(f"  {shown_path(files.fixture / 'meta.json')}, expected.json (not reviewed yet)")
    lines += [
        "Next:",
        f"  1. Finish the docstring of {shown_path(files.spider)} (its TODOs: English name, what the site is, quirks).",
        f"  2. scrapy checksite {files.name}    every value, the rule that produced it, and warnings.",
        f"  3. Fix a wrong value with a selector in the spider, then: scrapy checksite {files.name} --write-expected",
        f"  4. Check {shown_path(files.fixture / 'expected.json')} against the pages and set \"_reviewed\": true.",
        f"  5. python -m pytest tests/test_site_fixtures.py tests/test_spider_registry.py -k {files.name}",
    ]
    return lines


class Command(SiteCommand):
    def syntax(self):
        return "NAME URL [--article URL]... [--from-file PATH]..."

    def short_desc(self):
        return "Write a new site's spider and test pages from its listing URL (docs/adding-a-site.md)"

    def long_desc(self):
        return (
            "Fetch the listing page at URL and one or two of its articles politely (robots.txt, the project's user "
            "agent and settings), or read saved files with --from-file, then write crawler/spiders/NAME.py and "
            "tests/fixtures/NAME/ (the pages, meta.json and an unreviewed expected.json). A site on a known CMS family "
            "gets a few lines on the family's base, any other site selectors proposed from the generic extraction. "
            "Next run scrapy checksite NAME; docs/adding-a-site.md walks through the rest."
        )

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--article", action="append", default=[], metavar="URL",
                            help="an article page to save (by default the first ones the listing links to); repeatable")
        parser.add_argument("--from-file", action="append", default=[], metavar="PATH",
                            help="read the pages from saved files instead: the listing page first, then one file "
                                 "per --article URL, in order; repeatable")
        parser.add_argument("--site-name", default=None, help="the site's name (by default from its pages)")
        parser.add_argument("--timezone", default="Asia/Shanghai", help="the site's time zone (by default Asia/Shanghai)")

    def run_site(self, args, opts):
        if len(args) != 2:
            raise SiteError("give a NAME and the URL of a listing page, e.g. scrapy newsite linjiang_news "
                            "http://www.linjiang.example/xwzx/bdxw/index.html")
        name, url = args
        check_name(name)
        for what, value in [("URL", url), *(("--article", article) for article in opts.article)]:
            check_url(value, what)
        try:
            ZoneInfo(opts.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SiteError(f"--timezone must be a time zone name such as Asia/Shanghai, not {opts.timezone!r}") from None
        files = site_files(name, self.settings, opts.spiders_dir, opts.fixtures_dir)
        check_free(files, self.crawler_process.spider_loader.list())
        if opts.from_file:
            pages, fetched_at, note = pages_from_files(opts.from_file, url, opts.article)
        else:
            pages, fetched_at, note = pages_from_web(self.crawler_process, url, opts.article)
        draft = draft_site(name, url, page_files(pages), fetched_at, site_name=opts.site_name, timezone=opts.timezone)
        write_site(files, draft, note)
        print("\n".join(summary(files, draft)), flush=True)
