"""What a listing's texts say: the title each followed link shows, and the date an entry shows.

A link's title is its text, its ``title`` attribute when the text is cut
short, or an image's alt; a text that is no title (a URL, a date alone,
更多, 下一页 …: ``NOT_A_TITLE``) gives none. ``shown_date`` finds the first
date a text shows (2026-11-25 10:20, 11月25日, 3小时前, 刚刚, 24.11.2026,
11/24/2026, 24. November 2026, Nov. 24, 2026, vor 3 Stunden, il y a 2 jours …).
"""

import re

from crawler.extract.date_text import find_named_date
from crawler.extract.page_links import element_text, first_picture
from crawler.extract.title import HEADINGS

NOT_TITLE = re.compile(
    r"^(?:https?://|www\.|[\d\s.:/\-\[\]()（）年月日]+$"
    r"|(?:更多|more|查看更多|详细|详情|全文|阅读全文|点击查看|进入|返回)\W*$"
    r"|(?:上一?[页頁]|下一?[页頁]|首[页頁]|尾[页頁]|末[页頁]|前[页頁]|[后後][页頁]|prev|next|first|last|[<>«»‹›→]+)\W*$)",
    re.IGNORECASE,
)
SHOWN_DATE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?<![\d.])\d{1,2}(?:\.\d{1,2}\.|/\d{1,2}/|-\d{1,2}-)(?:19|20)\d{2}(?!\d)(?:,?\s*\d{1,2}:\d{2})?"  # 24.11.2026
    r"|(?<!\d)\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2})?(?!\d)"
    r"|\d+\s*(?:秒|分钟|小时|天)前|刚刚|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}"
)
NOT_A_TITLE = re.compile(rf"{NOT_TITLE.pattern}|(?:{SHOWN_DATE.pattern})\Z", re.IGNORECASE)  # or a date alone
# What a text NOT_A_TITLE matches can begin with, besides a digit (``str.isdecimal``) and the whitespace a collapsed
# text has none of: the first characters of each of its branches, in both cases.
NOT_A_TITLE_STARTS = frozenset("hHwW.:/-[]()（）年月日更mM查详全阅点进返上下首尾末前后後pPnNfFlL<>«»‹›→刚今昨")
DATE_MARK = re.compile(r"[-/.年月前刚:]")  # a SHOWN_DATE holds one of these
DIGIT = re.compile(r"\d")
# Where a SHOWN_DATE can begin: a run of digits (group 1) followed by what comes next in a date, or 刚刚, 今天 …
DATE_START = re.compile(r"(\d+)\s*[-/.年月秒分小天]|刚刚|[今昨前]天")
CARD_TEXT = 48  # a link's text longer than this may be a whole card's (a heading is shorter than card and summary)
# What a date with a month name (24. November 2026, Nov. 24, 2026) holds: a year, and three Latin letters in a row.
NAMED_DATE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NAMED_DATE_MONTH = re.compile(r"[A-Za-z\u00c0-\u024f]{3}")
# Relative dates of European languages, as listings print them: 3 hours ago, vor 3 Tagen, il y a 2 jours, hace 5
# horas, há 3 dias, 3 giorni fa, 2 dagen geleden, Gestern, 10:20, hier à 10h20.
RELATIVE_DATE = re.compile(
    r"\b(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago|\d+\s+(?:minuti|ore|giorni|settimane)\s+fa"
    r"|\d+\s+(?:minuten|uur|dagen|weken)\s+geleden"
    r"|(?:vor|il\s+y\s+a|hace|há)\s+\d+\s+(?:minuten?|stunden?|tag(?:en)?|wochen?|minutes?|heures?|jours?|semaines?"
    r"|minutos?|horas?|días|dias|semanas?)"
    r"|(?:yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag),?\s+"
    r"(?:(?:à|um|at|a\s+las|às|alle|om)\s+)?\d{1,2}[:h]\d{2})\b",
    re.IGNORECASE,
)


def shown_date(text: str) -> str | None:
    """The first date ``text`` shows: ``SHOWN_DATE.search(text)``, else a date with a month name, else a relative
    date of a European language (``RELATIVE_DATE``).

    ``SHOWN_DATE`` is tried only where a date can begin: the start of a run
    of digits followed by a separator or a unit (or of 刚刚, 今天 …) and, for
    a year (four digits then a separator), the last four digits of a longer
    run. Scanning a long text for a few candidates is many times faster than
    trying the whole pattern at every character.
    """
    if DATE_MARK.search(text):
        for start in DATE_START.finditer(text):
            found = SHOWN_DATE.match(text, start.start())
            if not found and start.end(1) - start.start() > 4:
                found = SHOWN_DATE.match(text, start.end(1) - 4)
            if found:
                return found[0]
    if not NAMED_DATE_MONTH.search(text):  # (both forms below hold a word of three letters or more)
        return None
    named = find_named_date(text) if holds_year(text) else None
    if named is None and DIGIT.search(text):
        named = RELATIVE_DATE.search(text)
    return named[0] if named else None


def holds_year(text: str) -> bool:
    """Whether ``text`` holds a year (a date with a month name does)."""
    return ("19" in text or "20" in text) and bool(NAMED_DATE_YEAR.search(text))


def may_name_a_date(text: str) -> bool:
    """Whether ``text`` holds what a date with a month name holds: a year and three Latin letters in a row."""
    return holds_year(text) and bool(NAMED_DATE_MONTH.search(text))


def link_titles(links, followed: list[int]) -> list[str]:
    """The title each followed link shows: its text, its ``title`` attribute when the text is cut short, an image's
    alt, the heading of a link around a whole card (picture, heading, date, summary); "" for none (or for a text
    that is no title: a date, 更多, 下一页 …)."""
    anchors, texts, hovers = links.anchors, links.texts, links.titles
    titles = []
    for index in followed:
        text, hover = texts[index], hovers[index]
        if hover and len(hover) > len(text):
            text = " ".join(hover.split())
        if not text:
            picture = first_picture(anchors[index])
            text = " ".join((picture.get("alt") or "").split()) if picture is not None else ""
        elif len(text) > CARD_TEXT and len(anchors[index]):  # a link around a whole card: its heading is its title
            heading = next(anchors[index].iter(*HEADINGS), None)
            if heading is not None:
                text = " ".join(element_text(heading).split()) or text
        # Whitespace collapsed, a text can be no title only if it begins like NOT_A_TITLE (tested).
        titles.append(
            "" if (text[:1] in NOT_A_TITLE_STARTS or text[:1].isdecimal()) and NOT_A_TITLE.match(text) else text
        )
    return titles
