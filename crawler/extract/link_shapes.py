"""What a link's URL says about its target: an article, a list, or neither.

Chinese portals give their article pages recognisable URLs (see
``../shared/research/zh-local-news.md`` §2): a date in the path
(``/system/2020/05/09/…``, ``/2020-05/09/content_1.htm``, ``/202005/t20200509_1.html``,
``/n1/2020/0509/c1-2.html``, ``/a/xinwen/2020/0509/123.html``), a long numeric
or hex id (``art_16_1234.html``, ``thread-202643-1-1.html``, ``/p/6854540762``,
``FGNHO51U0001899O.html``), an id parameter (``?id=``, ``&tid=``) or a slug
after a date (WordPress: ``/2020/05/09/some-title/``). European and American
local sites write the headline itself into the URL (TYPO3
``/aktuelles/detail/kreistag-beschliesst-haushalt-2027``, Drupal, Joomla
``/noticias/245-el-pleno-aprueba-…``, WordPress ``/hecht-im-winter-die-besten-koeder/``):
four words or more, where a section has one to three. Lists,
sections and site furniture have other shapes: a directory (``/xwzx/``),
``index_2.html``, ``list_3.htm``, ``node_2.htm``, ``/col/col12/index.html``,
``?page=3``, tag, search, author and user pages.

These are hints for the listing extractor, never a verdict on their own: a
site may use any URL it likes. Every function takes a URL or an href as
written in the page (relative is fine) and only looks at its path and query.
"""

import re

_DATE_IN_PATH = re.compile(
    r"/(?:19|20)\d{2}(?:[-_/]?(?:0?[1-9]|1[0-2])[-_/]?(?:0?[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:[0-3]\d)?)"
    r"(?=[/_-]|\d|$)"
    r"|/(?:19|20)\d{2}[-_/](?:0?[1-9]|1[0-2])(?=/)"
    r"|/\d{2}/(?:0[1-9]|1[0-2])[0-3]\d/"  # 163-style /20/0704/
)
_ARTICLE_NAME = re.compile(
    r"(?:^|[/_-])(?:t(?:19|20)\d{6}_\d+|art_\d+_\d+|content_\d+|show-\d+-\d+|thread-\d+|c\d+-\d+"
    r"|post_\d+|news_\d+|detail[_-]\d+)"
    r"|\d{5,}"
    r"|(?=[0-9a-zA-Z]*\d[0-9a-zA-Z]*\d[0-9a-zA-Z]*\d)[0-9a-zA-Z]{12,}",
)
_ID_PARAM = re.compile(
    r"(?:^|&)(?:id|aid|tid|nid|did|docid|doc_id|articleid|article_id|newsid|news_id|contentid|content_id|infoid"
    r"|itemid|pid)=\w*\d{2,}|(?:^|&)p=\d{3,}(?:&|$)",  # ?p=2895: a WordPress post; ?p=2: a page
    re.IGNORECASE,
)
_LIST_NAME = re.compile(
    r"^(?:index|default|list|lists|more|node|column-index|forum)(?:[_-]\w+)*\d*(?:\.\w+)?$"
    r"|^[a-z]*list(?:[_-]\w+)*\.\w+$",
    re.IGNORECASE,
)
_LIST_DIR = re.compile(
    r"/(?:col|channel|category|categories|column|columns|list|lists|tag|tags|keyword|keywords|special|topic|topics"
    r"|search|author|authors|user|users|space|people|member|members|ch|login|register)(?:/|$)",
    re.IGNORECASE,
)
_PAGING_QUERY = re.compile(
    r"(?:^|&)(?:page|pageno|page_no|pagenum|pageindex|currpage|pn|q|query|keyword|keywords|kw|wd|search)=[^&]*"
    r"|(?:^|&)p=(?!\d{3,}(?:&|$))[^&]*"
    r"|(?:^|&)(?:mod=(?:space|forumdisplay|list|search)|a=lists)(?:&|$)",
    re.IGNORECASE,
)
_CATEGORY_QUERY = re.compile(r"(?:^|&)(?:catid|cid|classid|typeid|fid|column|channel|col)=", re.IGNORECASE)
_SLUG_AFTER_DATE = re.compile(r"/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?[^/]*[a-zA-Z%-][^/]*/$")  # WordPress permalinks
_NUMBERED_NAME = re.compile(r"^\d{1,4}\.s?html?$")
# A headline written into the URL: four words or more (kreistag-beschliesst-haushalt-2027,
# Hyundai-Santa-Fe-Plug-in-Test.html, county-board-approves-budget/); section names have one to three
# (lokales, aus-aller-welt). Or a long numeric id as the last folder (/stories/3017954/).
_SLUG = re.compile(r"(?=[^.]*[^\W\d_])[^\W_]+(?:[-_][^\W_]+){3,}(?:\.\w+)?|\d{5,}", re.UNICODE)
_HOST_END = re.compile(r"[/?]")

ARTICLE = "article"
LIST = "list"


def _path_and_query(url: str) -> tuple[str, str]:
    url = url.strip()
    fragment = url.find("#")
    if fragment >= 0:
        url = url[:fragment]
    scheme = url.find("://", 0, 12)
    host = scheme + 3 if scheme >= 0 else (2 if url.startswith("//") else -1)
    if host >= 0:  # drop the host
        host_end = _HOST_END.search(url, host)
        url = url[host_end.start():] if host_end else ""
    path, _, query = url.partition("?")
    return path or "/", query


def link_kind(url: str) -> str | None:
    """``"article"``, ``"list"`` (list, section, tag, search or user page) or None when the shape says nothing."""
    path, query = _path_and_query(url)
    if query and _ID_PARAM.search(query) and not _PAGING_QUERY.search(query):
        return ARTICLE
    name = path.rsplit("/", 1)[-1]
    if not name and _SLUG_AFTER_DATE.search(path):
        return ARTICLE
    if not name and _SLUG.fullmatch(path.rstrip("/").rsplit("/", 1)[-1]):
        return LIST if _LIST_DIR.search(path) else ARTICLE
    if not name or _LIST_NAME.match(name):
        return LIST
    if query and (_PAGING_QUERY.search(query) or _CATEGORY_QUERY.search(query)):
        return LIST
    if _DATE_IN_PATH.search(path) or _ARTICLE_NAME.search(name):
        return ARTICLE
    if _LIST_DIR.search(path) or _NUMBERED_NAME.match(name):
        return LIST
    return ARTICLE if _SLUG.fullmatch(name) else None
