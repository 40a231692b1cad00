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
lists, entries labelled as ads (广告, 推广, ad-network click URLs) and
list-shaped links in lists of articles are left out.

Links come out absolute (``<base href>`` honoured) and canonical
(``crawler.urls.strip_tracking``: no tracking parameters, no fragment), in
page order, each once. ``read_listing`` gives the entries with their title
and the date text they show, and the next page (``crawler.extract.pagination``).
"""

import re
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import repeat
from operator import itemgetter
from urllib.parse import urlsplit

from parsel import Selector

from crawler.extract.encoding import choose_encoding
from crawler.extract.link_shapes import ARTICLE, LIST, link_kind
from crawler.extract.page_links import (
    Lines, classes_looked_up_in_c, element_text, first_picture, followable_indexes, page_links,
)
from crawler.extract.pagination import find_pager
from crawler.gc_pause import cyclic_gc_paused

MAX_DEPTH = 6  # an entry at most five levels above its link (tieba: a → 4 divs → li)
MIN_ENTRIES = 2
MIN_SCORE = 1.0  # two dated entries with full titles score about 2.8; a pair of short section links below 1
TITLE_CAP = 24  # titles this long or longer count fully
CROWDED = 12  # more links than this per entry: a layout block, not a list entry
HEADING_WINDOW = 30  # a box heading is shorter than this
# Text with more non-space characters than a heading holds: too long however its whitespace collapses (found
# within its first characters, where collapsing a long box's whole text would read it all).
LONGER_THAN_HEADING = re.compile(rf"(?:\s*\S){{{HEADING_WINDOW + 1}}}")
# The most each factor of the rating can multiply by: the bound used to skip lists that cannot win.
BEST_FACTORS = 1.25 * 1.5 * 1.5 * 1.5  # article-shaped links, dated entries, next to the pager, column heading

NOT_TITLE = re.compile(
    r"^(?:https?://|www\.|[\d\s.:/\-\[\]()（）年月日]+$"
    r"|(?:更多|more|查看更多|详细|详情|全文|阅读全文|点击查看|进入|返回)\W*$"
    r"|(?:上一?[页頁]|下一?[页頁]|首[页頁]|尾[页頁]|末[页頁]|前[页頁]|[后後][页頁]|prev|next|first|last|[<>«»‹›→]+)\W*$)",
    re.IGNORECASE,
)
AVOID = re.compile(
    r"(?<![a-z])(?:nav|navbar|menu|submenu|header|footer|foot|copyright|side|sidebar|aside|sidenav|hot|hots|rank"
    r"|ranking|paihang|phb|top10|recommend|recommended|tuijian|related|xgxw|xiangguan|friend|friendlink|links|yqlj"
    r"|youqing|ad|ads|advert|adv|guanggao|gg|banner|share|comment|comments|breadcrumb|crumb|crumbs|location"
    r"|position|weizhi|focus|slide|slider|swiper|carousel|marquee|hidden|hide)(?![a-z])",
)
AVOID_TAGS = {"nav", "header", "footer", "aside"}
CAMEL = re.compile(r"([a-z])([A-Z])")
HOT_HEADING = re.compile(r"热门|热读|最热|热榜|排行|排名|榜|推荐|猜你喜欢|相关|友情链接|合作伙伴")
COLUMN_NOISE = re.compile(r"\s*(?:更多|more)?\s*[>›»+]*\s*$|^[\s·•■□◆●]+", re.IGNORECASE)
AD_LABELS = ("广告", "推广", "赞助", "ad", "ads", "sponsored")
# Text holding one of AD_LABELS in any case (no character but an ASCII letter lower-cases to the letters spelled here):
# 广告|推广|赞助|[aA][dD]|[sS][pP][oO][nN][sS][oO][rR][eE][dD], written to begin with one character class, which lets
# ``re`` skip to those characters (as NEXT_HINT_SCAN in crawler.extract.pagination): many times faster over a page.
AD_LABEL_IN = re.compile(
    r"[广推赞aAsS](?:(?<=广)告|(?<=推)广|(?<=赞)助|(?<=[aA])[dD]|(?<=[sS])[pP][oO][nN][sS][oO][rR][eE][dD])"
)
AD_URL_PATTERN = (
    r"/baidu\.php\?url=|googleads|doubleclick|googlesyndication|/aclk\?|\?(?:adid|ad_id)=|&(?:adid|ad_id)="
    r"|/(?:adclick|ad_click|click)\.(?:php|aspx?|jsp)"
)
AD_URL = re.compile(AD_URL_PATTERN, re.IGNORECASE)
AD_URL_LOWER = re.compile(AD_URL_PATTERN)  # for ASCII URLs lower-cased first: many times faster to scan
# What every AD_URL_PATTERN match holds: a lower-cased ASCII text without any of these has no ad URL.
AD_URL_WORDS = ("baidu.php?url=", "google", "doubleclick", "/aclk?", "adid=", "ad_id=", "click.")
SHOWN_DATE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?<!\d)\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2})?(?!\d)"
    r"|\d+\s*(?:秒|分钟|小时|天)前|刚刚|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}"
)
NOT_A_TITLE = re.compile(rf"{NOT_TITLE.pattern}|(?:{SHOWN_DATE.pattern})\Z", re.IGNORECASE)  # or a date alone
# What a text NOT_A_TITLE matches can begin with, besides a digit (``str.isdecimal``) and the whitespace a collapsed
# text has none of: the first characters of each of its branches, in both cases.
NOT_A_TITLE_STARTS = frozenset("hHwW.:/-[]()（）年月日更mM查详全阅点进返上下首尾末前后後pPnNfFlL<>«»‹›→刚今昨")
_UNKNOWN = object()  # not worked out yet, where None is an answer
DATE_MARK = re.compile(r"[-/.年月前刚:]")  # a SHOWN_DATE holds one of these
# Where a SHOWN_DATE can begin: a run of digits (group 1) followed by what comes next in a date, or 刚刚, 今天 …
DATE_START = re.compile(r"(\d+)\s*[-/.年月秒分小天]|刚刚|[今昨前]天")


def shown_date(text: str) -> str | None:
    """The first date ``text`` shows: ``SHOWN_DATE.search(text)``, tried only where a date can begin.

    That is the start of a run of digits followed by a separator or a unit
    (or of 刚刚, 今天 …) and, for a year (four digits then a separator), the
    last four digits of a longer run: scanning a long text for a few
    candidates is many times faster than trying the whole pattern at every
    character.
    """
    if not DATE_MARK.search(text):
        return None
    for start in DATE_START.finditer(text):
        found = SHOWN_DATE.match(text, start.start())
        if not found and start.end(1) - start.start() > 4:
            found = SHOWN_DATE.match(text, start.end(1) - 4)
        if found:
            return found[0]
    return None


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
    page = _Page(root, url)
    picked: list[tuple[int, object]] = []  # (link index, entry)
    chosen_lists = _chosen_lists(page)
    if chosen_lists:
        picked += _lead_story(page, chosen_lists[0])
    picks = []
    for chosen in chosen_lists:
        chosen_picks = chosen.picks()
        if chosen.article_share >= 0.5:  # a list of articles: its list-shaped links are left out
            kinds = page.kinds([index for index, _ in chosen_picks])
            chosen_picks = [pick for pick, kind in zip(chosen_picks, kinds) if kind != LIST]
        picks += chosen_picks
    picked += _without_ads(page, picks)
    return Listing(_entries(page, picked), page.pager.next_page)


def _entries(page: "_Page", picked: list[tuple[int, object]]) -> list[ListingEntry]:
    """The picked links in page order, absolute and canonical, each once, with their title and shown date."""
    entries, hrefs, links = [], set(), set()
    page_hrefs, titles, text = page.links.hrefs, page.titles, page.text
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
        entries.append(ListingEntry(link, title, shown_date(text(entry).replace(title, " ", 1))))
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


def _titles(links, followed: list[int]) -> list[str]:
    """The title each followed link shows: its text, its ``title`` attribute when the text is cut short, an image's
    alt; "" for none (or for a text that is no title: a date, 更多, 下一页 …)."""
    anchors, texts, hovers = links.anchors, links.texts, links.titles
    titles = []
    for index in followed:
        text, hover = texts[index], hovers[index]
        if hover and len(hover) > len(text):
            text = " ".join(hover.split())
        if not text:
            picture = first_picture(anchors[index])
            text = " ".join((picture.get("alt") or "").split()) if picture is not None else ""
        # Whitespace collapsed, a text can be no title only if it begins like NOT_A_TITLE (tested).
        titles.append(
            "" if (text[:1] in NOT_A_TITLE_STARTS or text[:1].isdecimal()) and NOT_A_TITLE.match(text) else text
        )
    return titles


def _class_words(element) -> str:
    """The words of an element's class and id, lower case, camelCase split; "" for an element with neither."""
    names = element.get("class"), element.get("id")
    if not any(names):
        return ""
    words = f"{names[0] or ''} {names[1] or ''}"
    return words if words.islower() else CAMEL.sub(r"\1 \2", words).lower()  # (islower: no capital to split at)


