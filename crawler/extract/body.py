"""The main text of an article: paragraphs, images with captions, and the credits inside it.

``extract_body`` cuts the content element into blocks
(``crawler.extract.blocks``) and sorts each one, in order:

- a photo caption goes to its image (and credits its photographer); so does
  a short line right after an image that is centred or credits a
  photographer;
- a credit line (``编辑：冯娣``, ``来源：…``, ``(记者 谢婷)``) goes to the byline;
- a boilerplate line (``扫一扫…``, ``分享到``, ``标签：…``) is dropped;
- the rest is the body; a dateline opening it (``本报讯（记者 …）``) is read.

On pages nobody wrote selectors for (``generic``; a site's selectors say
what its body is, and cost nothing more), also:

- a picture credit (``© AFP / …``) is a caption;
- a section break (``相关阅读``, ``Mehr zum Thema``) ends the body, unless
  long paragraphs follow it: then it opened a box of links inside the text,
  and the text goes on after the box;
- prompts (``Never miss the latest news…``) and share buttons are dropped,
  the info lines before the first paragraph go to ``Body.info``, lines that
  are only a date or a link are dropped, a ``By Sarah Yang`` line credits
  its authors;
- short lines that are no sentence before the first long paragraph and
  after the last one (a kicker, ``Zurück zur Startseite``) are trimmed, and
  a credit in brackets closing one of the last paragraphs (``…的障碍。(记者
  谢婷)``) is read (the paragraph stays).
``find_content`` picks the content element on a page nobody wrote
selectors for.
"""

import re
from dataclasses import dataclass, field

from parsel import Selector

from crawler.extract import queries
from crawler.extract.blocks import Block, cut_blocks, image_url
from crawler.extract.boilerplate import is_boilerplate_line, is_picture_credit, is_prompt_line, is_section_break
from crawler.extract.bylines import Byline, caption_credit, credit_line, dateline_byline
from crawler.extract.content import locate_content
from crawler.extract.latin_bylines import latin_names
from crawler.extract.date_text import is_date_line

CAPTION_MAX_LEN = 150
INFO_LINE_MAX_LEN = 120
# A line that is a link (another story, a download) inside the text: mostly link text, at most MAX_LINK_LINE long.
LINK_LINE_SHARE = 0.8
MAX_LINK_LINE = 100
# A byline line in Latin script: By Sarah Yang, Von Heike Buchter (of at most MAX_LATIN_BYLINE characters).
LATIN_BYLINE = re.compile(r"(?i:by|von|par|por)\s")
MAX_LATIN_BYLINE = 80
# More text than this before the headline in the content: a teaser repeating the headline, not the headline.
MAX_BEFORE_HEADLINE = 200
# An info line: a date or a time, and no sentence.
INFO_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}")
SENTENCE_END = re.compile(r"[。！？!?]")
# A credit in brackets closing one of the last paragraphs: …的障碍。(记者 谢婷) / （张巨峰） / (文/图 刘玺东 易赛楠)
TRAILING_CREDIT = re.compile(r"[(（][^()（）]{2,40}[)）]\s*$")
TRAILING_CREDIT_PARAGRAPHS = 4
# A section break followed by TEXT_AFTER_BOX long paragraphs (of LONG_PARAGRAPH characters, sentences,
# mostly not links) opened a box inside the text; the text goes on after the box. Comments, the author
# box and a platform's disclaimer always end the text.
TEXT_AFTER_BOX = 2
LONG_PARAGRAPH = 80
MAX_LINK_SHARE = 0.3
SENTENCE = re.compile(r"[。！？]|[.!?](?:\s|$)")
ENDING_BREAK = re.compile(r"评论|简介|作者|声明|信息存储|(?i:komment|comment|autor|author|auteur|uploaded|content above)")
# Short lines (of SHORT_LINE characters or fewer) before the first long paragraph that do not end like a
# sentence or a clause (a colon counts: 女士们、先生们：), and after the last one mostly links or ending with a
# colon, are trimmed.
SHORT_LINE = 60
LEADING_SENTENCE = re.compile(r"[，。！？：；,.!?:;…”\"』」)）]$")
MOSTLY_LINKS = 0.5


