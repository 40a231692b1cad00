"""A credit line normalised and cut into tokens: role words, then the words, separators and noise between them.

``normalize_line(text)`` maps full-width forms to ASCII (``：`` → ``:``,
``（`` → ``(``, full-width digits and letters) and every kind of space to a
space; drops zero-width characters, pinyin glosses of scraper mirrors
(``本報(bào)見習(xí)記者``) and staff codes (``张佳文(QN0040)`` → 张佳文); closes
up ``鲁冲 / 摄``; ends a field at a ``图片除署名外均由`` note; and reads an
outlet in book-title marks before a role word (``《棱镜》作者``) as glued.

``scan(s)`` finds the role words first (``find_role_word``: longest form
wins; 文 and 图 only standing alone, 摄 not in 拍摄), then cuts the text
between them into tokens ``(type, start, end, text, spec)``: a word, a
separator (spaces, ``、 , ; : / &``), a break that ends a field (``|``,
``丨``, brackets ``【】[]()``, ``。!?``), a timestamp, noise (contact data,
URLs, numbers, staff codes), an unknown ``标签:`` or a filler (等/和/及/与
standing alone). Names a single space splits are joined: ``王 伟`` (a
surname, a space, one character) and ``Li Hua`` (consecutive Capitalised
Latin words) are one word.
"""

from __future__ import annotations

import re

from crawler.extract.byline_words import (
    CJK, ROLE_RE, ROLE_WORDS, SURNAMES, find_role_word, is_cjk, with_traditional,
)

_TRANSLATE = {
    "：": ":", "（": "(", "）": ")", "［": "[", "］": "]", "〔": "[", "〕": "]", "｜": "|", "，": ",",
    "；": ";", "／": "/", "！": "!", "？": "?", "＠": "@", "・": "·", "•": "·", "‧": "·", "･": "·",
    "\u3000": " ", "\u00a0": " ", "\t": " ", "\r": " ", "\n": " ", "\u200b": "", "\u200c": "",
    "\u200d": "", "\ufeff": "", "\u2060": "",
}
_TRANSLATE.update({chr(0xFF10 + i): str(i) for i in range(10)})
_TRANSLATE.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_TRANSLATE.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TRANS_TABLE = str.maketrans(_TRANSLATE)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(rf"(?<=[{CJK}])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")
_STAFF_CODE = re.compile(rf"(?<=[{CJK}A-Za-z])\s*\(\s*[A-Za-z]{{0,6}}\d{{2,}}[A-Za-z0-9\-]*\s*\)")
_SLASH = re.compile(r"\s*/\s*")
_FIELD_BREAK = "\ue000"  # private-use character: ends a field, like "|"
_PHOTO_NOTE = re.compile(with_traditional(r"(?:本版|本期|本文)?(?:照片|图片|图)除署名外(?:均由|均为|由)?"))
# An outlet in book-title marks right before a role word: 《棱镜》作者 周纯 reads as 棱镜作者 (a glued outlet).
_TITLED_OUTLET = re.compile(rf"《([^《》\s]{{1,16}})》(?={ROLE_RE.pattern})")


def normalize_line(text: str) -> str:
    """``text`` ready to scan (see the module docstring)."""
    s = text.translate(_TRANS_TABLE)
    if "(" in s:
        s = _PINYIN_GLOSS.sub("", s)
        s = _STAFF_CODE.sub("", s)
    if "/" in s:
        s = _SLASH.sub("/", s)
    if "署名" in s:
        s = _PHOTO_NOTE.sub(f" {_FIELD_BREAK} ", s)
    if "《" in s:
        s = _TITLED_OUTLET.sub(r"\1", s)
    return s.strip()


# Token types.
ROLE, WORD, SEPARATOR, BREAK, TIMESTAMP, NOISE, UNKNOWN_LABEL, FILLER = range(8)
OPENERS = "([【<《「『"
CLOSERS = ")]】>》」』"

_SEG_RE = re.compile(
    rf"""
    (?P<ts>\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
        |\d{{1,2}}月\d{{1,2}}日(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
        |\d{{1,2}}:\d{{2}}(?::\d{{2}})?
        |星期[一二三四五六日天])
    |(?P<junk>[A-Za-z0-9_.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+
        |(?:https?://|www\.)[^\s{CJK}]+
        |[A-Za-z]{{1,4}}\d{{3,}}[A-Za-z0-9]*
        |\d+(?:[\-.]\d+)*)
    |(?P<ulabel>[{CJK}]{{2,8}}\s*:)
    |(?P<brk>[|丨【】\[\]()<>《》「」『』"“”。!?\ue000])
    |(?P<sep>[\s、,;:/&]+)
    |(?P<fill>(?<![{CJK}])[等和及与](?![{CJK}]))
    |(?P<word>(?:[A-Za-z0-9]+(?=[{CJK}]))?[{CJK}]+(?:[·\-][{CJK}]+)*|[A-Za-z][A-Za-z0-9_.\-]*)
    |(?P<other>.)
    """,
    re.VERBOSE,
)
_SEG_TYPES = {
    "ts": TIMESTAMP, "junk": NOISE, "ulabel": UNKNOWN_LABEL, "brk": BREAK, "sep": SEPARATOR, "fill": FILLER,
    "word": WORD, "other": NOISE,
}


def scan(s: str) -> list[tuple]:
    """Items ``(type, start, end, text, spec)`` in order; ``spec`` is set for role tokens."""
    items: list[tuple] = []
    pos = search_from = 0
    while True:
        m = find_role_word(s, search_from)
        if m is None:
            break
        start, end, word = m.start(), m.end(), m.group()
        spec = ROLE_WORDS[word]
        before = s[start - 1] if start else ""
        if before and ((spec.alone and is_cjk(before)) or before in spec.not_after):
            search_from = start + 1  # 袁静文核实, 拍摄: part of a word; a shorter role may start later
            continue
        if start > pos:
            _scan_segment(s, pos, start, items)
        items.append((ROLE, start, end, word, spec))
        pos = search_from = end
    if pos < len(s):
        _scan_segment(s, pos, len(s), items)
    _join_split_names(items)
    return items


def _scan_segment(s: str, start: int, end: int, items: list) -> None:
    for m in _SEG_RE.finditer(s, start, end):
        items.append((_SEG_TYPES[m.lastgroup], m.start(), m.end(), m.group(), None))


def _join_split_names(items: list) -> None:
    """Join names that a single space splits.

    ``王 伟`` (a surname, one space, one character) is one name, typeset to
    align with 3-character names; ``Li Hua`` (Capitalised Latin words) is one.
    """
    i = 0
    while i + 2 < len(items):
        a, sep, b = items[i], items[i + 1], items[i + 2]
        if a[0] == WORD and sep[0] == SEPARATOR and b[0] == WORD and sep[3] == " ":
            x, y = a[3], b[3]
            if (len(x) == 1 and len(y) == 1 and x in SURNAMES and is_cjk(y)) or (
                _CAPITALISED.fullmatch(x) and _CAPITALISED.fullmatch(y)
            ):
                items[i : i + 3] = [(WORD, a[1], b[2], f"{x}{' ' if x.isascii() else ''}{y}", None)]
                continue
        i += 1


_CAPITALISED = re.compile(r"(?:[A-Z][a-z]+ )*[A-Z][a-z]+")
