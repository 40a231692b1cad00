"""What on a news page is not the article: boilerplate containers and boilerplate lines.

Containers (never the content, and left out of a body): comment threads,
related / recommended / hot / ranking lists, share bars, navigation and
breadcrumbs, sidebars, footers and copyright boxes, author boxes, ads,
pagers, app and QR code banners, login and subscription boxes, overlays —
by tag (``nav``, ``aside``, ``header`` and ``footer`` outside an
``<article>``) or by a word in the class or id (``related-news``,
``commentList``, ``bdshare``, ``xgxw`` 相关新闻 …). A word counts only as a
whole word of the name: ``hot-list`` and ``hotNews`` are lists, ``shot`` and
``photo`` are not; and not in the name of a layout wrapper
(``content-sidebar-wrap``, ``layout--has-sidebar``) nor of a WordPress
category or tag (``category-share``).

Section breaks: a line that opens what follows an article inside its
element — related stories (``相关阅读``, ``Mehr zum Thema``, ``À lire
aussi``), the author box (``Über den Autor``, ``作者简介``), references,
comments, a platform's disclaimer or a reprint notice
(``…本平台仅提供信息存储服务``, ``未经书面授权请勿转载``) — ends the body.

Lines (a short paragraph that is all boilerplate): ``扫一扫在手机打开当前页``,
``分享到：``, ``点击观看…``, ``【打印】【关闭】``, ``字号：大 中 小``,
``上一篇``/``下一篇``, ``相关新闻``, ``版权所有``, ``下载…客户端``, tag lines
(``标签：…``, ``Tags:``), ad labels (``广告``, ``Anzeige``), a pager
(``1234下一页``), where the poster is (``发布于：北京市``); prompts to
subscribe, log in or support the site (``Never miss the latest news by
signing up…``, ``Pour lire la suite``), "read also" links (``À lire aussi »
…``) and lines of share buttons (``teilen twittern E-Mail``). Picture
credits (``© AFP / …``, ``Photograph by …``) are captions, not text.
"""

from __future__ import annotations

import re
from functools import lru_cache

INLINE_TAGS = frozenset((
    "a", "span", "b", "strong", "em", "i", "u", "font", "small", "big", "sub", "sup", "abbr", "cite", "code",
    "mark", "q", "s", "strike", "time", "label", "ins", "del", "tt", "var", "wbr", "nobr", "img",
))
# Never text a reader sees in the article.
NOT_TEXT_TAGS = frozenset((
    "script", "style", "noscript", "iframe", "button", "input", "select", "option", "textarea", "video", "audio",
    "object", "embed", "svg", "canvas", "template", "head", "title", "meta", "link",
))
BOILERPLATE_TAGS = frozenset(("nav", "aside", "menu"))
# Whatever their classes say: <body> describes the layout ("no-sidebars"), <article> and <main> are content.
NEVER_BOILERPLATE = frozenset(("body", "article", "main"))
# Class names that only name the post's categories and tags (WordPress: "category-share", "tag-comments").
TAXONOMY_PREFIXES = ("category-", "tag-")
# Class names of layout wrappers that merely mention a sidebar or a menu next to them:
# "content-sidebar-wrap", "sticky-sidebar-relative", "layout--has-sidebar", "left-navigation-wrapper",
# "modal-enabled".
_LAYOUT_NAME = re.compile(
    r"wrap|layout|relative|sticky|parent|enabled|(?:^|[-_])(?:has|with|no)[-_]|[-_]mix|(?:^|[-_])col[-_]"
)

_CONTAINER_WORDS = (
    "comment", "comments", "reply", "replies", "pinglun", "discuss", "related", "relate", "recommend",
    "recommended", "recommendation", "tuijian", "xgxw", "xgyd", "xiangguan", "hot", "hotnews", "popular",
    "trending", "rank", "ranking", "paihang", "share", "sharing", "sharebar", "bdshare", "jiathis", "social",
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "side",
    "footer", "foot", "copyright", "banquan", "disclaimer", "ad", "ads", "advert", "advertisement", "guanggao",
    "banner", "pager", "pagination", "login", "signin", "subscribe", "newsletter", "cookie", "cookies", "popup",
    "modal", "overlay", "lightbox", "dialog", "bio", "biography", "authorbox", "author-box", "author_box", "autorenbox", "profile", "qrcode", "ewm", "erweima", "download", "toolbar", "tags",
)
# Whole words of a class or id: "hot-list", "hot_list", "hotNews", "commentList", not "shot" or "photo".
_CONTAINER_RE = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in sorted(_CONTAINER_WORDS, key=len, reverse=True))
    + r")(?![a-z])"
)
_HIDDEN_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)