class _Page:
    """The links of one page and what the list rating needs to know about them and about the elements around
    them, each computed once (the rating asks about the same entries and boxes again and again)."""

    def __init__(self, root, url: str | None):
        self.links = page_links(root, url)
        self.pager = find_pager(self.links)
        self.title = " ".join((root.findtext("head/title") or "").split())
        self._pager_ancestors = set(self.pager.element.iterancestors()) if self.pager.element is not None else set()
        self.followed = followable_indexes(self.links.hrefs)
        # Only followable links are ever entries; titled ones join lists. capped: the weight counted in a bound.
        self.titles = [""] * len(self.links.anchors)
        for index, title in zip(self.followed, _titles(self.links, self.followed)):
            self.titles[index] = title
        self.titled = [index for index in self.followed if self.titles[index]]
        self.weights = list(map(len, self.titles))
        self.capped = [weight if weight < TITLE_CAP else TITLE_CAP for weight in self.weights]
        self._kinds: dict[str, str | None] = {}
        self._families: dict[int, tuple] = {}
        self._texts: dict = {}
        self._dated: dict = {}
        self._marked: dict = {}
        self._headings: dict = {}
        self._index_of: dict | None = None
        self.mean_titles: dict = {}  # {group key: mean title}, for _mean_title
        self._tags_above: dict = {}

    def kind(self, index: int) -> str | None:
        """``link_kind`` of a link, worked out once per href (a portal links many articles from several boxes)."""
        href = self.links.hrefs[index]
        kind = self._kinds.get(href, _UNKNOWN)
        if kind is _UNKNOWN:
            kind = self._kinds[href] = link_kind(href)
        return kind

    def kinds(self, indexes) -> list[str | None]:
        """``kind`` of each link (looked up together: many are known by then)."""
        kinds = list(map(self._kinds.get, map(self.links.hrefs.__getitem__, indexes), repeat(_UNKNOWN)))
        return kinds if _UNKNOWN not in kinds else list(map(self.kind, indexes))

    def main_link(self, indexes: list[int]) -> int:
        """The longest-titled link that is not list-shaped (the first such; the longest link if all are):
        ``max(indexes, key=lambda i: (kind(i) != LIST, weights[i]))``, looking up the shapes of the longest only."""
        if len(indexes) == 1:
            return indexes[0]
        longest_first = sorted(indexes, key=self.weights.__getitem__, reverse=True)
        return next((i for i in longest_first if self.kind(i) != LIST), longest_first[0])

    def text(self, entry) -> str:
        """An entry's text (with the tail of a bare link, where ``<a>…</a> 2020-05-09<br>`` lists put the date)."""
        text = self._texts.get(entry)
        if text is None:
            text = element_text(entry)
            if entry.tag == "a" and entry.tail:
                text += entry.tail
            self._texts[entry] = text = " ".join(text.split())
        return text

    def texts(self, entries: list) -> list[str]:
        """``text`` of each entry (looked up together: most are known by then)."""
        texts = list(map(self._texts.get, entries))
        return texts if None not in texts else [self.text(entry) for entry in entries]

    def dated(self, entry) -> bool:
        """Whether the entry shows a date."""
        shown = self._dated.get(entry)
        if shown is None:
            self._dated[entry] = shown = shown_date(self.text(entry)) is not None
        return shown

    def index_of(self, anchor) -> int | None:
        """The index of a link in ``links.anchors`` (None for an element that is no link read)."""
        if self._index_of is None:
            self._index_of = dict(zip(self.links.anchors, range(len(self.links.anchors))))
        return self._index_of.get(anchor)

    def url_family(self, index: int) -> tuple:
        """Host, path depth and extension of a link's URL: the links of one template share them."""
        family = self._families.get(index)
        if family is None:
            parts = urlsplit(self.links.absolute(self.links.hrefs[index]))
            path = parts.path or "/"
            extension = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
            family = self._families[index] = (parts.netloc, path.count("/"), extension)
        return family

    def tags_above(self, element) -> tuple:
        """The tags of an element's ancestors, nearest first (lists side by side share most of them)."""
        known = self._tags_above
        chain = []  # the element and its ancestors below the first one known (or the root)
        while element is not None and element not in known:
            chain.append(element)
            element = element.getparent()
        for child in reversed(chain):  # element: the parent of child (None for the root)
            known[child] = () if element is None else (element.tag, *known[element])
            element = child
        return known[element]

    def near_pager(self, container) -> float:
        """How close the pager is: within the list or its parent 1.5, its grandparent 1.2, else 1."""
        if not self._pager_ancestors:
            return 1.0
        element = container
        for boost in (1.5, 1.5, 1.2):
            if element is None:
                break
            if element in self._pager_ancestors:
                return boost
            element = element.getparent()
        return 1.0

    def names_column(self, heading: str) -> bool:
        """A box heading the page title repeats: the column the page lists (民生关注 in 民生关注 - 青溪新闻网)."""
        heading = COLUMN_NOISE.sub("", heading)
        return 2 <= len(heading) <= 12 and heading in self.title

    def avoided(self, container) -> bool:
        """Inside navigation, header, footer, sidebar, hot/ranking box, ad or hidden block (nearest four levels)."""
        element = container
        for _ in range(4):
            if element is None:
                return False
            marked = self._marked.get(element)
            if marked is None:  # (an element noted is one, not a comment)
                if not isinstance(element.tag, str):
                    return False
                marked = element.tag in AVOID_TAGS or bool(AVOID.search(_class_words(element)))
                self._marked[element] = marked
            if marked:
                return True
            element = element.getparent()
        return False

    def box_heading(self, container) -> str:
        """The heading of the box a list sits in ("" if none found).

        The heading is the nearest short-text element before the list (longer
        ones are content, such as another tab of the same box), looked for among
        the previous siblings of the list and of its nearest ancestors.
        """
        element = container
        for _ in range(3):
            sibling = element.getprevious()
            for _ in range(3):
                if sibling is None:
                    break
                if isinstance(sibling.tag, str):
                    text = self._headings.get(sibling, _UNKNOWN)
                    if text is _UNKNOWN:  # None: too long to be a heading
                        text = element_text(sibling)
                        long = LONGER_THAN_HEADING.match(text)
                        text = self._headings[sibling] = None if long else " ".join(text.split())
                    if text is not None and len(text) <= HEADING_WINDOW:
                        return text
                sibling = sibling.getprevious()
            element = element.getparent()
            if element is None:
                break
        return ""


