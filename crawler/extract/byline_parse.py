"""A normalised credit line parsed into roles: the ``Byline`` it credits, cached.

Rules

- Role words are found first (``crawler.extract.byline_scan``); the text
  between them is cut into words. Text glued before a title or label
  (``浙江日报记者``, ``中青报·中青网见习记者``, ``临平区融媒体中心记者``,
  ``内容来源``) is an outlet or a modifier: dropped, never a name nor the
  source (unless it reads like a sentence, 的/是/由 …).
- Outlets and organisations (``新华社``, ``县教育局``, ``县委宣传部``) standing
  where names go are neither names nor errors: ``通讯员 县教育局 张伟`` → 张伟.
- Label separators ``:`` ``：`` space ``|`` ``丨`` ``/``; fields end at
  ``|``/``丨``, brackets ``【】[]()（）``, a timestamp, contact data or an
  unknown ``标签:`` (``新闻投稿:…@qq.com``, ``新闻热线:…`` are skipped whole);
  names are separated by spaces (incl. U+00A0/U+3000), ``、 , ， ; ；`` and
  the fillers 等/和/及/与.
- An empty author/photo label stacks onto the role that follows it:
  ``撰稿:见习记者:俞中岳`` → author; ``作者: 摄影 记者 冯玉坤`` → author and
  photographer. A title under such a stack takes the stack's roles
  (``摄影 记者 X`` = photographer, like ``摄影记者 X``).
- Suffix credits (摄, 摄影, 摄影报道, 文/摄, 图, 文 …) apply to the names *before*
  them when glued (``殷新宇摄``, ``鲁冲/摄``) or when nothing name-like follows;
  otherwise they are prefix labels (``摄影 张三``). A trailing photo credit turns
  a preceding 记者 into a mere title: ``记者 梁臻 摄`` → photographer only,
  ``记者 欧阳进权 文/摄`` → author and photographer. Without a title, the names
  before a suffix are read backwards: the nearest word may be any 2–3 character
  word, the ones before it must start with a common surname, which leaves the
  caption text out (``有序 李树民 摄`` → 李树民).
- Names alone in brackets (``(张志勇 李碧露)``) are authors when each starts with
  a common surname.

``parse_normalized`` is cached, and its ``Byline`` is shared between calls:
whatever hands a parse out of the package hands out a copy (``Byline.copy``
or a ``merge``), never the cached Byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from crawler.extract.byline_scan import (
    BREAK, CLOSERS, FILLER, NOISE, OPENERS, ROLE, SEPARATOR, TIMESTAMP, UNKNOWN_LABEL, WORD, scan,
)
from crawler.extract.byline_words import (
    AUTHOR, EDITOR, JUNK, LABEL, LATIN_NOT_NAMES, NO_SUFFIX, NOT_NAMES, PHOTO, PREFIX_OR_SUFFIX, REVIEWER, SOURCE,
    SOURCE_PLACEHOLDERS, SUFFIX_ONLY, TITLE, find_running_text, is_outlet, match_agency_sent, nearest_names,
    word_names,
)


@dataclass
class Byline:
    """People and source credited by a line or a page. Lists keep first-seen order, without duplicates."""

    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    source: str | None = None

    def merge(self, other: "Byline") -> "Byline":
        """A new Byline: each list is the union of both (this one's names first); the first non-empty source wins."""
        return Byline(
            _union(self.authors, other.authors),
            _union(self.photographers, other.photographers),
            _union(self.editors, other.editors),
            _union(self.reviewers, other.reviewers),
            self.source or other.source,
        )

    def __bool__(self) -> bool:
        return bool(self.authors or self.photographers or self.editors or self.reviewers or self.source)

    def copy(self) -> "Byline":
        """A Byline with lists of its own (for handing out a cached parse)."""
        return Byline(list(self.authors), list(self.photographers), list(self.editors), list(self.reviewers), self.source)


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


_PERSON_CREDIT = AUTHOR | PHOTO
_ROLE_FIELDS = ((AUTHOR, "authors"), (PHOTO, "photographers"), (EDITOR, "editors"), (REVIEWER, "reviewers"))

_SEPARATOR_AFTER = re.compile(r"\s*[:|丨/]")
# "来源|广州参考": a pipe right after the label separates it from the value; after a space it ends the field.
_SOURCE_VALUE = re.compile(r"[|丨]?[\s:/(\[【《]*([^\s|丨【】\[\]()<>《》,;、]+)")


def _clean_source(value: str) -> str | None:
    if ":" in value.rstrip(":") or (value.endswith(":") and len(value) > 1):
        if not value.startswith("http"):
            return None  # "来源: 发布时间: 2018-05-17": the next label, not a source
    value = value.strip(" .,;:。》>")
    if not value or value.lower() in SOURCE_PLACEHOLDERS:
        return None
    return value


class _Group:
    __slots__ = ("roles", "kind", "intro", "names", "words", "open_br", "close_br")

    def __init__(self, roles: int, kind: str, intro: int = -1):
        self.roles = roles
        self.kind = kind  # "title" | "label" | "orphan" (names without a role yet) | "suffixed"
        self.intro = intro
        self.names: list[str] = []
        self.words: list[tuple[int, str]] = []  # orphan words, validated at the end
        self.open_br = False
        self.close_br = False


class ParseResult:
    """What a line credits, whether some word of it is unexplained, and whether it names a role at all."""

    __slots__ = ("byline", "unexplained", "has_role")

    def __init__(self, byline: Byline, unexplained: bool, has_role: bool):
        self.byline = byline
        self.unexplained = unexplained
        self.has_role = has_role


_BAILED = ParseResult(Byline(), True, False)


# A site prints the same credit lines on every page (编辑：冯娣, 来源：…融媒体中心): a parse is cached, and
# what leaves the package is a copy (Byline.copy or a merge), never the cached Byline itself.
@lru_cache(maxsize=8192)
def parse_normalized(s: str, strict_names: bool = False, bail: bool = False) -> ParseResult:
    """Parse a normalised line.

    ``unexplained`` is set when some word is neither a name, a role, an
    outlet nor noise; with ``bail`` the parse stops there (credit_line only
    needs to know). ``strict_names``: every CJK name must start with a
    common surname.
    """
    items = scan(s)
    n = len(items)
    groups: list[_Group] = []
    group_of_word: dict[int, _Group] = {}
    group_of_role: dict[int, _Group] = {}
    cur: _Group | None = None
    source: str | None = None
    bare_source: str | None = None
    consumed_end = -1
    skipping = False
    unexplained = False
    has_role = False
    leading_ts = -1
    first_significant = True

    def prev_nonsep(i: int) -> int:
        i -= 1
        while i >= 0 and items[i][0] == SEPARATOR:
            i -= 1
        return i

    def next_role_start(i: int) -> int:
        for k in range(i + 1, n):
            if items[k][0] == ROLE:
                return items[k][1]
        return len(s)

    def glued_outlet(k: int) -> bool:
        """Word k is glued to the title/label after it, and not to a role before it (浙江日报|记者)."""
        if k + 1 >= n:
            return False
        nxt, prv = items[k + 1], items[k - 1] if k > 0 else None
        return (
            nxt[0] == ROLE and nxt[1] == items[k][2] and nxt[4].suffix == NO_SUFFIX and nxt[4].kind != JUNK
            and not (prv is not None and prv[0] == ROLE and prv[2] == items[k][1] and prv[4].kind in (TITLE, LABEL))
        )

    def try_suffix(i: int) -> bool:
        spec = items[i][4]
        j, glue = i - 1, True
        while j >= 0 and items[j][0] == SEPARATOR:
            if items[j][3].strip() != "/":
                glue = False
            j -= 1
        if j < 0 or items[j][0] != WORD or j not in group_of_word:
            return False
        group = group_of_word[j]
        k = i + 1
        while k < n and items[k][0] == SEPARATOR:
            k += 1
        follows = k < n and items[k][0] == WORD and not glued_outlet(k) and word_names(items[k][3], False) is not None
        if spec.suffix == PREFIX_OR_SUFFIX and follows and not glue:
            if group.kind != "orphan" or word_names(items[j][3], True) is None:
                return False  # a prefix label for the names that follow
        if group.kind == "title":
            group.roles = spec.roles
            group.kind = "suffixed"
        elif group.kind in ("label", "suffixed"):
            group.roles |= spec.roles
        else:
            words = group.words
            idx = len(words) - 1
            while idx >= 0 and words[idx][0] != j:
                idx -= 1
            if idx < 0:
                return False
            taken = nearest_names(words[idx][1])
            if not taken:
                return False
            p = idx - 1
            while p >= 0:
                more = word_names(words[p][1], True)
                if not more:
                    break
                taken = more + taken
                p -= 1
            credited = _Group(spec.roles, "suffixed")
            credited.names = taken
            group.words = words[: p + 1]
            groups.insert(groups.index(group) + 1, credited)
        return True

    for i, (typ, start, end, text, spec) in enumerate(items):
        if typ == SEPARATOR:
            if skipping and text.count(" ") >= 2:
                skipping = False
            continue
        if typ == ROLE:
            first_significant = False
            skipping = False
            if spec.kind == JUNK:
                cur, skipping = None, True
                continue
            if spec.kind == SOURCE:
                cur = None
                if _SEPARATOR_AFTER.match(s, end):
                    has_role = True
                m = _SOURCE_VALUE.match(s, end, next_role_start(i))
                if m:
                    has_role = True
                    consumed_end = m.end()
                    value = _clean_source(m.group(1))
                    if source is None and value:
                        source = value
                continue
            if spec.suffix != NO_SUFFIX and try_suffix(i):
                has_role, cur = True, None
                continue
            if spec.suffix == SUFFIX_ONLY:
                continue
            if _SEPARATOR_AFTER.match(s, end):
                has_role = True  # "责任编辑:" credits nobody but is a credit line; a bare "图1" is not
            roles = spec.roles
            j = prev_nonsep(i)
            stacked = group_of_role.get(j)
            if (
                stacked is not None and stacked.kind == "label" and not stacked.names
                and not stacked.roles & ~_PERSON_CREDIT
            ):
                if spec.kind == TITLE:
                    roles = stacked.roles | (roles if roles != AUTHOR else 0)
                elif not roles & ~_PERSON_CREDIT:
                    roles |= stacked.roles
            cur = _Group(roles, "title" if spec.kind == TITLE else "label", i)
            group_of_role[i] = cur
            groups.append(cur)
            continue
        if typ == BREAK:
            if (
                text in "|丨" and cur is not None and cur.kind in ("title", "label")
                and not cur.names and prev_nonsep(i) == cur.intro
            ):
                continue  # "作者 | 周志鹏": the pipe separates a label from its value
            if cur is not None and cur.kind == "orphan" and text in CLOSERS:
                cur.close_br = True
            cur, skipping = None, False
            continue
        if typ == FILLER:
            continue
        if typ == TIMESTAMP:
            if first_significant:
                leading_ts = i
            first_significant = False
            cur = None
            continue
        if typ == UNKNOWN_LABEL:
            first_significant = False
            cur, skipping = None, True
            continue
        if typ == NOISE:
            if text not in "■●◆▲★□◇►▶※*-—…·":
                first_significant = False
                cur = None
            continue
        # a word
        first_significant = False
        if start < consumed_end or skipping:
            continue
        if glued_outlet(i):
            if find_running_text(text):
                unexplained = True  # "这张照片由|记者": a sentence, not an outlet
                if bail:
                    return _BAILED
            cur = None
            continue
        if cur is not None and cur.kind in ("title", "label"):
            prv = items[i - 1]
            glued_after_role = prv[0] == ROLE and prv[2] == start
            names = word_names(text, strict_names or glued_after_role)
            if names:
                cur.names.extend(names)
                group_of_word[i] = cur
                has_role = True
            elif glued_after_role or find_running_text(text) or not (
                # not a person but not running text either: an outlet or an
                # organisation after a label ("图/新华社", "作者：青溪县教育局")
                is_outlet(text) or text in NOT_NAMES or text.lower() in LATIN_NOT_NAMES
                or (
                    cur.kind == "label" and not items[cur.intro][4].alone and len(text) <= 16
                    and _SEPARATOR_AFTER.match(s, items[cur.intro][2])
                )
            ):
                unexplained, cur = True, None
                if bail:
                    return _BAILED
            continue
        if leading_ts >= 0 and prev_nonsep(i) == leading_ts and is_outlet(text):
            bare_source = bare_source or text
            has_role = True
            continue
        agency = match_agency_sent(text)
        if agency:
            bare_source = bare_source or agency.group(1)
            continue
        if is_outlet(text):
            continue
        if cur is None or cur.kind != "orphan":
            cur = _Group(0, "orphan")
            j = prev_nonsep(i)
            cur.open_br = j >= 0 and items[j][0] == BREAK and items[j][3] in OPENERS
            groups.append(cur)
        cur.words.append((i, text))
        group_of_word[i] = cur
    if cur is not None and cur.kind == "orphan":
        cur.close_br = True

    found: dict[int, list[str]] = {AUTHOR: [], PHOTO: [], EDITOR: [], REVIEWER: []}
    for group in groups:
        if group.kind == "orphan":
            if not group.words:
                continue
            names = [word_names(word, True) for _, word in group.words]
            if group.open_br and group.close_br and all(names):
                found[AUTHOR].extend(name for part in names for name in part)
                has_role = True
            else:
                unexplained = True
            continue
        for bit, _ in _ROLE_FIELDS:
            if group.roles & bit:
                found[bit].extend(group.names)
    byline = Byline(*(list(dict.fromkeys(found[bit])) for bit, _ in _ROLE_FIELDS), source or bare_source)
    return ParseResult(byline, unexplained, has_role)
