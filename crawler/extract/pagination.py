"""The next page of a listing, found the ways portals link it.

In order of trust:

1. ``rel="next"`` on a ``<link>`` or ``<a>``;
2. a link whose text says next: 下一页 (下一頁), 下页, 后一页, 下一版 (digital papers),
   Next, Older posts, ``下一页>>`` …, and in other languages Nächste Seite,
   Ältere Beiträge, Suivant, Page suivante, Siguiente, Próxima, Seguinte,
   Successiva, Volgende, Następna, Следующая, 次へ, 다음 (capitalised or not),
   or whose ``title`` (a picture button's ``alt``) does — if the page shows
   such a control but it leads nowhere (``javascript:``, ``#page=2``, the page
   itself), the list has no followable next page;
3. an arrow (``>``, ``>>``, ``›``, ``»``, ``→``), a 加载更多 (load more) link, a
   word that also means "read on" (Weiter, Avanti, Далее) or a ``next``/``nxt``
   class inside a pager — outside one an arrow is usually a "more" link to
   the section, and such a word the end of a teaser;
4. a pager script: TRS's ``createPageHTML(total, current, "index", "html")``
   (literal numbers or ``var`` names) prints ``index.html``, ``index_1.html`` …
   in the browser and leaves no link in the HTML; Hanweb's jpage
   (``totalRecord``, ``perPage``, ``unitid``) pages ``?uid=U&pageNum=N``;
5. a numbered pager: the link numbered one more than the current page (the
   number shown unlinked or marked ``current``/``on``/``active``/``thisclass``).

Links found by an arrow, a class or a number must look like another page of
the same list (same host, a path that differs by numbers): calendars and
"more" links do not. Links resolve against ``<base href>`` when there is one.
``find_pager`` also says where the pager is, which the listing rules use to
tell the page's list from the sidebars.
"""

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import not_
from urllib.parse import urlsplit

from lxml.etree import _Element

from crawler.extract.page_links import Lines, PageLinks, first_picture, followable, page_links

