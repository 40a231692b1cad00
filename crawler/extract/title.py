"""The headline of an article page, as the reader sees it.

The page says its title in up to four places: ``og:title``/``twitter:title``,
the JSON-LD ``headline``, ``<title>`` (usually with the site's name:
``…_光明网``, ``… - 新浪新闻``, ``…|柯桥新闻网``) and a heading on the page.
``find_headline`` reconciles them, in this order:

1. ``heading``: an ``<h1>``…``<h6>`` whose text one of those titles confirms
   (equal; a part of it between separators; most of it; or a truncated
   og:title inside the heading). Of several, the one with the longest
   confirmed text wins (a site-name ``<h1>`` loses to the post's ``<h2>``),
   then ``<h1>`` before other levels, then the first.
2. ``text``: a short text anywhere in the body that is most of a title
   (headlines in ``<span class="Title">`` or a table cell of old CMSs),
   not in a hidden block (a share widget's copy of the title).
3. ``before-content``: no title confirms anything (``<title>`` is only
   ``新闻动态--中国地理学会官网``): the first heading in the article text's
   element, else the last heading before it.
4. ``page-title``: the best title with the site's name taken off its ends
   (a part that is ``og:site_name``, the host's name, or reads like an
   outlet: ``…网``, ``…日报``); of parts split at ``|``/``_``/``--`` the
   longest is kept; a trailing `` - part`` shorter than the rest goes.
   When the page shows that text set over lines (``<strong>…<br>…</strong>``)
   and differs from it only in spaces, the page's form is kept: ``<title>``
   often has a stray space where the shown headline broke.

A headline set over two lines (``<h1>青溪县<br>新增学位</h1>``) is one line:
the break between two Chinese characters leaves nothing, elsewhere a space.
"""

from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from crawler.extract.boilerplate import is_hidden
from crawler.extract.text import normalize_space

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MIN_CONFIRMED = 4  # characters of a heading a title must confirm
MOST_OF_TITLE = 0.4  # share of a title a heading must be (when it is not a whole part of it)
TEXT_SHARE = 0.5  # share of a title a plain body text must be
MIN_TEXT = 6
MAX_TEXT = 200
TRUNCATED_SHARE = 0.5  # a title inside a heading must be this much of it (og:title cut at a quote)
MIN_BEFORE_CONTENT = 6
MAX_OUTLET = 16
HEADINGS_BEFORE = 3
MAX_BADGE = 6

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"  # with CJK punctuation
# Separators between a headline and the site's name; "-" alone only next to CJK text.
_STRONG_SEPARATOR = re.compile(r"\s*(?:[|｜_]+|-{2,}|::|»)\s*")
_WEAK_SEPARATOR = re.compile(rf"\s+[-–—·•:]\s+|(?<=[{_CJK}])\s*[-–—]\s*|\s*[-–—]\s*(?=[{_CJK}])")
_SEPARATOR_BEFORE = re.compile(rf"(?:{_STRONG_SEPARATOR.pattern}|{_WEAK_SEPARATOR.pattern}|\s@\s)$")
_SEPARATOR_AFTER = re.compile(rf"{_STRONG_SEPARATOR.pattern}|{_WEAK_SEPARATOR.pattern}|\s@\s")
_OUTLET_END = re.compile(
    r"(?:网|報|报|新闻|新聞|在线|传媒|频道|官网|门户|客户端|日报|晚报|电视台|中心|百科|博客|论坛|"
    r"\.(?:com|cn|net|org|de|at|ch|uk|fr|es|it|info|eu|tv)(?:\.\w{2})?)$",
    re.IGNORECASE,
)
_SQUASH = re.compile(r"[\W_]+")
_NO_SPACE = re.compile(r"\s+")
_LINE_GAP = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")
_NOT_TEXT = {"script", "style", "noscript", "template", "title", "option", "textarea"}
_LAYOUT_CONTAINERS = {"nav", "aside", "footer", "a", "li", "button", "label"}
_PRECEDING_HEADINGS = etree.XPath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")


@dataclass(frozen=True)
class Headline:
    """The headline's text, the element that shows it (None for ``page-title``) and the rule that chose it."""

    text: str
    element: object | None
    rule: str