class _List:
    """A candidate list: a container and the children of one tag in it that hold titled links.

    Until it is rated, each entry's main link is its longest-titled one; rating
    picks them again knowing link shapes, once, and what the rating reads of
    the entries and of the box is kept, so a list rated again costs nothing.
    Lists are made only for the groups rated or compared with the best.
    """

    # What a list says until it is rated (or, for ``titles_per_entry`` and ``avoided``, settled).
    score = 0.0
    avoided = False
    article_share = list_share = 0.0
    titles_per_entry = 1.0
    # What it has not worked out yet (``_primary``: picked when first asked for).
    _entries: dict | None = None
    _primary: dict | None = None
    _signature: tuple | None = None
    _box: tuple | None = None
    _titles_per_entry: float | None = None
    _ranked: bool | None = None
    _dated: int | None = None
    _refined = _rated = False

    def __init__(self, page: _Page, key: tuple, members: list, links_of: dict):
        (self.container, self.tag), self.page = key, page
        self._members, self._links_of = members, links_of
        self.mean_title = _mean_title(page, key, members, links_of)
        self._titled: dict = {}

    @property
    def entries(self) -> dict:
        """``{entry: [indexes of its titled links]}``, in the order links first reach the entries."""
        if self._entries is None:
            links_of = self._links_of
            self._entries = {entry: links_of[entry] for entry in self._members}
        return self._entries

    @property
    def primary(self) -> dict:
        """``{entry: index of its main link}``."""
        if self._primary is None:
            weights = self.page.weights
            self._primary = {entry: max(indexes, key=weights.__getitem__) for entry, indexes in self.entries.items()}
        return self._primary

    def _refine(self) -> None:
        """Pick each entry's link again knowing link shapes: a user, tag or section link only as a last resort."""
        page = self.page
        main_link = page.main_link
        self._primary = {
            entry: indexes[0] if len(indexes) == 1 else main_link(indexes) for entry, indexes in self.entries.items()
        }
        self.mean_title = sum(map(page.capped.__getitem__, self._primary.values())) / len(self._primary)
        kinds = page.kinds(self._primary.values())
        self.article_share = kinds.count(ARTICLE) / len(kinds)
        self.list_share = kinds.count(LIST) / len(kinds)
        self._signature = None
        self._refined = True

    def rate(self, to_beat: float = 0.0) -> float:
        """Rate the list; gives up, with a score of 0, as soon as it cannot beat ``to_beat``.

        What its box says (a heading, an avoided box, the pager near) and
        whether it is a ranking come first: they need no link shapes. Each
        costlier factor is read only while the most the list can still score
        (the factors not yet read at their highest, multiplied in the same
        order as the score, so rounded alike) beats ``to_beat``. A list given
        up on before its links were told apart by shape is refined all the same
        when it is compared with the best (``akin``), as if it had been here.
        """
        self.score, self._rated = 0.0, True
        count = len(self._members)
        near_pager, box = self._box_factors()
        most = count * self.mean_title / TITLE_CAP * 1.25 * 1.5 * near_pager * box  # all articles, all dated
        if most <= to_beat:
            return 0.0
        ranking = 0.6 if self._is_ranked() else 1.0
        if most * ranking <= to_beat:
            return 0.0
        if not self._refined:
            self._refine()
        score = count * self.mean_title / TITLE_CAP * max(0.05, 0.25 + self.article_share - 0.75 * self.list_share)
        links = sum(map(len, self.entries.values()))
        if links > CROWDED * count:
            score *= CROWDED * count / links
        if score * BEST_FACTORS / 1.25 <= to_beat:
            return 0.0
        score /= max(1.0, self._settle())
        if score * 1.5 * near_pager * box * ranking <= to_beat:
            return 0.0
        self.score = score * (1 + 0.5 * self._dated_entries() / count) * near_pager * box * ranking
        return self.score

    def _box_factors(self) -> tuple[float, float]:
        """``(nearness to the pager, box factor)``: 0.3 for an avoided box, 1.5 for one headed by the column name;
        ``avoided`` is worked out too (set on the list by ``_settle``)."""
        if self._box is None:
            page = self.page
            avoided = page.avoided(self.container)
            heading = "" if avoided else page.box_heading(self.container)  # an avoided box's heading changes nothing
            avoided = avoided or bool(HOT_HEADING.search(heading))
            column = not avoided and bool(heading) and page.names_column(heading)
            self._box = (avoided, page.near_pager(self.container), 0.3 if avoided else 1.5 if column else 1.0)
        return self._box[1:]

    def _settle(self) -> float:
        """Refine the list and set what the choice of its links reads: ``titles_per_entry`` (returned) and
        ``avoided``."""
        if not self._refined:
            self._refine()
        if self._titles_per_entry is None:
            self._titles_per_entry = self._titled_links_per_entry()
        self._box_factors()
        self.titles_per_entry, self.avoided = self._titles_per_entry, self._box[0]
        return self.titles_per_entry

    def _titled_links_per_entry(self) -> float:
        """Distinct titled links per entry (one for an entry with none): more than one, entries are blocks of
        articles. An entry of a single link counts one either way."""
        titled = 0
        for entry, indexes in self.entries.items():
            titled += len(indexes) == 1 or len(self.titled_links(entry)) or 1
        return titled / len(self._members)

    def _dated_entries(self) -> int:
        if self._dated is None:
            self._dated = sum(map(self.page.dated, self._members))
        return self._dated

    def titled_links(self, entry) -> list[int]:
        """The links of an entry titled about as long as its main one, one per URL."""
        titled = self._titled.get(entry)
        if titled is None:
            titled = self._titled[entry] = self._find_titled_links(entry)
        return titled

    def _find_titled_links(self, entry) -> list[int]:
        weights, indexes = self.page.weights, self.entries[entry]
        if len(indexes) == 1:  # the main link itself, titled unless shorter than the floor of 6
            return [indexes[0]] if weights[indexes[0]] >= 6 else []
        floor = max(6, weights[self.primary[entry]] / 2)
        by_href = {}
        for index in indexes:
            if weights[index] >= floor:
                by_href.setdefault(self.page.links.hrefs[index], index)
        return list(by_href.values())

    def picks(self) -> list[tuple[int, object]]:
        """``(link index, entry)`` of the article link(s) of each entry: its main link, or, when entries are blocks
        of articles, each titled link whose URL is of the main link's family (a comment-count link to the forum
        host is not)."""
        if self.titles_per_entry < 1.5:
            return [(main, entry) for entry, main in self.primary.items()]
        url_family = self.page.url_family
        picks = []
        for entry, main in self.primary.items():
            family = url_family(main)
            picks += [(i, entry) for i in self.titled_links(entry) if i == main or url_family(i) == family]
        return picks

    def _is_ranked(self) -> bool:
        """Entries numbered 1, 2, 3 … in order: a ranking."""
        if self._ranked is None:
            self._ranked = False
            count = len(self._members)
            if count >= 3:
                needed, numbered, text_of = 0.8 * count, 0, self.page.text
                for n, entry in enumerate(self._members, 1):
                    text, number = text_of(entry), str(n)
                    numbered += text.startswith(number) and not text[len(number):len(number) + 1].isdigit()
                    if numbered + count - n < needed:  # the entries left cannot make it a ranking
                        break
                self._ranked = numbered >= needed
        return self._ranked

    def signature(self) -> tuple:
        """How the list is built: container class, the tags above it, entry tag, path from entry to link."""
        if self._signature is None:
            paths: dict = {}
            anchors = self.page.links.anchors
            for entry, index in self.primary.items():
                element = anchors[index]
                if element is entry:
                    path = ()
                else:
                    path = [element.tag]
                    element = element.getparent()
                    while element is not entry:
                        path.append(element.tag)
                        element = element.getparent()
                    path = tuple(path)
                paths[path] = paths.get(path, 0) + 1
            path = max(paths, key=paths.get)
            container = self.container
            self._signature = (container.tag, container.get("class"), self.page.tags_above(container), self.tag, path)
        return self._signature

    def akin(self, best: "_List") -> bool:
        """Built like ``best`` and as good: another block, or another tab, of the same list."""
        if self._rated and not self._refined:
            self._refine()
        if self.container.get("class") != best.container.get("class") or self.mean_title < 0.5 * best.mean_title:
            return False
        return (
            (self.container.tag, self.tag) == (best.container.tag, best.tag)  # the cheap part of the signature first
            and self.signature() == best.signature()
            and self._settle() > 0  # (rated, the list would score above 0: only what its choice reads matters here)
            and self.avoided <= best.avoided
            and self.article_share >= best.article_share - 0.25
        )