BOILERPLATE_LINE = re.compile(
    r"^[【\[(（]?\s*(扫一扫|扫描二维码|长按二维码|长按识别|分享到|分享至|分享：|点击观看|点击查看|点击进入|点击阅读|阅读原文|"
    r"打印本页|打印|关闭窗口|关闭|字号|字体|\[?\s*大\s*中\s*小|上一篇|下一篇|返回顶部|返回首页|相关新闻|相关阅读|相关稿件|推荐阅读|"
    r"热门评论|网友评论|我要评论|发表评论|下载.{0,12}(客户端|APP)|版权所有|版权声明|Copyright|©|原标题|本文来源|"
    r"(?:标签|关键词|关键字|(?i:tags?|schlagw[öo]rter))\s*[:：]|广告|(?i:anzeige|advertisement)\b)"
    # a pager (1234下一页, 【上一页】【下一页】) or where the poster is (发布于：北京市, 来自甘肃, IP属地：广东)
    r"|^[\s\d\[\]【】|…·.<>«»]*(?:(?:首|尾|末|上一?|下一?)[页頁][\s\d\[\]【】|…·.<>«»]*)+$"
    r"|^(?:发布于|来自|IP属地)\s*[:：]?\s*[\u4e00-\u9fff]{2,8}$"
)
BOILERPLATE_MAX_LEN = 80
# Prompts to subscribe, log in or support the site, and platform disclaimers (a line of at most PROMPT_MAX_LEN).
PROMPT_LINE = re.compile(
    r"newsletter|abonnier|\bsubscribe|sign(?:ing)? up|e-mail-adresse|e-mail address|registrieren sie|einloggen|"
    r"log ?in to|unterstütze|support us|返回\S{1,8}[，,]?\s*查看更多|"
    r"lire la suite|weiterlesen|read the rest|continue reading|ausblenden|einblenden|"
    r"nichts mehr versäumen|verpasse keine|never miss|don'?t miss|ne manquez|letter to the editor|leserbrief|"
    r"e-paper|\bim abo\b|gratis erhalten|app store|google play|itunes",
    re.IGNORECASE,
)
PROMPT_MAX_LEN = 160
# A line of share and page buttons only: "teilen twittern E-Mail", "Rezept drucken Bei Pinterest speichern".
# Each word is taken whole, once (an atomic group, no word a prefix of one after it): a run of words and numbers
# that does not end the line fails at once instead of being cut up every way (30 digits took minutes).
SHARE_LINE = re.compile(
    r"^(?:(?>teilen|twittern|tweeten|tweet|share|drucken|print|e-?mail|whatsapp|facebook|twitter|pinterest|"
    r"linkedin|xing|pinnen|merken|speichern|kopieren|link|flipboard|reddit|telegram|kommentieren|comment|"
    r"gefällt|mir|wird|geladen|loading|like|bei|auf|zum|rezept|this|page|seite|artikel|article|\d+)[\s.,:|·•…]*+)+$",
    re.IGNORECASE,
)
SHARE_LINE_MAX_LEN = 60
# A picture credit (a line of at most CREDIT_MAX_LEN): ``© AFP / MARCO BERTORELLO``, ``Photograph by …``.
PICTURE_CREDIT = re.compile(
    r"©|\bphoto(?:graph)?s?\s+by\b|\bcr[ée]dits?\s+photos?|\btitelbild\b|\bfotos?\s*:|\bbild\s*:|getty images|"
    r"picture[- ]alliance|\bimago\b|shutterstock|\bistock",
    re.IGNORECASE,
)
PICTURE_CREDIT_MAX_LEN = 120
# A line that opens what follows the article inside its element (related stories, the author box, the
# comments): the body ends there.
SECTION_BREAK = re.compile(
    r"^[【\[(（«\s]*(?:"
    r"相关(?:阅读|新闻|文章|推荐|报道|链接|资讯|稿件|专题)|推荐阅读|延伸阅读|热门(?:推荐|文章|评论)|猜你喜欢|大家都在看|为你推荐|"
    r"更多精彩|往期回顾|精彩推荐|热点推荐|网友评论|我要评论|发表评论|"
    r"mehr zum thema|mehr themen|weitere (?:aktuelle )?(?:artikel|beiträge|meldungen|nachrichten|themen|news|stories)|"
    r"das könnte (?:sie|dich) (?:auch )?interessieren|auch interessant|(?:ähnliche|verwandte) (?:artikel|beiträge|themen(?:bereiche)?)|"
    r"empfohlene beiträge|neueste (?:artikel|beiträge)|aktuellste beiträge|beliebte (?:artikel|beiträge)|"
    r"über (?:den autor|die autorin)|schon gelesen|lesen sie (?:auch|mehr)|themen im artikel|"
    r"(?:leser)?kommentare|schreibe? einen kommentar|"
    r"related (?:articles|posts|stories|content|reading|news)|read (?:more|next)|more (?:from|stories)|"
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:popular|read)|about the author|"
    r"leave a (?:comment|reply)|comments|"
    r"à lire aussi|lire aussi|sur le même sujet|articles similaires|commentaires|"
    r"te puede interesar|noticias relacionadas|lee también|artículos relacionados|comentarios|"
    r"veja também|leia também|leia mais|notícias relacionadas|comentários|"
    r"über diese reihe|noch mehr infos|vorschau auf den nächsten artikel|mehr kolumnen|ihre meinung zu diesem thema|"
    r"read further|stay up-to-date|más sobre|(?:作者|诗人|记者|博主)?简介|关于作者|about us|"
    r"参考资料|参考文献|references|einzelnachweise|quellen(?:angaben)?"
    r")(?:\s+(?:auf|on|from|de|sobre|zu|von|aus|bei|für)\s+[^。!?]{1,30})?\s*[:：!！?？»\]】)）]*$"
    # or a phrase that names where more is, and that place: Más sobre La Tercera AM, More from Wired
    r"|^(?:más sobre|more from|mehr von|mehr aus|plus de|mais sobre)\s+[^。!?]{1,30}$",
    re.IGNORECASE,
)
# A "read also" link inside the text: À lire aussi » …, Lesen Sie auch: …, 延伸阅读：…
READ_ALSO = re.compile(
    r"^(?:à lire aussi|lire aussi|lesen sie auch|read also|see also|siehe auch|mehr dazu|auch interessant|"
    r"te puede interesar|leia também|veja também|相关阅读|延伸阅读|推荐阅读)\s*[:：»>|–-]",
    re.IGNORECASE,
)
SECTION_BREAK_MAX_LEN = 48
# A platform's disclaimer under a user's post ends it too (a line of at most PROMPT_MAX_LEN):
# 以上内容…为…用户上传并发布，本平台仅提供信息存储服务 / The content above … is uploaded and posted by a user of …
DISCLAIMER = re.compile(
    r"仅提供信息存储|信息存储空间服务|免责声明|平台声明|特别声明|请勿转载|禁止转载|不得转载|"
    r"is uploaded and posted by a user|the content above",
    re.IGNORECASE,
)