def is_info_line(text: str) -> bool:
    """Is this line the article's info line (``2020-10-04 20:30 来源: 长江网``), not a sentence?"""
    return len(text) <= INFO_LINE_MAX_LEN and INFO_DATE.search(text) is not None and not SENTENCE_END.search(text)


@dataclass
class Body:
    """The body's paragraphs and images; the credit lines and captions in it (``byline``) and the byline
    of a dateline opening it (``dateline``: ``本报讯（记者 …）``, ``据新华社…电``)."""

    paragraphs: list[str]
    images: list[dict]
    byline: Byline
    dateline: Byline = field(default_factory=Byline)
    info: list[str] = field(default_factory=list)  # info lines before the text (date, source, author)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def extract_body(
    content, base_url: str, *, drop=(), captions=(), headline=None, leave_out=None, generic: bool = False
) -> Body:
    """Paragraphs, images and credits of the content element ``content`` (a parsel Selector).

    ``drop`` and ``captions`` are selectors (CSS, or XPath when they start
    with ``/`` or ``(``) relative to the content element for parts to leave
    out and for photo captions the generic rules would miss. ``leave_out``:
    the elements to leave out found by ``crawler.extract.content`` (when
    None, boilerplate containers are found here, by tag, class and id).
    ``generic``: the page has no selectors (the content element was found
    by ``crawler.extract.content``). Then ``headline`` is the headline's
    element (or None): when the content holds it near its top, the text up
    to it is not body; the info lines before the first paragraph (a date,
    ``来源：…``, ``作者：…``, no sentence) go to ``Body.info``; short lines
    that are no sentence around the text are trimmed (``_trimmed``).
    """
    root = content.root
    cut = cut_blocks(
        root, skip={node for query in drop for node in queries.find(root, query)} | (leave_out or set()),
        captions={node for query in captions for node in queries.find(root, query)}, headline=headline,
        find_boilerplate=leave_out is None,
    )

    blocks = cut.blocks
    if sum(len(block.text) for block in blocks[:cut.after_headline]) <= MAX_BEFORE_HEADLINE:
        blocks = blocks[cut.after_headline:]
    sorter = _Sorter(base_url, generic)
    index = 0
    while index < len(blocks):
        index = sorter.sort(blocks, index)
    return sorter.body()


