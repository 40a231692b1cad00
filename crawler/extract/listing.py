"""Listing pages: the article links of the page's main list, and its next page.

``extract_listing(html, url)`` needs no site knowledge. Every repeated
structure of the page is a candidate list: a container whose children of one
tag (``li``, ``tr``, ``div``, ``dl``, ``tbody`` …) each hold links. An entry's
article link is its link with the longest title-like text that is not a
user, tag or section link (so the picture, the category tag, the author and
the reply count of an entry are not taken). A list scores by

* its number of entries and the length of their titles (menus and category
  lists have two-to-four-character labels);
* how many of its links have article-shaped URLs
  (``crawler.extract.link_shapes``) rather than list-shaped ones;
* how many entries show a date;
* how close it sits to the pager, and whether its box heading is the column
  name the page title repeats (民生关注 in ``民生关注 - 青溪新闻网``);

and loses most of its score when each entry is a block of several articles,
inside navigation, headers, footers, sidebars, hot/ranking and ad boxes or
hidden blocks (class/id words, ``<nav>``/``<aside>``…, a 热门/排行/推荐
heading), or when numbered 1, 2, 3 like a ranking. The best list wins, and
the lists built by the same template at the same depth join it (a page
printed as several blocks, every tab of a ranking page); when its entries
are blocks of articles (a table row of two headlines), each titled article
link of an entry is taken; a lead story printed bigger just before the list
(头条) joins it when its link is of the list's URL family. A page whose best
list is section links (or nothing) has no article entries. In the winning
lists, entries labelled as ads (广告, 推广, ad-network click URLs),
list-shaped links in lists of articles, an entry of one link that holds the
pager (a pager printed as the list's last item, ``vorherige 1 2 3
nächste``) and the next page itself are left out.

Links come out absolute (``<base href>`` honoured) and canonical
(``crawler.urls.strip_tracking``: no tracking parameters, no fragment), in
page order, each once. ``read_listing`` gives the entries with their title
and the date text they show, and the next page (``crawler.extract.pagination``).

Where the rules live: ``crawler.extract.listing_page`` (what the rating reads
of the page: titles, link shapes, avoided boxes, box headings, the pager),
``crawler.extract.listing_lists`` (a candidate list and its score),
``crawler.extract.listing_choice`` (the groups of entries, the best list and
those akin to it, the lead story), ``crawler.extract.listing_ads`` (ads left
out) and ``crawler.extract.listing_titles`` (link titles and shown dates).
"""

from dataclasses import dataclass
from operator import itemgetter

from parsel import Selector

from crawler.extract.encoding import choose_encoding
from crawler.extract.link_shapes import LIST
from crawler.extract.listing_ads import without_ads
from crawler.extract.listing_choice import chosen_lists, lead_story
from crawler.extract.listing_page import ListingPage
from crawler.extract.page_links import classes_looked_up_in_c
from crawler.gc_pause import cyclic_gc_paused


@dataclass(frozen=True)
class ListingEntry:
    """One article of a listing: its canonical URL, the title shown and the date text shown (or None)."""

    url: str
    title: str
    shown_date: str | None


@dataclass(frozen=True)
class Listing:
    """What a listing page offers: its article entries and the URL of its next page (None on the last page)."""

    entries: list[ListingEntry]
    next_page: str | None


def extract_listing(html, url: str | None = None) -> dict:
    """``{"article_links": [...], "next_page": url or None}`` of a listing page.

    ``html`` is the page as bytes (the charset is worked out from the bytes
    and the page's declaration), text, or an already parsed parsel Selector.
    With ``url`` None, links stay as the page writes them when it has no
    ``<base href>`` either.
    """
    listing = read_listing(html, url)
    return {"article_links": [entry.url for entry in listing.entries], "next_page": listing.next_page}


def read_listing(html, url: str | None = None) -> Listing:
    """The article entries of the page's main list(s), in page order, each URL once, and the next page."""
    # Reading a page builds thousands of short-lived objects and no reference cycles: the collector would
    # only sweep them again and again while they live (5–7% of the time on big portal pages).
    root = _root(html)
    with cyclic_gc_paused(), classes_looked_up_in_c(root):
        return _read_listing(root, url)


def _read_listing(root, url: str | None) -> Listing:
    page = ListingPage(root, url)
    picked: list[tuple[int, object]] = []  # (link index, entry)
    lists = chosen_lists(page)
    if lists:
        picked += lead_story(page, lists[0])
    picks = []
    for chosen in lists:
        chosen_picks = chosen.picks()
        if chosen.article_share >= 0.5:  # a list of articles: its list-shaped links are left out
            kinds = page.kinds([index for index, _ in chosen_picks])
            chosen_picks = [pick for pick, kind in zip(chosen_picks, kinds) if kind != LIST]
        if chosen.titles_per_entry < 1.5 and page.pager.element is not None:  # an entry of one link holding
            chosen_picks = [pick for pick in chosen_picks if not page.holds_pager(pick[1])]  # the pager is the pager
        picks += chosen_picks
    picked += without_ads(page, picks)
    return Listing(_entries(page, picked, page.pager.next_page), page.pager.next_page)


def _entries(page: ListingPage, picked: list[tuple[int, object]], next_page: str | None) -> list[ListingEntry]:
    """The picked links in page order, absolute and canonical, each once, with their title and shown date (the
    next page is no article)."""
    entries, hrefs, links = [], set(), {next_page}
    page_hrefs, titles = page.links.hrefs, page.titles
    canonical = page.links.canonical if page.links.base else str.strip
    for index, entry in sorted(picked, key=itemgetter(0)):
        href = page_hrefs[index]
        if href in hrefs:
            continue
        hrefs.add(href)
        link = canonical(href)
        if link in links:
            continue
        links.add(link)
        title = titles[index]
        entries.append(ListingEntry(link, title, page.shown_date(entry, title)))
    return entries


def _root(html):
    """The lxml root of ``html``: bytes (charset worked out), text, a parsel Selector or an lxml element."""
    if isinstance(html, Selector):
        return html.root
    if isinstance(html, bytes):
        html = html.decode(choose_encoding(html), errors="replace")
    if isinstance(html, str):
        return Selector(text=html).root
    return html