_OUTSIDE = ()  # what _link_groups notes for an element that is no entry: a child of <body> or <html>, or a root


def _link_groups(page: _Page) -> tuple[dict, dict]:
    """``{(container, entry tag): [entries]}`` over every titled link and its ancestors, and
    ``{entry: [indexes of its titled links]}``.

    A link joins its own entry and those of its ancestors, ``MAX_DEPTH`` levels
    up at most. Groups, the entries of each and the links of each entry come
    in the order links (in page order) first reach them.
    """
    groups: dict = {}
    links_of: dict = {}
    anchors = page.links.anchors
    for index in page.titled:
        element = anchors[index]
        for _ in range(MAX_DEPTH):
            links = links_of.get(element)
            if links is None:
                parent = element.getparent()
                if parent is None or parent.tag in ("body", "html"):
                    links_of[element] = _OUTSIDE
                    break
                links_of[element] = [index]
                key = (parent, element.tag)
                members = groups.get(key)
                if members is None:
                    groups[key] = [element]
                else:
                    members.append(element)
                element = parent
            elif links is _OUTSIDE:
                break
            else:
                links.append(index)
                element = element.getparent()
    return groups, links_of


def _mean_title(page: _Page, key: tuple, members: list, links_of: dict) -> float:
    """The mean length of the entries' longest titles in the group ``key``, each counted up to ``TITLE_CAP``
    (worked out once per group: its bound and each list made of it read it)."""
    mean = page.mean_titles.get(key)
    if mean is None:
        capped = page.capped
        longest = [
            capped[links[0]] if len(links) == 1 else max(map(capped.__getitem__, links))
            for links in map(links_of.__getitem__, members)
        ]
        mean = page.mean_titles[key] = sum(longest) / len(members)
    return mean


