"""The main text of an article: paragraphs, images with captions, and the credits inside it.

``extract_body`` walks the content element once, in document order, turning
it into blocks (a paragraph, an image, a caption). Then each block is sorted:
photo captions go to their image (and credit its photographer), credit lines
(``编辑：冯娣``, ``来源：…``, ``(记者 谢婷)``) go to the byline, boilerplate
lines (``扫一扫…``, ``分享到``, ``点击观看…``) are dropped, and the rest is
the body. ``find_content`` picks the content element on a page nobody wrote
selectors for.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from parsel import Selector

from crawler.extract.bylines import Byline, caption_credit, credit_line, dateline_byline
from crawler.extract.text import normalize_space

SKIP_TAGS = {
    "script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea", "video",
    "audio", "object", "embed", "svg", "canvas", "template", "head", "nav", "footer", "aside",
}
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tbody", "thead", "tr", "td", "th", "blockquote", "figure", "center", "pre", "hr",
    "header",
}
CAPTION_CLASS = re.compile(
    r"caption|pic_?-?(note|txt|text|desc|info|title)|img_?-?(desc|note|txt|title)|photo_?-?(desc|note|txt)|tuzhu|picdes",
    re.IGNORECASE,
)
BOILERPLATE_LINE = re.compile(
    r"^[【\[(（]?\s*(扫一扫|扫描二维码|长按二维码|长按识别|分享到|分享至|分享：|点击观看|点击查看|点击进入|点击阅读|阅读原文|"
    r"打印本页|打印|关闭窗口|关闭|字号|字体|\[?\s*大\s*中\s*小|上一篇|下一篇|返回顶部|返回首页|相关新闻|相关阅读|相关稿件|推荐阅读|"
    r"热门评论|网友评论|我要评论|发表评论|下载.{0,12}(客户端|APP)|版权所有|版权声明|Copyright|©|原标题|本文来源)"
)
BOILERPLATE_MAX_LEN = 80
CAPTION_MAX_LEN = 150


@dataclass
class Block:
    text: str
    images: list = field(default_factory=list)
    caption: bool = False
    centered: bool = False


@dataclass
class Body:
    paragraphs: list[str]
    images: list[dict]
    byline: Byline

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


class _Walker:
    def __init__(self, skip: set, captions: set):
        self.skip, self.captions = skip, captions
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._images: list = []
        self._centered = False

    def flush(self):
        text = normalize_space("".join(self._text))
        if text or self._images:
            self.blocks.append(Block(text, self._images, centered=self._centered))
        self._text, self._images, self._centered = [], [], False

    def walk(self, element):
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS or element in self.skip:
            return
        if tag == "img":
            self._images.append(element)
            return
        if tag == "br":
            self.flush()
            return
        if tag == "figcaption" or element in self.captions or CAPTION_CLASS.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            self.flush()
            self.blocks.append(Block(normalize_space("".join(_visible_text(element))), caption=True))
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
            self._centered = "center" in (element.get("style", "") + element.get("align", "")) or tag == "center"
        if element.text:
            self._text.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._text.append(child.tail)
        if block:
            self.flush()


def _visible_text(element):
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            yield from _visible_text(child)
        if child.tail:
            yield child.tail


def _image_url(element, base_url: str) -> str | None:
    for attribute in ("data-original", "data-src", "data-lazy-src", "src"):
        value = (element.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return urljoin(base_url, value)
    return None


def is_boilerplate(text: str) -> bool:
    return len(text) <= BOILERPLATE_MAX_LEN and BOILERPLATE_LINE.match(text) is not None


def extract_body(content, base_url: str, *, drop=(), captions=()) -> Body:
    """Paragraphs, images and credits of the content element ``content`` (a parsel Selector).

    ``drop`` and ``captions`` are selectors (CSS, or XPath when they start
    with ``/`` or ``(``) relative to the content element for parts to leave
    out and for photo captions the generic rules would miss.
    """
    skip = {node.root for query in drop for node in select(content, query)}
    caption_nodes = {node.root for query in captions for node in select(content, query)}
    walker = _Walker(skip, caption_nodes)
    walker.walk(content.root)
    walker.flush()

    paragraphs: list[str] = []
    images: list[dict] = []
    byline = Byline([], [], [], [], None)
    after_image = False
    for block in walker.blocks:
        for element in block.images:
            url = _image_url(element, base_url)
            if url:
                images.append({"url": url, "caption": None})
        if not block.text:
            after_image = bool(block.images) or after_image
            continue
        credited = caption_credit(block.text) if len(block.text) <= CAPTION_MAX_LEN else []
        if block.caption or (after_image and not block.images and (credited or block.centered) and len(block.text) <= CAPTION_MAX_LEN):
            if images and images[-1]["caption"] is None:
                images[-1]["caption"] = block.text
            byline = byline.merge(Byline([], credited, [], [], None))
            after_image = False
            continue
        after_image = False
        credit = credit_line(block.text)
        if credit is not None:
            byline = byline.merge(credit)
            continue
        if is_boilerplate(block.text):
            continue
        if len(paragraphs) < 2:
            dateline = dateline_byline(block.text)
            if dateline is not None:
                byline = byline.merge(dateline)
        paragraphs.append(block.text)
    return Body(paragraphs, images, byline)


def select(sel, query: str):
    """CSS by default; XPath when the query starts with ``/``, ``(`` or ``./``."""
    if query.startswith(("/", "(", "./")):
        return sel.xpath(query)
    return sel.css(query)


CONTENT_HINT = re.compile(
    r"article|content|TRS_Editor|zoom|text|detail|main|post|entry|body|zw|nr", re.IGNORECASE
)
NOT_CONTENT_HINT = re.compile(r"comment|related|recommend|hot|footer|sidebar|nav|menu|share|copyright|ad-?", re.IGNORECASE)


def find_content(sel):
    """The element holding the article text on an unknown page (a parsel Selector), or None.

    Each paragraph votes for its parent with its length (link text not
    counted) and half that for its grandparent; class/id hints nudge the score.
    """
    scores: dict = {}

    def vote(element, length):
        parent = element.getparent()
        if parent is None:
            return
        scores[parent] = scores.get(parent, 0) + length
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + length / 2

    for p in sel.root.iter("p"):
        text = normalize_space("".join(_visible_text(p)))
        link_text = sum(len(normalize_space(a.text_content())) for a in p.iter("a"))
        if len(text) - link_text >= 10:
            vote(p, len(text) - link_text)
    # Old CMSs separate paragraphs with <br> inside one <div>: its own text counts for it.
    for div in sel.root.iter("div", "td"):
        own = len(normalize_space((div.text or "") + "".join(child.tail or "" for child in div)))
        if own >= 10:
            scores[div] = scores.get(div, 0) + own
    if not scores:
        return None

    def weight(element):
        hints = f"{element.get('class', '')} {element.get('id', '')}"
        factor = 1.0
        if CONTENT_HINT.search(hints):
            factor *= 1.25
        if NOT_CONTENT_HINT.search(hints):
            factor *= 0.5
        return scores[element] * factor

    return Selector(root=max(scores, key=weight), type="html")
