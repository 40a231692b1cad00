"""How a date is cut out of an info line's text (for ``crawler.extract.visible_dates``).

A dated segment runs from the date's label (``发布时间：``, ``Veröffentlicht
am``; ``LABEL_END_RE`` says whether it names an update or a member's
registration: ``Registriert:``, ``Joined``) to the next label or separator
(``SEGMENT_END_RE``); an update label may open the text with a time before
the date (``LEADING_UPDATE_RE``: ``Updated 2010 GMT … March 14, 2021``). The
time may stand in the next element (``CONTINUATION_RE``:
``<span>10-08</span><span>12:00</span>``), and after a day number alone
(``BARE_DAY_RE``) the month and year in the next texts (``joined_date``, a
calendar badge: ``<span>26</span> Okt 2018``, ``8.<a>Dezember 2010</a> um 09:43``).
"""

from __future__ import annotations

import re

from crawler.dates.labels import MONTH_NAMES
from crawler.extract.date_text import PUBLISH_LABEL, UPDATE_LABEL, find_date
from crawler.extract.page_texts import ABOVE_HEADLINE, Texts

SPLIT_DATE_PARTS = 2  # texts after a day number alone that may hold its month and year
MAX_SPLIT_PART = max(map(len, MONTH_NAMES)) + len(" 2020,")  # "September 2010", "septiembre 2010,"

_OTHER_LABEL = (
    r"来源|稿源|来自|作者|编辑|责任编辑|责编|记者|通讯员|摄影|撰稿|点击|点击数|点击率|阅读|浏览|浏览次数|字号|分享|分享到|"
    r"打印|关闭|收藏|(?i:source|quelle|autor|author|fuente|auteur|fonte|von|by)"
)
# Labels of a member's dates in a post's author box: not the article's.
_PROFILE_LABEL = (
    r"注册时间|註冊時間|注册于|加入时间|(?i:registriert(?:\s+seit)?|mitglied\s+seit|dabei\s+seit|joined|"
    r"member\s+since|registered(?:\s+since)?|inscrit(?:e)?(?:\s+(?:le|depuis))?|membre\s+depuis|"
    r"registrado(?:\s+(?:el|em|desde))?|miembro\s+desde|iscritto(?:\s+il)?)"
)
# A date label right before a date (group ``update`` when it names an update, ``profile`` a member's date).
LABEL_END_RE = re.compile(
    rf"(?:(?P<update>{UPDATE_LABEL})|(?P<profile>{_PROFILE_LABEL})|{PUBLISH_LABEL})\s*[:：]?\s*[\[【(]?\s*$"
)
# An update label opening the text, with a time between it and the date:
# "Updated 2010 GMT (0410 HKT) March 14, 2021".
LEADING_UPDATE_RE = re.compile(rf"\s*(?:{UPDATE_LABEL})(?![^\W\d_])")
# Where a dated segment of an info line ends: the next label, or a separator.
SEGMENT_END_RE = re.compile(
    rf"(?:{UPDATE_LABEL}|{PUBLISH_LABEL}|{_OTHER_LABEL})\s*[:：]|\s*[|丨｜]\s*|\s(?:[•·]|//|[-–—](?!\s*\d))\s"
)
# A day number alone in its element: the rest of the date may follow (see joined_date).
BARE_DAY_RE = re.compile(r"\s*\d{1,2}\.?\s*$")
# What may follow a date in the next element: its time, weekday, AM/PM or zone.
CONTINUATION_RE = re.compile(
    r"\s*(?:(?:(?i:um|at|à|a\s+las|às)\s+)?\d{1,2}:\d{2}|\d{1,2}\s*[点时]|星期[一二三四五六日天]|周[一二三四五六日天]|[（(]?\s*(?:星期|周)|"
    r"(?i:uhr\b|[ap]\.?m\.?(?![a-z])|gmt|utc|cet|cest|[ecmp][sd]t\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))"
)



def joined_date(day: str, texts: Texts) -> str | None:
    """A day number alone, its month and year in the next texts (a calendar badge: ``<span
    class="day">26</span> Okt 2018``): the date they make together, else None (the texts are put back)."""
    joined = day.strip()
    read = []
    for _ in range(SPLIT_DATE_PARTS):
        item = texts.next()
        if item is None:
            break
        read.append(item)
        part = item[1].strip()
        if item is ABOVE_HEADLINE or len(part) > MAX_SPLIT_PART:
            break
        joined = f"{joined} {part}"
        m = find_date(joined)
        if m is not None and m.start() == 0:
            return joined
    texts.put_back(*read)
    return None