def _bound(count: int, mean_title: float) -> float:
    """The most a list of ``count`` entries with titles this long can score."""
    return count * mean_title / TITLE_CAP * BEST_FACTORS


def _by_bound(page: _Page, groups: dict, links_of: dict):
    """``(bound, group key)`` of the groups of two entries or more, highest bound first, in group order among
    equal bounds: what ``sorted`` gives, but a group's bound is worked out only once it can come next (a list
    of n entries is bound by ``_bound(n, TITLE_CAP)``): the many small boxes of a page after its main list never."""
    lists = [key for key, members in groups.items() if len(members) >= MIN_ENTRIES]
    pending = sorted(enumerate(lists), key=lambda pair: -len(groups[pair[1]]))  # stable: group order kept
    ready: list = []  # heap of (-bound, position, key)
    for position, key in pending:
        count = len(groups[key])
        ceiling = _bound(count, TITLE_CAP)
        while ready and -ready[0][0] > ceiling:  # no group still pending can reach (or tie) it
            bound, _, ready_key = heappop(ready)
            yield -bound, ready_key
        heappush(ready, (-_bound(count, _mean_title(page, key, groups[key], links_of)), position, key))
    while ready:
        bound, _, ready_key = heappop(ready)
        yield -bound, ready_key


def _best_list(page: _Page, groups: dict, links_of: dict) -> tuple[_List | None, dict]:
    """The best-rated list of two entries or more, and ``{group key: list}`` of the lists rated.

    Lists are rated in the order of their bound (the most they can score),
    and those whose bound cannot beat the best so far are not even made.
    """
    best, rated = None, {}
    for bound, key in _by_bound(page, groups, links_of):
        to_beat = best.score if best else 0.0
        if bound <= to_beat:
            break
        candidate = rated[key] = _List(page, key, groups[key], links_of)
        if candidate.rate(to_beat) > to_beat:
            best = candidate
    return best, rated


