"""Where the dates a page shows are not its article's (what ``crawler.extract.visible_dates`` never reads).

``Distractors(headline)`` tells apart the places of one page that show other
articles' dates: comments, related-article, hot and ranking lists, sidebars,
navigation, breadcrumbs, quotes (embedded posts) and the page footer (by
tag, class and id), and dates repeated in a run of sibling items. A comment
or reply container right after the headline is no distractor: on a forum it
is the thread's opening post, and its date is the thread's.

The text rules: ``上一篇/下一篇`` lines (``NOT_THIS_ARTICLE_RE``), greetings
(``今天是2020年5月9日``, ``GREETING_END_RE``), dates inside sentences (body
paragraphs, ``2009年5月14日在南京逝世``: ``PROSE_RE``, ``in_prose``), in URLs
(``URL_LIKE_RE``) and in links whose text is another headline
(``in_headline_link``).
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import islice

from crawler.extract.date_text import MAX_SEGMENT, WORD_CHAR_RE, find_date, without_dates
from crawler.extract.page_texts import INLINE_TAGS, short_text
from crawler.extract.text import normalize_space

DISTRACTOR_TAGS = frozenset(("nav", "aside", "blockquote"))  # a quote (an embedded post) has its own date
# Class/id words of the places that show other articles' dates.
_DISTRACTOR_RE = re.compile(
    r"comment|reply|replies|relate|recommend|tuijian|xgxw|xiangguan|remen|paihang|sidebar|breadcrumb|crumb|"
    r"copyright|pagination|prevnext|prev-next|adjacent|navigation|popular|trending|"
    r"(?:^|[\s_-])(?:hot|nav|navbar|menu|side|rank|ranking)(?:$|[\s_\d-])"
    r"|(?:^|\s)(?:site-|page-|global-|main-)?footer(?:$|\s)"  # the page's footer, not an article's "post-footer"
)
# A comment's or reply's container (right after the headline: a forum thread's opening post).
_POST_RE = re.compile(r"comment|reply")
# Repeated siblings with these tags are list items even without a class.
LIST_ITEM_TAGS = frozenset(("li", "dd", "dt", "tr", "article"))
ANCESTORS_CHECKED = 6
LIST_NEIGHBOURS = 2  # dated siblings alike, among the two before and the two after
NOT_THIS_ARTICLE_RE = re.compile(r"上一篇|下一篇|上一條|下一條|上一条|下一条|(?i:previous|next)\s*(?:post|article)")
GREETING_END_RE = re.compile(r"(?:今天|今日|现在)\s*(?:是|为)?\s*[:：]?\s*$")
# A date inside a sentence is an event's date, not the page's; one in a URL
# or in a link's headline belongs to another page.
PROSE_RE = re.compile(r"[。，！？；]")
URL_LIKE_RE = re.compile(r"://|www\.|/[^\s/]*[A-Za-z-]{3}[^\s/]*/")
MIN_TITLE_CHARS = 6


class Distractors:
    """The places of one page that show other articles' dates, told apart around its headline."""

    def __init__(self, headline):
        self.headline = headline
        self._cache: dict = {}

    def excludes(self, element) -> bool:
        """Is ``element`` in a distractor (see is_distractor) or in a run of dated list items?"""
        return self.is_distractor(element) or _is_list_item(element)

    def is_distractor(self, element) -> bool:
        """Inside a comment, related-list, sidebar, navigation … container?

        A container of the headline is never one (``<div class="main
        has-sidebar">``), nor is ``<body>``, whose classes describe the layout.
        The thread's opening post (see opening_post) is judged by the
        containers around it.
        """
        chain = []
        verdict = False
        node = element
        post = self.opening_post
        if post is not None and (node is post or any(ancestor is post for ancestor in node.iterancestors())):
            node = post.getparent()
        if not self._cache and self.headline is not None:
            self._cache.update(dict.fromkeys(self.headline.iterancestors(), False))
        while node is not None and node.tag != "body":
            cached = self._cache.get(node)
            if cached is not None:
                verdict = cached
                break
            chain.append(node)
            tag = node.tag
            if tag in DISTRACTOR_TAGS or (tag == "footer" and not _in_article(node)) or (
                isinstance(tag, str) and _DISTRACTOR_RE.search(_class_and_id(node))
            ):
                verdict = True
                break
            node = node.getparent()
        for node in chain:
            self._cache[node] = verdict
        return verdict

    @cached_property
    def opening_post(self):
        """The element right after the headline when its class says it is a comment or a reply: on a
        forum, the thread's opening post, set in the same kind of container as the replies below it."""
        node = self.headline.getnext() if self.headline is not None else None
        while node is not None and not isinstance(node.tag, str):  # an HTML comment
            node = node.getnext()
        return node if node is not None and _POST_RE.search(_class_and_id(node)) else None


def _is_list_item(element) -> bool:
    """Part of a run of three repeated items (other articles, comments) that all show dates?"""
    node = element
    for _ in range(ANCESTORS_CHECKED):
        parent = node.getparent()
        if parent is None or node.tag == "body":
            return False
        cls = node.get("class")
        if cls or node.tag in LIST_ITEM_TAGS:
            dated = 0
            for siblings in (node.itersiblings(preceding=True), node.itersiblings()):
                for sibling in islice(siblings, LIST_NEIGHBOURS):
                    if (sibling.tag == node.tag and sibling.get("class") == cls
                            and find_date(short_text(sibling))):
                        dated += 1
            if dated >= LIST_NEIGHBOURS:
                return True
        node = parent
    return False


def in_prose(element) -> bool:
    """Is ``element`` (a <p>, or say a <b> in one) part of a paragraph of sentences?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        node = node.getparent()
    if node is None or node.tag != "p":
        return False
    text = normalize_space(short_text(node))
    return len(text) > MAX_SEGMENT or bool(PROSE_RE.search(text))


def _class_and_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _in_article(element) -> bool:
    return any(ancestor.tag == "article" for ancestor in element.iterancestors())


def in_headline_link(element) -> bool:
    """Is ``element`` inside a link whose text, dates aside, is a headline (another article)?"""
    node = element
    while node is not None and node.tag in INLINE_TAGS:
        if node.tag == "a":
            words = WORD_CHAR_RE.findall(without_dates(short_text(node)))
            return len(words) >= MIN_TITLE_CHARS
        node = node.getparent()
    return False
