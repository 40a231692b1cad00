"""Who an article credits and where it comes from, read around its text on any page.

Three places, best first:

1. ``info``: the lines between the headline and the article text (the
   "info line": ``2019-09-07 13:43 来源：<a>证券市场红周刊</a> 作者：…``),
   or at the top of the text's element when it holds the headline too. Texts
   in one block element make one line (a label in one ``<span>``, its value
   in the next element), read with ``parse_byline``. A text whose element
   (or an inline element around it) is named for its role gives that role
   even without a label: ``<a class="source">参考消息</a>``,
   ``<span id="editor_baidu">``; a name in an author-like element with no
   label (``<p class="author-name">加拿大必读</p>``) is an account (below).
   ``石佳/中国青年报`` (a name, a slash, an outlet) is an author and a source.
   So is the publishing account shown next to the date with no label
   (``2019-11-25 10:37 中国网``) or next to a follow button (``去驴行 关注``).
   An account is the source when it is an outlet or the site itself, or
   when someone else is credited as author; otherwise it is the author (a
   self-media account).
2. ``body``: credit lines inside the article text (``extract_body``).
3. ``after``: the lines right after the article text, credit lines only
   (``责任编辑：杨倩_NF4425``, ``[责任编辑：韩保林 PK155]``).

Names are the union of all three, in that order; the source is the first
found. Then, when the page gives none: ``<meta name="source">``-style
metadata, and the outlet of a ``据新华社…电`` dateline. ``<meta
name="author">`` counts only as a last resort and only when it is a person
the page shows: not the site's name (``网易``), not the source, not a number
or an e-mail address, and, when it is written in Chinese, seen in the info
lines (a CMS fills the tag with whoever uploaded the page).

Pages whose title is not Chinese credit their authors the Western way
(``latin_authors``): the metadata's authors first, else the page's byline
element (``class="byline"``, ``rel="author"``), else a ``By …`` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from crawler.extract.boilerplate import INLINE_TAGS, NOT_TEXT_TAGS
from crawler.extract.bylines import Byline, credit_line, is_outlet, parse_byline
from crawler.extract.latin_bylines import byline_elements, latin_names
from crawler.extract.text import normalize_space

INFO_TEXTS = 40  # texts after the headline read for the info lines
AFTER_TEXTS = 30  # texts after the article text read for credit lines
MAX_LINE = 200
MAX_HINTED = 30  # characters of a value named by its element's class

_FOLLOWING_TEXTS = etree.XPath("following::text()[normalize-space()][position() <= $limit]")
_ROLE_HINTS = (
    ("source", re.compile(r"(?<![A-Za-z])(?:[Ss]ource|[Ll]aiyuan|[Cc]opyfrom|[Mm]edia_?[Nn]ame)(?![a-z])")),
    ("authors", re.compile(r"(?<![A-Za-z])(?:[Aa]uthor|[Ww]riter|[Bb]yline|[Zz]uozhe|[Rr]eporter)(?![a-z])")),
    ("editors", re.compile(r"(?<![A-Za-z])(?:[Ee]ditor|[Bb]ianji|[Zz]rbj|[Zz]ebian)(?![a-z])")),
)
# An editor or source field with its label (``【纠错】 责任编辑：尹世杰``): read even in a line that is not all credits.
_LABELLED_CREDIT = re.compile(r"(?:责任编辑|编辑|责编|来源)\s*[:：]")
_LABEL = re.compile(r"^\s*[\w\u4e00-\u9fff]{1,6}\s*[:：]\s*")
# The publishing account printed next to the date with no label (``2019-11-25 10:37 中国网``, ``华夏人文
# 2020-03-09 18:14``, ``2018/09/16 中時 謝明俊``), or next to a follow button (``去驴行 关注``): self-media
# platforms and portals.
_ACCOUNT_WORD = r"[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff·.-]{1,15}"
_ACCOUNT = re.compile(
    rf"(?:^|\s)(?P<before>{_ACCOUNT_WORD})\s+(?=(?:19|20)\d{{2}}\s*[-/.年]|\d{{1,2}}-\d{{1,2}}\s+\d{{1,2}}:|\+?关注|订阅)"
    rf"|(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?|(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})\s+"
    rf"(?P<after>{_ACCOUNT_WORD})(?:\s+(?P<next>[\u4e00-\u9fff]{{2,4}}))?(?=[\s\[【(（|]|$)"
)
_NOT_ACCOUNT = re.compile(r"时间|日期|来源|作者|编辑|记者|原创|发布|更新|阅读|浏览|评论|分享|字号|责编|星期|周[一二三四五六日]")
_NAME_SLASH_OUTLET = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*/\s*([\u4e00-\u9fff·]{2,16}(?:报|網|网|社|台|刊|新闻|新聞))$")
_NOT_VALUE = re.compile(
    r"\d{2}|分享|关注|關注|评论|評論|收藏|举报|打印|字号|字體|字体|超大|放大|缩小|標準|标准|阅读|閱讀|浏览|点击|登录|订阅|下载"
    r"|^(?:企鹅号|百家号|头条号|网易号|搜狐号|大鱼号|澎湃号|一点号|公众号)$"  # platform badges
)
_TRIM = " []【】()（）|:：·•-"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMERIC = re.compile(r"^[\d\s._-]+$")
_BY_LABEL = re.compile(r"^\s*(?:by|von|par|por)\s", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"@|https?:|www\.")  # "name, email@gmail.com": a CMS placeholder


@dataclass
class Credits:
    """The credits found around the article text: a Byline and, per field, where it came from."""

    byline: Byline = field(default_factory=Byline)
    rules: dict = field(default_factory=dict)  # field -> rule, for the fields with a value
    info_text: str = ""  # the info lines, joined


def _lines(texts, stop=None) -> list[tuple[str, list]]:
    """Group text nodes into lines: (line text, [owner elements]) per block element, in order."""
    lines: list[tuple[str, list]] = []
    current_block = None
    for text in texts:
        owner = text.getparent()
        if text.is_tail:
            owner = owner.getparent()
        if owner is None or owner.tag in NOT_TEXT_TAGS:
            continue
        if stop is not None and (owner is stop or stop in owner.iterancestors()):
            break
        block = owner
        while block.tag in INLINE_TAGS and block.getparent() is not None:
            block = block.getparent()
        value = normalize_space(text)
        if block is current_block and lines:
            line, owners = lines[-1]
            lines[-1] = (f"{line} {value}", owners + [(owner, value)])
        else:
            lines.append((value, [(owner, value)]))
            current_block = block
    return [(line, owners) for line, owners in lines if len(line) <= MAX_LINE]


def _hinted_role(owner) -> str | None:
    """The role its class or id gives a text's element (or an inline element around it), if any."""
    node = owner
    while node is not None:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip():
            for role, hint in _ROLE_HINTS:
                if hint.search(names):
                    return role
        node = node.getparent()
        if node is None or node.tag not in INLINE_TAGS:
            return None
    return None


