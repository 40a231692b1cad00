"""A candidate list of a listing page and its rating.

A candidate list is a container and the children of one tag in it (its
entries) that hold titled links; it is rated by the rules
``crawler.extract.listing`` sets out, and only as far as it takes to tell
whether it can beat the best list so far.
"""

import re

from crawler.extract.link_shapes import ARTICLE, LIST
from crawler.extract.listing_page import TITLE_CAP, ListingPage

CROWDED = 12  # more links than this per entry: a layout block, not a list entry
# The most each factor of the rating can multiply by: the bound used to skip lists that cannot win.
BEST_FACTORS = 1.25 * 1.5 * 1.5 * 1.5  # article-shaped links, dated entries, next to the pager, column heading
# A box heading over hot, ranking, recommended or related articles, in Chinese and in the languages of European
# local news (Most read, Meistgelesen, Les plus lus, Más leídas, Mais lidas, Più letti, Meest gelezen …).
HOT_HEADING = re.compile(
    r"热门|热读|最热|热榜|排行|排名|榜|推荐|猜你喜欢|相关|友情链接|合作伙伴"
    r"|most\s+(?:read|popular|viewed|shared|commented|emailed)|popular|trending|related|recommended|you\s+may\s+also"
    r"|meistgelesen|meistgeklickt|meistkommentiert|beliebt|empfohlen|empfehlung|ähnliche|verwandte|auch\s+interessier"
    r"|plus\s+lus|populaires|à\s+lire\s+aussi|même\s+sujet|recommandé|similaires"
    r"|más\s+(?:leíd|vist)|populares|relacionad|puede\s+interesar|recomendad|mais\s+(?:lid|vist)"
    r"|più\s+(?:lett|vist)|correlat|popolari|consigliat|meest\s+gelezen|populair|gerelateerd|aanbevolen",
    re.IGNORECASE,
)


def group_mean_title(page: ListingPage, key: tuple, members: list, links_of: dict) -> float:
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


class CandidateList:
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

    def __init__(self, page: ListingPage, key: tuple, members: list, links_of: dict):
        (self.container, self.tag), self.page = key, page
        self._members, self._links_of = members, links_of
        self.mean_title = group_mean_title(page, key, members, links_of)
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

    def akin(self, best: "CandidateList") -> bool:
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