class _Sorter:
    """Sorts the blocks of a content element into the body, the images, the credits and the rest."""

    def __init__(self, base_url: str, generic: bool):
        self.base_url, self.generic = base_url, generic
        self.kept: list[Block] = []  # the blocks of the body's paragraphs
        self.images: list[dict] = []
        self.info: list[str] = []
        self.byline = self.dateline = Byline()
        self.after_image = False
        self.ended = False  # after a section break that ends the text: only credit lines are read

    def sort(self, blocks: list[Block], index: int) -> int:
        """Sort ``blocks[index]``; the index of the next block to sort."""
        block = blocks[index]
        text = block.text
        if self.ended:
            self.credit(credit_line(text) if text else None)
            return index + 1
        for element in block.images:
            url = image_url(element, self.base_url)
            if url:
                self.images.append({"url": url, "caption": None})
        if not text:
            self.after_image = bool(block.images) or self.after_image
            return index + 1
        if self.is_caption(block):
            if self.images and self.images[-1]["caption"] is None:
                self.images[-1]["caption"] = text
            self.credit(Byline(photographers=caption_credit(text)))
            self.after_image = False
            return index + 1
        self.after_image = False
        if self.credit(credit_line(text)):
            return index + 1
        if self.generic and self.kept and is_section_break(text):
            resume_at = _text_goes_on(blocks, index)
            self.ended = resume_at == 0
            return resume_at or index + 1
        if not is_boilerplate_line(text) and not (self.generic and self.generic_noise(block)):
            if len(self.kept) < 2:
                self.credit_dateline(text)
            self.kept.append(block)
        return index + 1

    def is_caption(self, block: Block) -> bool:
        text = block.text
        if block.caption or (self.generic and is_picture_credit(text)):
            return True
        return (self.after_image and not block.images and len(text) <= CAPTION_MAX_LEN
                and (block.centered or bool(caption_credit(text))))

    def credit_dateline(self, text: str) -> None:
        found = dateline_byline(text)
        if found:
            self.dateline = self.dateline.merge(found)

    def credit(self, found: Byline | None) -> bool:
        """Read a credit line (None: not one); whether it was one."""
        if found is None:
            return False
        if found:
            self.byline = self.byline.merge(found)
        return True

    def generic_noise(self, block: Block) -> bool:
        """On a page nobody wrote selectors for: is this an info line, a date, a link, a prompt or a byline
        line?"""
        text = block.text
        if is_prompt_line(text):
            return True
        if not self.kept and is_info_line(text):
            self.info.append(text)
            return True
        if is_date_line(text) or (block.link_share >= LINK_LINE_SHARE and len(text) <= MAX_LINK_LINE):
            return True
        if len(text) <= MAX_LATIN_BYLINE and LATIN_BYLINE.match(text):
            names = latin_names(text)
            if names:
                self.byline = self.byline.merge(Byline(authors=names))
                return True
        return False

    def body(self) -> Body:
        if not self.generic:
            return Body([block.text for block in self.kept], self.images, self.byline, self.dateline, self.info)
        paragraphs = [block.text for block in _trimmed(self.kept)]
        for paragraph in paragraphs[-TRAILING_CREDIT_PARAGRAPHS:]:
            trailing = TRAILING_CREDIT.search(paragraph)
            if trailing is not None:
                self.credit(credit_line(trailing.group()))
        return Body(paragraphs, self.images, self.byline, self.dateline, self.info)


def _trimmed(blocks: list[Block]) -> list[Block]:
    """The paragraphs without the short lines that are no sentence before the first long paragraph (a
    kicker, a byline, a date), and without the short links and labels after the last one (``Zurück zur
    Startseite``, ``Autoren:``)."""
    long = [i for i, block in enumerate(blocks) if len(block.text) >= LONG_PARAGRAPH]
    if not long:
        return blocks
    first, last = long[0], long[-1]
    head = [b for b in blocks[:first] if len(b.text) > SHORT_LINE or LEADING_SENTENCE.search(b.text)]
    tail = [
        b for b in blocks[last + 1:]
        if len(b.text) > SHORT_LINE or not (b.link_share >= MOSTLY_LINKS or b.text.endswith((":", "：")))
    ]
    return head + blocks[first:last + 1] + tail


def _text_goes_on(blocks: list[Block], start: int) -> int:
    """Where the article text resumes after the section break at ``start`` (a box of related links inside
    the text: at least TEXT_AFTER_BOX long paragraphs follow), or 0 when the break ends it."""
    if ENDING_BREAK.search(blocks[start].text):
        return 0
    resumes = [i for i in range(start + 1, len(blocks)) if _is_long_paragraph(blocks[i])]
    return resumes[0] if len(resumes) >= TEXT_AFTER_BOX else 0


def _is_long_paragraph(block: Block) -> bool:
    text = block.text
    return len(text) >= LONG_PARAGRAPH and block.link_share < MAX_LINK_SHARE and SENTENCE.search(text) is not None


def select(sel, query: str):
    """CSS by default; XPath when the query starts with ``/``, ``(`` or ``./``."""
    if query.startswith(("/", "(", "./")):
        return sel.xpath(query)
    return sel.css(query)


def find_content(sel):
    """The element holding the article text on an unknown page (a parsel Selector), or None.

    See ``crawler.extract.content``.
    """
    found = locate_content(sel.root)
    return Selector(root=found.element, type="html") if found is not None else None