def _chosen_lists(page: _Page) -> list[_List]:
    """The best list and the lists akin to it (a one-entry block too), none inside another."""
    groups, links_of = _link_groups(page)
    best, rated = _best_list(page, groups, links_of)
    if best is None or best.score < MIN_SCORE or best.list_share > 0.5:
        return []  # no list of articles: menus and section lists only
    # Only lists with best's container tag and class and entry tag can be akin(): the others are not looked at.
    best_tag, best_class = best.container.tag, best.container.get("class")
    alike = [
        key for key in groups
        if key[1] == best.tag and key[0].tag == best_tag and key[0].get("class") == best_class
    ]
    # Lists of two entries or more first, then one-entry blocks; those rated already as they are.
    lists = [rated.get(key) or _List(page, key, groups[key], links_of) for key in alike if len(groups[key]) > 1]
    lists += [_List(page, key, groups[key], links_of) for key in alike if len(groups[key]) == 1]
    chosen, taken, above = [best], {best.container}, set(best.container.iterancestors())
    for candidate in lists:
        if candidate is best or candidate.container in above or not candidate.akin(best):
            continue
        ancestors = set(candidate.container.iterancestors())
        if ancestors & taken:
            continue
        chosen.append(candidate)
        taken.add(candidate.container)
        above |= ancestors
    return chosen