def heading_text(element) -> str:
    """A heading's text on one line: ``<br>`` and line breaks between CJK characters vanish, others are a space."""
    parts = []
    for node in element.iter():
        if node is not element and node.tag == "br":
            parts.append("\n")
        elif node.text and isinstance(node.tag, str) and node.tag not in _NOT_TEXT:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return normalize_space(_LINE_GAP.sub("", "".join(parts)))


def _squash(text: str) -> str:
    return _SQUASH.sub("", text).casefold()


class _Title:
    """One title the page gives (og:title, <title> …), cut into the parts its separators delimit."""

    def __init__(self, text: str, site_names: set[str]):
        self.text = text
        self.key = text.casefold()
        self.parts = [p for p in _STRONG_SEPARATOR.split(text) if p]
        self.weak_parts = [p for part in self.parts for p in _WEAK_SEPARATOR.split(part) if p]
        self.site_parts = {p.casefold() for p in self.weak_parts if _is_site_name(p, site_names)}

    def confirms(self, text: str, share: float) -> int:
        """How many characters of ``text`` this title confirms (0: none)."""
        key = text.casefold()
        if key == self.key:
            return len(text)
        if key in self.key:
            if any(key in part for part in self.site_parts):
                return 0
            return len(text) if len(text) >= share * len(self.text) or self._between_separators(key) else 0
        if self.key in key and len(self.text) >= MIN_CONFIRMED and len(self.text) >= TRUNCATED_SHARE * len(text):
            return len(self.text)
        return 0

    def _between_separators(self, key: str) -> bool:
        """Does ``key`` occur in this title as a run of whole parts (from and to a separator or an end)?"""
        start = self.key.find(key)
        while start >= 0:
            end = start + len(key)
            if (start == 0 or _SEPARATOR_BEFORE.search(self.key, 0, start)) and (
                end == len(self.key) or _SEPARATOR_AFTER.match(self.key, end)
            ):
                return True
            start = self.key.find(key, start + 1)
        return False

    def without_site_name(self) -> str:
        """This title with the site's name taken off (see the module docstring)."""
        parts = [p for p in self.parts if p.casefold() not in self.site_parts] or self.parts
        text = max(parts, key=len)
        pieces = _WEAK_SEPARATOR.split(text)
        if len(pieces) > 1:
            kept = [p for p in pieces if p.casefold() not in self.site_parts]
            if len(kept) < len(pieces) and kept:
                return _rejoin(text, kept)
            last = pieces[-1]
            if len(last) <= MAX_OUTLET * 2 and len(last) * 2 < len(text) - len(last):
                return text[: text.rfind(last)].rstrip(" -–—·•:")
        return text


def _badge_before(heading: str, title: str) -> bool:
    """Is ``heading`` the title with a badge before it (``原创``, ``独家``, ``Video``)?"""
    extra = len(heading) - len(title)
    return 0 < extra <= MAX_BADGE and heading.endswith(title)


def _rejoin(text: str, kept: list[str]) -> str:
    """The stretch of ``text`` from the first kept piece to the end of the last one."""
    start = text.find(kept[0])
    end = text.rfind(kept[-1]) + len(kept[-1])
    return text[start:end]


def title_site_parts(page_title: str | None, headline: str) -> list[str]:
    """The parts of ``<title>`` other than the headline (``多地项目…_网易财经`` → ``['网易财经']``)."""
    if not page_title or headline not in page_title:
        return []
    rest = page_title.replace(headline, "\n")
    return [p for p in _STRONG_SEPARATOR.split(rest) for p in _WEAK_SEPARATOR.split(p) for p in p.split("\n") if p.strip()]


def _is_site_name(part: str, site_names: set[str]) -> bool:
    key = _squash(part)
    if not key:
        return False
    if any(key == name or (len(name) >= 4 and (name in key or key in name) and len(key) <= 2 * len(name))
           for name in site_names):
        return True
    return len(part) <= MAX_OUTLET and _OUTLET_END.search(part.strip()) is not None