# The words for "next page" of other languages, capitalised or not (never in capitals: no case folding, which in
# Unicode turns "ſ" into "s"); each holds a stem of NEXT_HINT.
NEXT_WORDS = (
    r"[Nn]ächste(?:\s+[Ss]eite)?|[Ää]ltere\s+(?:[Bb]eiträge|[Mm]eldungen|[Nn]achrichten|[Aa]rtikel|[Ee]inträge)"
    r"|(?:[Pp]age\s+)?[Ss]uivante?|(?:[Pp]ágina\s+)?[Ss]iguiente|[Pp]róxima(?:\s+[Pp]ágina)?"
    r"|(?:[Pp]ágina\s+)?[Ss]eguinte|(?:[Pp]agina\s+)?[Ss]uccessiva|[Vv]olgende(?:\s+[Pp]agina)?"
    r"|[Nn]astępna(?:\s+[Ss]trona)?|[Сс]ледующая(?:\s+[Сс]траница)?|次(?:へ|の?ページ)|다음(?:\s*페이지)?"
)
# Words for "next" that also end teasers ("read on"): a next page only inside a pager, like an arrow.
ON_WORDS = r"[Ww]eiter|[Aa]vanti|[Дд]алее"
NEXT_WORD = re.compile(
    r"^[\[【(（]?\s*(?:下一?[页頁]|下[页頁]|[后後]一?[页頁]|下一版|next(?:\s*page)?|older(?:\s+(?:posts|entries))?"
    rf"|(?-i:{NEXT_WORDS}))\s*(?:[>›»〉→]|&gt;)*\s*[\]】)）]?$",
    re.IGNORECASE,
)
NEXT_HINT = re.compile(
    r"[页頁]|下一版|加载更多|next|older|[>›»〉→]|(?-i:[Nn]ächste|[Ää]ltere|[Ss]uivant|[Ss]iguiente|[Pp]róxima|[Ss]eguinte"
    rf"|[Ss]uccessiv|[Vv]olgende|[Nn]astępn|[Сс]ледующ|次(?:へ|の?ページ)|다음|{ON_WORDS})",
    re.IGNORECASE,
)
# NEXT_HINT written to begin with one character class (its first characters, each case of a letter spelled out),
# which lets ``re`` skip to those characters instead of trying every branch at every position: many times faster
# over all the link texts of a page. It finds exactly what NEXT_HINT finds.
NEXT_HINT_SCAN = re.compile(
    r"[页頁>›»〉→下加nNoOäÄsSpPvVсС次다wWaAдД](?:(?<=[页頁>›»〉→])|(?<=下)一版|(?<=加)载更多|(?<=[nN])[eE][xX][tT]"
    r"|(?<=[oO])[lL][dD][eE][rR]|(?<=[Nn])(?:ächste|astępn)|(?<=[Ää])ltere"
    r"|(?<=[Ss])(?:uivant|iguiente|eguinte|uccessiv)|(?<=[Pp])róxima|(?<=[Vv])olgende|(?<=[Сс])ледующ"
    r"|(?<=次)(?:へ|の?ページ)|(?<=다)음|(?<=[Ww])eiter|(?<=[Aa])vanti|(?<=[Дд])алее)"
)
NEXT_ARROW = re.compile(rf"^(?:[>›»〉→]{{1,2}}|&gt;){{1,2}}$|^(?:点击)?加载更多$|^(?:{ON_WORDS})\s*(?:[>›»〉→]|&gt;)*$")
NEXT_IN_CLASS = re.compile(r"[nN](?:[eE][xX]|[xX])[tT]")  # next|nxt in any case: what every NEXT_CLASS word holds
NEXT_CLASS = re.compile(r"(?:^|[\s_-])(?:next|nxt|nextpage|next-page|page-next|pagenext)(?:$|[\s_-])", re.IGNORECASE)
PAGER_HINT = re.compile(r"page|pager|pagination|pages|paging|fenye|pg|pn|bl(?:ä|ae)ttern", re.IGNORECASE)
CURRENT_HINT = re.compile(
    r"(?:^|[\s_-])(?:current|cur|curr|on|active|selected|thisclass|now|sel)(?:$|[\s_-])", re.IGNORECASE
)
PAGE_NUMBER = re.compile(r"^\[?\s*(\d{1,4})\s*\]?$")
PAGE_NUMBER_LINE = re.compile(r"^\[?[^\S\n]*(\d{1,4})[^\S\n]*\]?$", re.MULTILINE)  # PAGE_NUMBER, one line each
TRS_PAGER = re.compile(
    r"createPage(?:HTML)?\(\s*([\w.]+)\s*,\s*([\w.]+)\s*,\s*['\"]([\w.-]+)['\"]\s*,\s*['\"](\w+)['\"]"
)
JS_NUMBER = r"(?:var|let|const)?\s*{}\s*=\s*['\"]?(\d+)"
JPAGE_SETTING = r"\b{}\s*[:=]\s*['\"]?(\d+)"
PAGE_NUM = re.compile(r"(?:^|&)pageNum=(\d+)")
DIGITS = re.compile(r"[\d_-]+")
NUMBERED_TAGS = ("a", "span", "strong", "b", "em", "font", "li")


@dataclass(frozen=True)
class Pager:
    """What a page shows of its pagination: the next page's URL (None on the last page) and the pager element."""

    next_page: str | None
    element: object = None


def _same_page(link: str, url: str | None) -> bool:
    return bool(url) and link.split("#", 1)[0] == url.split("#", 1)[0]


def _page_of_same_list(link: str, url: str | None) -> bool:
    """Whether ``link`` can be another page of the list at ``url``: same host, a path that differs by numbers."""
    if not url:
        return True
    here, there = urlsplit(url), urlsplit(link)
    if here.netloc != there.netloc:
        return False
    folder = here.path.rsplit("/", 1)[0] + "/"
    return DIGITS.sub("", here.path) == DIGITS.sub("", there.path) or (
        there.path.startswith(folder) and bool(DIGITS.search(there.path[len(folder):]))
    )