def is_boilerplate_container(element) -> bool:
    """Is ``element`` a boilerplate container (by tag, or a whole word of its class or id)?"""
    tag = element.tag
    if tag in NEVER_BOILERPLATE:
        return False
    if tag in BOILERPLATE_TAGS:
        return True
    if (tag == "footer" or tag == "header") and not any(a.tag == "article" for a in element.iterancestors()):
        return True
    names = element.get("class")
    if names and _boilerplate_names(names):
        return True
    names = element.get("id")
    return bool(names) and _boilerplate_names(names)


@lru_cache(maxsize=8192)
def _boilerplate_names(names: str) -> bool:
    """Does a class or id value name a boilerplate container? (Pages repeat their class names: cached.)"""
    if _CONTAINER_RE.search(names) is None:
        return False
    return any(
        _CONTAINER_RE.search(name) and not name.startswith(TAXONOMY_PREFIXES) and not _LAYOUT_NAME.search(name)
        for name in names.split()
    )


def is_hidden(element) -> bool:
    """Hidden from the reader by an inline ``display:none`` or the ``hidden`` attribute?

    (``visibility:hidden`` is not: WeChat and others hide the article that way
    until a script shows it.)
    """
    style = element.get("style")
    return (style is not None and "none" in style and _HIDDEN_RE.search(style) is not None) or (
        element.get("hidden") is not None
    )


def is_section_break(text: str) -> bool:
    """Does this line open what follows the article (``相关阅读``, ``Mehr zum Thema``, ``About the author``,
    a platform's disclaimer)?"""
    size = len(text)
    return (size <= SECTION_BREAK_MAX_LEN and SECTION_BREAK.match(text) is not None) or (
        size <= PROMPT_MAX_LEN and DISCLAIMER.search(text) is not None
    )


def is_boilerplate_line(text: str) -> bool:
    """Is this paragraph a boilerplate line (``扫一扫在手机打开当前页``, ``分享到：``, ``标签：…``, a pager …)?"""
    return len(text) <= BOILERPLATE_MAX_LEN and BOILERPLATE_LINE.match(text) is not None


def is_prompt_line(text: str) -> bool:
    """Is this paragraph a prompt (subscribe, log in, read also …) or a line of share buttons?"""
    size = len(text)
    return (size <= PROMPT_MAX_LEN and (PROMPT_LINE.search(text) is not None or READ_ALSO.match(text) is not None)) or (
        size <= SHARE_LINE_MAX_LEN and SHARE_LINE.match(text) is not None
    )


def is_picture_credit(text: str) -> bool:
    """Is this short line a picture's credit (``© AFP / …``, ``Photograph by …``, ``Titelbild: …``)?"""
    return len(text) <= PICTURE_CREDIT_MAX_LEN and PICTURE_CREDIT.search(text) is not None