def site_names(url: str | None, declared: list[str]) -> set[str]:
    """Squashed forms of the site's names: those the page declares and the host's own name."""
    names = {_squash(name) for name in declared if name}
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "news")]
    if len(labels) >= 2:
        names.add(_squash(labels[-2]))
        names.add(_squash(".".join(labels[-2:])))
    return {name for name in names if len(name) >= 3}


def _inside(element, tags) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def find_headline(root, titles: list[str], names: set[str]) -> Headline | None:
    """The headline of the page ``root`` (an lxml element), given the titles its metadata declares.

    ``titles``: og:title, JSON-LD headline, ``<title>`` … (best first);
    ``names``: from :func:`site_names`. Rules 1, 2 and 4 of the module
    docstring; the caller applies rule 3 (:func:`heading_before`) once it
    knows the article text's element.
    """
    candidates = [_Title(t, names) for t in dict.fromkeys(normalize_space(t) for t in titles if t) if t]
    best = None
    best_key = None
    for index, heading in enumerate(root.iter(*HEADINGS)):
        text = heading_text(heading)
        if not text:
            continue
        confirmed = max((c.confirms(text, MOST_OF_TITLE) for c in candidates), default=0)
        if confirmed < MIN_CONFIRMED and not any(text.casefold() == c.key for c in candidates):
            continue
        text = next((c.text for c in candidates if _badge_before(text, c.text)), text)
        key = (confirmed, heading.tag == "h1", -index)
        if best_key is None or key > best_key:
            best, best_key = Headline(text, heading, "heading"), key
    if best is not None:
        return best
    if candidates:
        found = _confirmed_text(root, candidates)
        if found is not None:
            return found
        text = candidates[0].without_site_name()
        return _shown_over_lines(root, text) or Headline(text, None, "page-title")
    return None


def _shown_over_lines(root, text: str) -> Headline | None:
    """The page's own form of ``text`` when the page shows it set over lines (``…及<br>调整2007年末…``):
    ``<title>`` has a stray space where the line broke (``2007\u3000年末``); the shown text has none."""
    key = _NO_SPACE.sub("", text)
    for parent in dict.fromkeys(br.getparent() for br in root.iter("br")):
        if parent is not None and not _inside(parent, ("a",)):
            shown = heading_text(parent)
            if len(shown) <= MAX_TEXT and shown != text and _NO_SPACE.sub("", shown) == key:
                return Headline(shown, parent, "text")
    return None


def _confirmed_text(root, candidates: list[_Title]) -> Headline | None:
    """The longest short text of the page (not a link) that is most of one of the titles."""
    body = root.find("body")
    best, best_size = None, 0
    for element in (body if body is not None else root).iter():
        own_text = element.text if isinstance(element.tag, str) and element.tag not in _NOT_TEXT else None
        for text, owner in ((own_text, element), (element.tail, element.getparent())):
            if not text or len(text) > MAX_TEXT * 2 or owner is None:
                continue
            text = normalize_space(text)
            if (MIN_TEXT <= len(text) <= MAX_TEXT and len(text) > best_size
                    and any(c.confirms(text, TEXT_SHARE) for c in candidates)
                    and owner.tag != "a" and not _inside(owner, ("a",)) and not _hidden(owner)):
                best, best_size = Headline(text, owner, "text"), len(text)
    return best


def _hidden(element) -> bool:
    """Is ``element`` inside a ``display:none`` block (a share widget's copy of the title)?"""
    return is_hidden(element) or any(is_hidden(ancestor) for ancestor in element.iterancestors())


def heading_before(content) -> Headline | None:
    """The first heading inside ``content``, else the nearest of the last few before it (document order),
    outside navigation and lists, of MIN_BEFORE_CONTENT characters or more."""
    opening = next(content.iter(*HEADINGS), None)
    before = islice(reversed(_PRECEDING_HEADINGS(content)), HEADINGS_BEFORE)
    for heading in ([opening] if opening is not None else []) + list(before):
        if not _inside(heading, _LAYOUT_CONTAINERS):
            text = heading_text(heading)
            if len(text) >= MIN_BEFORE_CONTENT:
                return Headline(text, heading, "before-content")
    return None

