"""One listing page as the list rating reads it: its links and pager, the titles, weights and shapes of its
links, and what the elements around them say, each worked out once.

A box is avoided inside navigation, headers, footers, sidebars, hot/ranking
and ad boxes or hidden blocks (class/id words, ``<nav>``/``<aside>``…); its
heading is the nearest short text before it, which names the column when the
page title repeats it (民生关注 in ``民生关注 - 青溪新闻网``).
"""

import re
from itertools import repeat
from urllib.parse import urlsplit

from crawler.extract.link_shapes import LIST, link_kind
from crawler.extract.listing_titles import link_titles, may_name_a_date, shown_date
from crawler.extract.page_links import element_text, followable_indexes, page_links
from crawler.extract.pagination import find_pager

TITLE_CAP = 24  # titles this long or longer count fully
HEADING_WINDOW = 30  # a box heading is shorter than this
# Text with more non-space characters than a heading holds: too long however its whitespace collapses (found
# within its first characters, where collapsing a long box's whole text would read it all).
LONGER_THAN_HEADING = re.compile(rf"(?:\s*\S){{{HEADING_WINDOW + 1}}}")
AVOID = re.compile(
    r"(?<![a-z])(?:nav|navbar|menu|submenu|header|footer|foot|copyright|side|sidebar|aside|sidenav|hot|hots|rank"
    r"|ranking|paihang|phb|top10|recommend|recommended|tuijian|related|xgxw|xiangguan|friend|friendlink|links|yqlj"
    r"|youqing|ad|ads|advert|adv|guanggao|gg|banner|share|comment|comments|breadcrumb|crumb|crumbs|location"
    r"|position|weizhi|focus|slide|slider|swiper|carousel|marquee|hidden|hide|popular|trending|mostread|mostviewed"
    r"|mostpopular|meistgelesen)(?![a-z])",
)
AVOID_TAGS = {"nav", "header", "footer", "aside"}
CAMEL = re.compile(r"([a-z])([A-Z])")
RUN_TOGETHER = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")  # a word and a number with no space between (zwembad24)
COLUMN_NOISE = re.compile(r"\s*(?:更多|more)?\s*[>›»+]*\s*$|^[\s·•■□◆●]+", re.IGNORECASE)
_UNKNOWN = object()  # not worked out yet, where None is an answer


def _class_words(element) -> str:
    """The words of an element's class and id, lower case, camelCase split; "" for an element with neither."""
    names = element.get("class"), element.get("id")
    if not any(names):
        return ""
    words = f"{names[0] or ''} {names[1] or ''}"
    return words if words.islower() else CAMEL.sub(r"\1 \2", words).lower()  # (islower: no capital to split at)


class ListingPage:
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
        for index, title in zip(self.followed, link_titles(self.links, self.followed)):
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
        self.mean_titles: dict = {}  # {group key: mean title}, for group_mean_title
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
            self._dated[entry] = shown = self.shown_date(entry) is not None
        return shown

    def shown_date(self, entry, title: str = "") -> str | None:
        """The date an entry shows (outside ``title``). Its ``text`` runs the texts of block elements together
        (``…zwembad24 november 2026Korte…``): where that hides a date with a month name, its texts are read
        again spaced apart."""
        text = self.text(entry)
        found = shown_date(text.replace(title, " ", 1) if title else text)
        if found is None and may_name_a_date(text) and RUN_TOGETHER.search(text):
            spaced = " ".join(entry.itertext())
            if entry.tag == "a" and entry.tail:
                spaced += " " + entry.tail
            spaced = " ".join(spaced.split())
            found = shown_date(spaced.replace(title, " ", 1) if title else spaced)
        return found

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

    def holds_pager(self, entry) -> bool:
        """Whether ``entry`` is the pager's element or holds it (``下一页``, ``Nächste Seite`` …)."""
        return entry is self.pager.element or entry in self._pager_ancestors

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
