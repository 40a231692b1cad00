"""Datelines that open a body paragraph, and the byline inside them.

``本报讯(记者 姜玲 宋佳男)``, ``华商报讯(记者 贺秋平 通讯员 袁红丽)``,
``据新华社北京5月9日电``, ``(中央社记者邱俊钦桃园19日电)``: an outlet or a
place, a date, 讯/电, then maybe the credits in brackets or, without
brackets, a run of titles and names up to the first punctuation.
``read_dateline`` reads one at the start of a normalised line (for
``parse_byline``), ``match_dateline`` only finds it (for ``credit_line``: a
dateline is no credit line); ``dateline_byline`` is the entry point for a
raw body paragraph.
"""

from __future__ import annotations

import re

from crawler.extract.byline_parse import Byline, parse_normalized
from crawler.extract.byline_scan import normalize_line
from crawler.extract.byline_words import (
    CJK, COMPOUND_SURNAMES, LABEL, ROLE_WORDS, TITLE, match_role_word, with_traditional, word_names,
)

_MARKS = "■●◆▲★□◇►▶※"
_DATELINE = re.compile(
    with_traditional(
        rf"[\s{_MARKS}]*(?P<ju>据)?(?P<head>[{CJK}A-Za-z·\-]{{1,24}}?)"
        r"(?:(?P<date>(?:\d{2,4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日)(?P<k1>讯|电)"
        r"|(?<=社)(?P<k2>电)"
        r"|(?<=[报网社台端线心媒闻快简视刊站号])(?P<k3>讯))"
        r"(?!话|视|脑|影|力|子|器|池|网|台|梯|费|商|动|源|息|号|问)"
    )
)
# A wire dateline in brackets, the reporter's name glued to the place: (中央社记者邱俊钦桃园19日电)
_BRACKETED_WIRE = re.compile(
    with_traditional(
        rf"\s*\(\s*(?P<outlet>[{CJK}]{{1,8}}?)(?:特派|驻\S{{1,4}})?记者(?P<rest>[{CJK}·]{{2,9}}?)\d{{1,2}}日电\s*\)"
    )
)
_DATELINE_HINT = re.compile(with_traditional(r"讯|电"))
_DATELINE_OUTLET = re.compile(with_traditional(r".*(?:网|报|台|在线|客户端|新闻|中心|频道|APP)"))
_DATELINE_BYLINE_END = re.compile(r"[,。!?;:]")
# Bound methods for crawler.extract.bylines, see byline_words.find_role_word.
find_dateline_hint = _DATELINE_HINT.search
match_dateline = _DATELINE.match


def _wire_name(rest: str) -> str:
    """The reporter's name in a name glued to a place (邱俊钦桃园 → 邱俊钦, 王芳台北 → 王芳)."""
    if len(rest) <= 3 or rest[:2] in COMPOUND_SURNAMES and len(rest) <= 4:
        return rest
    return rest[:2] if len(rest) == 4 else rest[:3]


def read_dateline(s: str) -> tuple[Byline, int] | None:
    """The byline of a dateline at the start of ``s`` and where it ends, or None when there is no dateline."""
    wire = _BRACKETED_WIRE.match(s)
    if wire is not None:
        name = word_names(_wire_name(wire["rest"]), True)
        return Byline(authors=name or [], source=wire["outlet"] if wire["outlet"].endswith("社") else None), wire.end()
    m = _DATELINE.match(s)
    if not m:
        return None
    head = m.group("head")
    source = None
    kind = m.group("k1") or m.group("k2") or m.group("k3")
    if m.group("ju") or (kind in "电電" and "社" in head):
        if "社" in head:
            source = head[: head.index("社") + 1]
        else:
            outlet = _DATELINE_OUTLET.match(head)
            source = outlet.group() if outlet else head
    byline = Byline(source=source)
    end = m.end()
    j = end
    while j < len(s) and s[j] in " :":
        j += 1
    if j < len(s) and s[j] in "([【":
        close = s.find({"(": ")", "[": "]", "【": "】"}[s[j]], j)
        if close > 0:
            byline = byline.merge(parse_normalized(s[j : close + 1]).byline)
            end = close + 1
    elif (role := match_role_word(s, j)) and ROLE_WORDS[role.group()].kind in (TITLE, LABEL):
        stop = _DATELINE_BYLINE_END.search(s, j)
        segment = s[j : stop.start() if stop else len(s)]
        byline = byline.merge(parse_normalized(segment, strict_names=True).byline)
        end = j + len(segment)
    return byline, end


def dateline_byline(text: str) -> Byline | None:
    """The byline inside a dateline that opens a body paragraph, else None. The paragraph itself stays in the body.

    ``华商报讯(记者 贺秋平 通讯员 袁红丽)…`` → authors ``['贺秋平', '袁红丽']``;
    ``据新华社北京5月9日电`` → source ``'新华社'``; ``（中央社记者邱俊钦桃园19日电）``
    → authors ``['邱俊钦']``, source ``'中央社'``. The outlet of a dateline is
    a source only when attributed (``据…``) or for an agency wire (``…社…电``);
    ``本报讯``/``XX网讯`` name the publishing site itself and give no source.
    Without brackets (``本报讯 记者 张三 通讯员 李四 昨天…``) names must start
    with a common surname and end at the first non-name.
    """
    if not text or not _DATELINE_HINT.search(text, 0, 48):
        return None
    found = read_dateline(normalize_line(text[:300]))
    if found is None or not found[0]:
        return None
    return found[0]