def _number(text: str) -> int | None:
    match = PAGE_NUMBER.match(text)
    return int(match[1]) if match else None


class _PageNumbers:
    """The page numbers the links of a page show, and which elements hold numbered page links, read once."""

    def __init__(self, links: PageLinks, texts: Lines):
        self.links, self.texts = links, texts
        self._numbered_links: dict = {}

    @cached_property
    def by_index(self) -> dict[int, int]:
        """``{link index: number}`` of the links whose (whitespace-collapsed) text reads ``1`` or ``[1]``."""
        return {index: int(found[1]) for index, found in self.texts.found(PAGE_NUMBER_LINE)}

    @cached_property
    def _by_anchor(self) -> dict:
        return {self.links.anchors[index]: number for index, number in self.by_index.items()}

    @cached_property
    def _known(self) -> set:
        return set(self.links.anchors)

    @cached_property
    def _ancestors(self) -> dict:
        """``{anchor: its ancestors}`` of the links showing a number (few: a pager's, a calendar's)."""
        return {anchor: set(anchor.iterancestors()) for anchor in self._by_anchor}

    @cached_property
    def _above_root(self) -> set:
        """The elements above the root the links were read under (none for a whole page): only their links are
        not all known."""
        return set(self.links.root.iterancestors()) if self.links.root is not None else set()

    def number(self, anchor) -> int | None:
        """The number a link shows: its text nodes joined by spaces must read ``1`` or ``[1]``."""
        if anchor in self._known:
            if anchor not in self._by_anchor:
                return None  # no spacing between its text nodes can turn its text into a number
            if not len(anchor):
                return self._by_anchor[anchor]  # one text node
        return _number(" ".join(anchor.itertext()).strip())

    def numbered(self, element) -> bool:
        """Whether ``element`` holds two links or more that show a page number."""
        found = self._numbered_links.get(element)
        if found is None:
            if element in self._above_root:
                anchors = element.iter("a")
            else:  # every link under it is known: only those showing a number can count (no walk of a big box)
                ancestors = self._ancestors
                anchors = (a for a in self._by_anchor if a is element or element in ancestors[a])
            found = self._numbered_links[element] = sum(1 for a in anchors if self.number(a) is not None) >= 2
        return found


def _in_pager(anchor, numbers: _PageNumbers) -> bool:
    """True when the anchor sits in a pager: hinted by class/id, or among numbered page links."""
    element = anchor
    for _ in range(2):
        element = element.getparent()
        if element is None:
            return False
        if PAGER_HINT.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return True
        if numbers.numbered(element):
            return True
    return False


def _rel_next(links: PageLinks) -> Pager | None:
    for element in links.with_rel:
        if "next" not in element.get("rel").lower().split():
            continue
        if not followable(element.get("href")):
            continue
        link = links.resolve(element.get("href"))
        if not _same_page(link, links.url):
            return Pager(link, element if element.tag == "a" else None)
    return None


def _labels(links: PageLinks) -> list[str]:
    """What each link says besides its text: its title, or for a picture button without one, the picture's alt."""
    labels = [title or "" for title in links.titles]
    for index in compress(range(len(labels)), map(not_, links.texts)):
        anchor = links.anchors[index]
        if not labels[index] and len(anchor):
            picture = first_picture(anchor, children_only=True)
            if picture is not None:
                labels[index] = picture.get("alt") or ""
    return labels


def _labelled_next(links: PageLinks, numbers: _PageNumbers) -> Pager | None:
    """The 下一页/Next control; one shown that leads nowhere means the last page."""
    labels = _labels(links)
    classes = [name or "" for name in map(_Element.get, links.anchors, repeat("class"))]
    hinted = (
        numbers.texts.matching(NEXT_HINT_SCAN) | Lines(labels).matching(NEXT_HINT_SCAN)
        | Lines(classes).matching(NEXT_IN_CLASS)
    )
    shown = None
    for index in sorted(hinted):
        anchor, text, label, href = links.anchors[index], links.texts[index], labels[index], links.hrefs[index]
        if not (NEXT_HINT.search(text) or NEXT_HINT.search(label) or NEXT_CLASS.search(classes[index])):
            continue
        worded = bool(NEXT_WORD.match(text) or NEXT_WORD.match(label.strip()))
        pointed = NEXT_ARROW.match(text) or NEXT_CLASS.search(classes[index])
        if not worded and not (pointed and _in_pager(anchor, numbers)):
            continue
        if worded and shown is None:
            shown = Pager(None, anchor)
        if followable(href):
            link = links.resolve(href)
            if not _same_page(link, links.url) and (worded or _page_of_same_list(link, links.url)):
                return Pager(link, anchor)
    return shown


