"""Credit lines of Chinese local news pages: who wrote, photographed, edited and reviewed an article.

Pure functions over text (no HTML). Four entry points:

``parse_byline(text)``
    Lenient parser for an info/credit line (the line under the headline, a
    footer ``【责任编辑:…】``, a ``<meta name="source">`` value …).
``credit_line(text)``
    Strict: a :class:`Byline` only when the *whole* paragraph is a credit or
    metadata line, ``None`` for a body paragraph. An empty-but-credit line
    (``责任编辑:``, ``来源:未知来源``) returns an *empty* Byline, which is
    falsy: test the result with ``is not None``. An empty role counts only
    when a separator follows it (``编辑:`` yes, a bare ``图1`` no).
``dateline_byline(text)``
    The byline inside a dateline that opens a body paragraph
    (``本报讯(记者 姜玲 宋佳男)``, ``据新华社北京5月9日电``).
``caption_credit(caption)``
    Photographers credited in a photo caption (``县城新貌。记者 梁臻 摄``).

plus ``Byline`` (the result) and ``is_outlet(word)``. The work is done by

- ``crawler.extract.byline_words``: the vocabulary (role words with their
  Traditional forms, surnames, outlets, noise) and what counts as a name;
- ``crawler.extract.byline_scan``: normalising a line and cutting it into tokens;
- ``crawler.extract.byline_parse``: ``Byline`` and the (cached) parse of the
  tokens into roles, with the rules;
- ``crawler.extract.datelines``: ``本报讯(记者 …)``, ``据新华社…电``.

Speed: ``credit_line`` first checks the length and one compiled "contains a
role or label word" regex (a trie of the role words, every branch starting
with a literal, so the engine skips ahead with a character set): an ordinary
200-character body paragraph costs about 1.5 µs. The parser only runs on the
lines that pass, and stops at the first word it cannot explain.
"""

from __future__ import annotations

import re

from crawler.extract.byline_parse import Byline, parse_normalized
from crawler.extract.byline_scan import normalize_line
from crawler.extract.byline_words import find_photo_word, find_role_word, is_outlet
from crawler.extract.datelines import dateline_byline, find_dateline_hint, match_dateline, read_dateline

__all__ = ["Byline", "parse_byline", "credit_line", "dateline_byline", "caption_credit", "is_outlet"]

_MAX_CREDIT_LEN = 256
_SENTENCE_END = re.compile(r"[!?]|。(?!$)")


def parse_byline(text: str) -> Byline:
    """Parse an info/credit line into roles.

    Lenient: whatever cannot be read as a role, a name, an outlet or known
    noise (timestamps, contact data, unknown ``标签:`` fields) is ignored.
    ``parse_byline("来源: 嘉兴日报 作者: 摄影 记者 冯玉坤 编辑: 朱琴燕")`` →
    authors and photographers ``['冯玉坤']``, editors ``['朱琴燕']``, source
    ``'嘉兴日报'``. A leading dateline (``本报讯(记者 …)``) is read too.
    """
    if not text:
        return Byline()
    s = normalize_line(text)
    dateline = read_dateline(s) if find_dateline_hint(s, 0, 48) else None
    if dateline is not None:
        byline, end = dateline
        return byline.merge(parse_normalized(s[end:]).byline)
    return parse_normalized(s).byline.copy()


def credit_line(text: str) -> Byline | None:
    """If the WHOLE paragraph is a credit/metadata line, return its Byline; None for a normal body paragraph.

    Credit lines: editor, source, author, photo-credit and reviewer lines, the
    info line under a headline, a parenthesised trailing byline (``(记者 谢婷)``,
    ``(张志勇 李碧露)``). Every word must be a role, a name, an outlet or
    known noise, so a sentence that merely mentions 记者/编辑/来源 gives None
    (``记者从县教育局获悉，今年全县新增学位3000个。``). A credit line that credits
    nobody (``责任编辑:``, ``来源:未知来源``) gives an *empty* Byline, which is
    falsy: test with ``is not None``. Datelines (``本报讯(记者 …)``) give None:
    they open the body, see :func:`dateline_byline`.
    """
    if not text or len(text) > _MAX_CREDIT_LEN:
        return None
    if not find_role_word(text):
        t = text.lstrip()
        if not t or not ((t[0] in "(（[【" and len(t) <= 40) or t[0].isdigit()):
            return None
    s = normalize_line(text)
    if not s or _SENTENCE_END.search(s):
        return None
    if find_dateline_hint(s, 0, 48) and match_dateline(s):
        return None
    result = parse_normalized(s, bail=True)
    if result.unexplained or not result.has_role:
        return None
    return result.byline.copy()


def caption_credit(caption: str) -> list[str]:
    """Photographer names credited in a photo caption (``县城新貌。记者 梁臻 摄`` → ``['梁臻']``).

    The caption text before the credit is left out: the name right before a
    trailing 摄 may be any 2–3 character word, names before it must start with
    a common surname (``有序 李树民 摄`` → ``['李树民']``).
    """
    if not caption or not find_photo_word(caption):
        return []
    return list(parse_normalized(normalize_line(caption)).byline.photographers)
