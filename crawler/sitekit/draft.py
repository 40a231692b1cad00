"""A new site put together from its saved pages: spider source, the pages, and what the spider gets from them.

``draft_site(...)`` recognises a known CMS family (then the spider is a
few lines on the family's base) or proposes selectors from the generic
extraction, renders the spider (``crawler.sitekit.template``), runs the very
source it rendered on the saved pages, offline, and keeps the results for
``expected.json``. A family whose base does not read the pages (no links,
an article without title, text or date) gives way to the proposed
selectors.
"""

import re
from dataclasses import dataclass, field
from tempfile import TemporaryDirectory

from crawler.extract.listing import read_listing
from crawler.extract.metadata import page_metadata
from crawler.extract.text import normalize_space
from crawler.offline import SavedPage, site_crawler, site_results
from crawler.sitekit.detect import Detection, detect_family
from crawler.sitekit.names import class_name
from crawler.sitekit.propose import Proposal, propose_article, propose_listing
from crawler.sitekit.template import render_spider

SITE_NAME_META = ("sitename", "og:site_name", "application-name")
TITLE_PARTS = re.compile(r"\s*[_|｜\-–—]\s*")
ESSENTIAL = ("title", "body", "published_at")
SHOWN_DATES = 3
OFFLINE_SETTINGS = {"LOG_ENABLED": False}  # the tools print what matters; a crawler would log its settings


def guess_site_name(response) -> str:
    """The site's own name: its metadata, else the last part of the page title (``本地新闻_临江市新闻网``)."""
    metadata = {m.attrib.get("name", m.attrib.get("property", "")).lower(): m.attrib.get("content", "")
                for m in response.css("meta[content]")}
    for key in SITE_NAME_META:
        if normalize_space(metadata.get(key, "")):
            return normalize_space(metadata[key])
    title = normalize_space(" ".join(response.css("title::text").getall()))
    parts = [part for part in TITLE_PARTS.split(title) if part]
    return parts[-1] if parts else title


def load_spider(source: str, name: str, spider_class: str) -> type:
    """The spider class defined by ``source``, as the project will import it from its file."""
    namespace = {"__name__": f"crawler.spiders.{name}"}
    exec(compile(source, f"{name}.py", "exec"), namespace)  # the generated source itself must work
    return namespace[spider_class]


def run_offline(spider_class: type, pages: list[SavedPage], fetched_at: str) -> dict:
    """What the spider gets from the saved pages (``expected.json``'s listings and articles)."""
    with TemporaryDirectory() as state:  # no seen-store or log of this run in the project
        return site_results(site_crawler(spider_class, OFFLINE_SETTINGS | {"OUTPUT_DIR": state}), pages, fetched_at)


def complete(results: dict) -> bool:
    """Every listing page gave links and every article a title, text and date."""
    return all(listing["article_links"] for listing in results["listings"].values()) and all(
        all(record.get(key) for key in ESSENTIAL) for record in results["articles"].values()
    )


@dataclass
class SiteDraft:
    name: str
    start_url: str
    pages: list[SavedPage]  # the listing page first
    fetched_at: str
    site_name: str
    timezone: str
    languages: list[str]
    next_page: str | None  # found on the saved listing page
    shown_dates: list[str]  # the date texts its entries show
    family: Detection | None = None
    family_refused: Detection | None = None  # recognised, but its base did not read the pages
    proposal: Proposal = field(default_factory=Proposal)
    source: str = ""
    results: dict = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return class_name(self.name)

    @property
    def listings_line(self) -> str:
        pages = f"next page {self.next_page}" if self.next_page else "no next page on the saved page"
        line = f"{self.start_url} ({pages})"
        if self.family:
            line += f"\n    A {self.family.family.family} site: see {self.family.module}."
        return line

    @property
    def dates_line(self) -> str:
        published = [record.get("published_raw") for record in self.results.get("articles", {}).values()]
        forms = [list(dict.fromkeys(filter(None, values)))[:SHOWN_DATES] for values in (self.shown_dates, published)]
        listing_forms, article_forms = (", ".join(f'"{value}"' for value in values) or "none seen" for values in forms)
        return f"Listings {listing_forms}; articles {article_forms}; times in {self.timezone}."

    def render(self) -> None:
        """Render the spider, run that very source on the saved pages, then name the dates they show."""
        source = render_spider(self)
        self.results = run_offline(load_spider(source, self.name, self.class_name), self.pages, self.fetched_at)
        self.source = render_spider(self)  # the docstring's dates come from the results; the code is the same


def draft_site(name: str, start_url: str, pages: list[SavedPage], fetched_at: str, *,
               site_name: str | None = None, timezone: str = "Asia/Shanghai") -> SiteDraft:
    """The new site: its family or proposed selectors, its rendered spider, and its results on the pages."""
    listing_response = pages[0].response()
    article_responses = [page.response() for page in pages if page.kind == "article"]
    listing = read_listing(listing_response.selector, listing_response.url)
    language = page_metadata(listing_response.selector, listing_response.url).get("language")
    draft = SiteDraft(
        name, start_url, pages, fetched_at,
        site_name=site_name or guess_site_name(listing_response),
        timezone=timezone,
        languages=[str(language).split("-")[0].lower()] if language else ["zh"],
        next_page=listing.next_page,
        shown_dates=[entry.shown_date for entry in listing.entries if entry.shown_date],
    )
    links = [entry.url for entry in listing.entries] + [response.url for response in article_responses]
    draft.family = detect_family(links, [response.text for response in [listing_response, *article_responses]])
    if draft.family:
        draft.render()
        if complete(draft.results):
            return draft
        draft.family_refused, draft.family = draft.family, None
    listing_proposal, article_proposal = propose_listing(listing_response), propose_article(article_responses)
    draft.proposal = Proposal(
        {**listing_proposal.selectors, **article_proposal.selectors}, listing_proposal.generic + article_proposal.generic
    )
    draft.render()
    return draft
