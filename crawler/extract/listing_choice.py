"""The main list(s) of a listing page: the groups of entries its titled links make, the best-rated list among
them with the lists akin to it, and the lead story printed just before them.
"""

from heapq import heappop, heappush

from crawler.extract.link_shapes import ARTICLE
from crawler.extract.listing_lists import BEST_FACTORS, CandidateList, group_mean_title
from crawler.extract.listing_page import TITLE_CAP, ListingPage

MAX_DEPTH = 6  # an entry at most five levels above its link (tieba: a → 4 divs → li)
MIN_ENTRIES = 2
MIN_SCORE = 1.0  # two dated entries with full titles score about 2.8; a pair of short section links below 1
_OUTSIDE = ()  # what _link_groups notes for an element that is no entry: a child of <body> or <html>, or a root


def _link_groups(page: ListingPage) -> tuple[dict, dict]:
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


def _bound(count: int, mean_title: float) -> float:
    """The most a list of ``count`` entries with titles this long can score."""
    return count * mean_title / TITLE_CAP * BEST_FACTORS


def _by_bound(page: ListingPage, groups: dict, links_of: dict):
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
        heappush(ready, (-_bound(count, group_mean_title(page, key, groups[key], links_of)), position, key))
    while ready:
        bound, _, ready_key = heappop(ready)
        yield -bound, ready_key


def _best_list(page: ListingPage, groups: dict, links_of: dict) -> tuple[CandidateList | None, dict]:
    """The best-rated list of two entries or more, and ``{group key: list}`` of the lists rated.

    Lists are rated in the order of their bound (the most they can score),
    and those whose bound cannot beat the best so far are not even made.
    """
    best, rated = None, {}
    for bound, key in _by_bound(page, groups, links_of):
        to_beat = best.score if best else 0.0
        if bound <= to_beat:
            break
        candidate = rated[key] = CandidateList(page, key, groups[key], links_of)
        if candidate.rate(to_beat) > to_beat:
            best = candidate
    return best, rated


def chosen_lists(page: ListingPage) -> list[CandidateList]:
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
    lists = [rated.get(key) or CandidateList(page, key, groups[key], links_of) for key in alike if len(groups[key]) > 1]
    lists += [CandidateList(page, key, groups[key], links_of) for key in alike if len(groups[key]) == 1]
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


def lead_story(page: ListingPage, best: CandidateList) -> list[tuple[int, object]]:
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