def _hinted_value(text: str) -> str | None:
    value = _LABEL.sub("", text).strip(_TRIM)
    if 2 <= len(value) <= MAX_HINTED and not _NOT_VALUE.search(value) and not _NUMERIC.match(value):
        return value
    return None


def _info_byline(lines) -> tuple[Byline, list[str]]:
    """The credits of the info lines, and the accounts named only by an author-like class (no label)."""
    byline = Byline()
    accounts: list[str] = []
    for line, owners in lines:
        byline = byline.merge(parse_byline(line))
        for owner, text in owners:
            role = _hinted_role(owner)
            if role is None:
                pair = _NAME_SLASH_OUTLET.match(text)
                if pair:
                    byline = byline.merge(Byline(authors=[pair[1]], source=pair[2]))
                continue
            parsed = parse_byline(text)
            if parsed:
                byline = byline.merge(parsed)
                continue
            value = _hinted_value(text)
            if value is None:
                continue
            if role == "source":
                byline = byline.merge(Byline(source=value))
            elif role == "authors":
                accounts.append(value)
            else:
                byline = byline.merge(Byline(editors=parse_byline(f"编辑:{value}").editors or [value]))
    return byline, accounts


def _shown_accounts(info_text: str, headline: str) -> list[str]:
    """The publishing accounts shown next to the date in the info lines of a Chinese page."""
    if not _CJK.search(info_text):
        return []
    return [
        account for found in _ACCOUNT.finditer(info_text) for account in (found["before"], found["after"], found["next"])
        if account and not (_NOT_ACCOUNT.search(account) or _NOT_VALUE.search(account) or account in headline)
    ]


def _is_site_or_outlet(name: str, site_names: set[str]) -> bool:
    key = re.sub(r"[\W_]+", "", name).casefold()
    return is_outlet(name) or any(key in site or site in key for site in site_names if len(site) >= 2)