def _script_value(token: str, scripts: str) -> int | None:
    if token.isdigit():
        return int(token)
    assigned = re.search(JS_NUMBER.format(re.escape(token)), scripts)
    return int(assigned[1]) if assigned else None


def _script_pager(links: PageLinks) -> Pager | None:
    """TRS ``createPageHTML`` or Hanweb jpage settings in a script."""
    for script in links.scripts:
        text = script.text or ""
        if "createPage" not in text and ("totalRecord" not in text or "perPage" not in text):
            continue
        trs = TRS_PAGER.search(text)
        if trs:
            scripts = " ".join(code.text for code in links.scripts if code.text)
            total, current = _script_value(trs[1], scripts), _script_value(trs[2], scripts)
            if total is None or current is None:
                continue
            more = current + 1 < total
            return Pager(links.resolve(f"{trs[3]}_{current + 1}.{trs[4]}") if more else None, script.getparent())
        settings = [re.search(JPAGE_SETTING.format(name), text) for name in ("totalRecord", "perPage", "unitid")]
        if all(settings):
            total, per_page, unit = (int(found[1]) for found in settings)
            found = PAGE_NUM.search(urlsplit(links.url).query) if links.url else None
            current = int(found[1]) if found else 1
            more = per_page and current * per_page < total
            nxt = f"?uid={unit}&pageNum={current + 1}"
            return Pager((links.resolve(nxt) if links.url else nxt) if more else None, script.getparent())
    return None


def _current_number(pager) -> int | None:
    """The page number a pager shows unlinked or marked current."""
    for element in pager.iter(*NUMBERED_TAGS):
        if element.tag == "li" and len(element):
            continue
        number = _number(" ".join(element.itertext()).strip())
        if number is None:
            continue
        if element.tag != "a" or not followable(element.get("href")) or CURRENT_HINT.search(element.get("class", "")):
            return number
    return None


def _numbered_next(links: PageLinks, numbers: _PageNumbers) -> Pager | None:
    """The link numbered current + 1 in a pager whose current page is marked (none after the last page)."""
    numbered: dict = {}
    for index, number in numbers.by_index.items():
        if len(links.texts[index]) <= 6:
            anchor = links.anchors[index]
            parent = anchor.getparent()
            if parent is None:
                continue
            pager = parent.getparent() if parent.tag == "li" and parent.getparent() is not None else parent
            numbered.setdefault(pager, []).append((number, anchor))
    last_page = None
    for pager, numbers in numbered.items():
        current = _current_number(pager) if len(numbers) >= 2 else None
        if current is None:
            continue
        for number, anchor in numbers:
            if number == current + 1 and followable(anchor.get("href")):
                link = links.resolve(anchor.get("href"))
                if not _same_page(link, links.url) and _page_of_same_list(link, links.url):
                    return Pager(link, pager)
        if all(number < current for number, _ in numbers):
            last_page = last_page or Pager(None, pager)
    return last_page


def find_pager(links: PageLinks) -> Pager:
    """The pagination of a page (see the module docstring for the order of the rules)."""
    numbers = _PageNumbers(links, Lines(links.texts))
    return (
        _rel_next(links) or _labelled_next(links, numbers) or _script_pager(links) or _numbered_next(links, numbers)
        or Pager(None)
    )


def find_next_page(sel, url: str | None) -> str | None:
    """Absolute URL of the listing's next page (relative when ``url`` is None), or None on the last page."""
    return find_pager(page_links(sel.root, url)).next_page
