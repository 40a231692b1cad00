"""The lines that go with a headline in its header block: the subtitle and the standfirst.

Looked for among the next few elements after the headline, in the same
parent (the header block):

- the subtitle (副标题): a heading (``<h2>``–``<h4>``) or an element whose
  class names a subtitle (``subtitle``, ``sub-title``, ``subhead``,
  ``second-title``), of at most MAX_SUBTITLE characters, that is not the
  headline again;
- the standfirst (the lead under a headline: ``We're about to get 20
  terabyte hard drives, but …``): a paragraph of MIN_STANDFIRST characters
  or more that ends like a sentence and is not mostly a link, outside the
  article text's element (inside it, it is body text already). It opens
  the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from crawler.extract.text import normalize_space

SIBLINGS = 3
MAX_SUBTITLE = 80
MIN_STANDFIRST = 40
SUBTITLE_TAGS = frozenset(("h2", "h3", "h4"))
STANDFIRST_TAGS = frozenset(("p", "div", "h2"))
_SUBTITLE_CLASS = re.compile(r"sub-?title|subhead|second-title|fu-?title|futi", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？.!?…”\"』」]$")
_DATE = re.compile(r"(?:19|20)\d{2}[-/.年]|\d{1,2}:\d{2}")


@dataclass(frozen=True)
class Companions:
    subtitle: str | None = None
    standfirst: str | None = None


def _text(element) -> str:
    return normalize_space("".join(element.itertext()))


def _link_share(element, size: int) -> float:
    linked = sum(len(normalize_space("".join(a.itertext()))) for a in element.iter("a"))
    return linked / size if size else 0.0


def headline_companions(headline, content, title: str) -> Companions:
    """The subtitle and standfirst next to ``headline`` (an element); ``content`` is the article text's
    element (or None), ``title`` the headline's text. When ``content`` holds the headline, the lines
    after it are body text already: only the subtitle is looked for."""
    subtitle = standfirst = None
    inside = content is not None and content in headline.iterancestors()
    for sibling in islice(headline.itersiblings(), SIBLINGS):
        if not isinstance(sibling.tag, str) or (content is not None and not inside and (
            sibling is content or content in sibling.iterancestors() or sibling in content.iterancestors()
        )):
            break
        text = _text(sibling)
        if not text or _DATE.search(text):
            continue
        named = _SUBTITLE_CLASS.search(f"{sibling.get('class') or ''} {sibling.get('id') or ''}")
        if subtitle is None and (sibling.tag in SUBTITLE_TAGS or named) and len(text) <= MAX_SUBTITLE:
            if text not in title and title not in text:
                subtitle = text
            continue
        if (standfirst is None and not inside and sibling.tag in STANDFIRST_TAGS and len(text) >= MIN_STANDFIRST
                and _SENTENCE_END.search(text) and _link_share(sibling, len(text)) < 0.5):
            standfirst = text
    return Companions(subtitle, standfirst)