def page_credits(
    root, headline, content, body: Byline, dateline: Byline, body_info: list[str], meta: dict, site_names: set[str],
    headline_text: str = "",
) -> Credits:
    """The credits of the page ``root``: ``headline`` and ``content`` are the elements (either may be
    None); ``body``, ``dateline`` and ``body_info`` what ``extract_body`` read in the text (credit lines,
    a dateline's byline, the info lines it holds), ``meta`` from ``page_metadata``, ``headline_text``
    the title (a repeated title is no account; a title not in Chinese means Latin-script bylines)."""
    info_lines = _lines(_FOLLOWING_TEXTS(headline, limit=INFO_TEXTS), stop=content) if headline is not None else []
    info_lines += [(line, []) for line in body_info]
    info_text = " ".join(line for line, _ in info_lines)
    info, accounts = _info_byline(info_lines)
    merged = info.merge(body).merge(_after(content))
    authors = _union(merged.authors, dateline.authors)
    accounts = [
        a for a in dict.fromkeys([*accounts, *_shown_accounts(info_text, headline_text)])
        if a not in authors and a != merged.source
    ]
    rules = {name: "generic" for name in ("authors", "photographers", "editors") if getattr(merged, name)}
    source, rules["source"] = _source(merged.source, accounts, authors, meta, dateline, site_names)
    if not _CJK.search(headline_text):
        scope = _common_ancestor(headline, content) if headline is not None and content is not None else root
        found = latin_authors(scope, info_lines, meta, source, site_names)
        if found:
            authors = found
            rules["authors"] = "metadata" if found[0] in meta.get("authors", ()) else "generic"
    if not authors:
        authors = [a for a in accounts if a != source and not _is_site_or_outlet(a, site_names)][:1]
        rules["authors"] = "generic"
    if not authors:
        authors = [name for name in meta.get("authors", ()) if _shown_person(name, source, site_names, info_text)]
        rules["authors"] = "metadata"
    return Credits(Byline(authors, merged.photographers, merged.editors, merged.reviewers, source), rules, info_text)


def _after(content) -> Byline:
    """The credit lines right after the article text (labelled editor and source fields even in a line
    that is not all credits: ``【纠错】 责任编辑：尹世杰``)."""
    after = Byline()
    if content is None:
        return after
    for line, _ in _lines(_FOLLOWING_TEXTS(content, limit=AFTER_TEXTS)):
        found = credit_line(line)
        if found is None and _LABELLED_CREDIT.search(line):
            parsed = parse_byline(line)
            found = Byline(editors=parsed.editors, source=parsed.source)
        if found is not None:
            after = after.merge(found)
    return after


def _source(found, accounts, authors, meta: dict, dateline: Byline, site_names: set[str]) -> tuple:
    """The source and its rule: one found in credits, else an account that is an outlet or the site or is
    shown while someone else is credited, else the metadata's, else a dateline's agency."""
    if found:
        return found, "generic"
    account = next((a for a in accounts if authors or _is_site_or_outlet(a, site_names)), None)
    if account:
        return account, "generic"
    if meta.get("source"):
        return meta["source"], "metadata"
    return dateline.source, "generic"


def _common_ancestor(first, second):
    """The nearest element holding both ``first`` and ``second``."""
    around_first = set(first.iterancestors())
    return next((a for a in second.iterancestors() if a in around_first), second.getroottree().getroot())


def latin_authors(scope, info_lines, meta: dict, source: str | None, site_names: set[str]) -> list[str]:
    """The authors of a page in Latin script: its metadata's (``<meta name="author">``, JSON-LD), else
    the first element in ``scope`` (the article's part of the page) marked as its byline, else a ``By …``
    info line (see ``crawler.extract.latin_bylines``)."""
    names = []
    for value in meta.get("authors", ()):
        names += latin_names(value) or ([value] if _shown_person(value, source, site_names, "") else [])
    names = [name for name in names if _shown_person(name, source, site_names, "")]
    if names:
        return list(dict.fromkeys(names))
    for element in byline_elements(scope):
        names = latin_names("".join(element.itertext()))
        if names:
            return names
    for line, _ in info_lines:
        if _BY_LABEL.match(line) and (names := latin_names(line)):
            return names
    return []


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _shown_person(name: str, source: str | None, site_names: set[str], info_text: str) -> bool:
    """Can ``<meta name="author">``'s ``name`` be taken as an author (see the module docstring)?"""
    key = re.sub(r"[\W_]+", "", name).casefold()
    if not key or _NUMERIC.match(name) or _NOT_A_NAME.search(name) or (source and name in source):
        return False
    if any(key in site or site in key for site in site_names if len(site) >= 2):
        return False
    if _CJK.search(name):
        return name in info_text
    return True
