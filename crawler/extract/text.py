"""Text normalisation shared by extraction and the clean pipeline."""

import html
import re

# NBSP, ideographic space, zero-width characters and other invisible spacing
# that Chinese CMS editors paste into pages.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])")


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


def join_cjk_lines(text: str) -> str:
    """Drop the space that a line break left between two CJK characters.

    A headline split over two lines (``<h1>青溪县<br>新增学位</h1>``) reads
    as one line in Chinese, without a space.
    """
    return _CJK_GAP.sub("", text)


def normalize_paragraphs(text: str | None) -> str:
    """Normalise each paragraph of a body; paragraphs are separated by a blank line."""
    if not text:
        return ""
    paragraphs = (normalize_space(p) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