def _lead_story(page: _Page, best: _List) -> list[tuple[int, object]]:
    """The lead story a list often opens with, printed bigger in the block just before it (头条: picture,
    headline, summary): taken when that block holds one to three titled links of the list's own URL family."""
    lead = best.container.getprevious()
    while lead is not None and not isinstance(lead.tag, str):
        lead = lead.getprevious()
    if lead is None or lead.tag in ("script", "style") or page.avoided(lead):
        return []
    families = {page.url_family(index) for index in best.primary.values()}
    floor = max(6, best.mean_title / 2)
    stories = {}
    for anchor in lead.iter("a"):
        index = page.index_of(anchor)
        if index is None or page.weights[index] < floor:  # (links not followed weigh 0)
            continue
        if page.kind(index) != ARTICLE or page.url_family(index) not in families:
            return []
        stories.setdefault(page.links.hrefs[index], (index, lead))
    return list(stories.values()) if len(stories) <= 3 else []


def _without_ads(page: _Page, picks: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """The ``(link index, entry)`` picks whose entry is no ad (``_is_ad``). Most pages have none: their URLs are
    looked over all at once, and their texts too, for the entries with an ad label (neither pattern matches a
    newline)."""
    if not picks:
        return picks
    hrefs = "\n".join([page.links.hrefs[index] for index, _ in picks])
    if _ad_url_in(hrefs):
        return [(index, entry) for index, entry in picks if not _is_ad(page, entry, index)]
    labelled = Lines(page.texts([entry for _, entry in picks])).matching(AD_LABEL_IN)
    if not labelled:
        return picks
    return [pick for number, pick in enumerate(picks) if number not in labelled or not _labelled_ad(pick[1])]


def _is_ad(page: _Page, entry, index: int) -> bool:
    """An entry that is an ad: an ad-network click URL, or a 广告/推广/AD label of its own."""
    if _ad_url_in(page.links.hrefs[index]):
        return True
    return bool(AD_LABEL_IN.search(page.text(entry))) and _labelled_ad(entry)


def _ad_url_in(text: str) -> bool:
    """Whether ``text`` (an href, or hrefs one a line) holds an ad-network click URL."""
    if not text.isascii():
        return bool(AD_URL.search(text))
    text = text.lower()
    return any(word in text for word in AD_URL_WORDS) and bool(AD_URL_LOWER.search(text))


def _labelled_ad(entry) -> bool:
    """An entry with an element of its own that says 广告, 推广, AD …"""
    return any(
        " ".join(element.text.split()).lower() in AD_LABELS
        for element in entry.iter()
        if isinstance(element.tag, str) and not len(element) and element.text and len(element.text) < 12
    )
