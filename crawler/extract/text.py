"""Text normalisation shared by extraction and the clean pipeline."""

import html
import re

# NBSP, ideographic space, zero-width characters and other invisible spacing
# that Chinese CMS editors paste into pages.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalize_space(text: str | None) -> str:
    """Collapse every kind of whitespace to one space and strip the ends.

    Entities that survived one round of unescaping (``&amp;nbsp;`` in the
    source, a common double-escaping bug) are unescaped once more.
    """
    if not text:
        return ""
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalize_paragraphs(text: str | None) -> str:
    """Normalise each paragraph of a body; paragraphs are separated by a blank line."""
    if not text:
        return ""
    paragraphs = (normalize_space(p) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)
