"""The words around dates on news pages: month names, the labels of a publish
or update date (``发布时间：``, ``更新时间：``, ``Veröffentlicht am``) and the
greetings that introduce today's date rather than the article's.

Vocabularies and the compiled patterns that find or strip them; the date
readers use them, and so does ``crawler/extract`` to find dates on a page.
"""

import re

#: Month names (and their usual abbreviations, lower-case) of the languages
#: European news sites are written in, to the month's number. "ago" (Spanish
#: agosto) is left out: it is English.
MONTH_NAMES = {
    name: month
    for month, names in enumerate((
        "january jan januar jänner janvier janv enero ene janeiro gennaio januari",
        "february feb februar feber février févr fevrier febrero fevereiro fev febbraio februari",
        "march mar märz mär mrz maerz mars marzo março marco maart",
        "april apr avril avr abril abr aprile",
        "may mai mayo maio maggio mei",
        "june jun juni juin junio junho giugno",
        "july jul juli juillet juil julio julho luglio",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre setiembre setembro set settembre",
        "october oct oktober okt octobre octubre outubro out ottobre",
        "november nov novembre noviembre novembro",
        "december dec dezember dez décembre déc decembre diciembre dic dezembro dicembre",
    ), start=1)
    for name in names.split()
}

#: Chinese labels of a publish date (发布时间：…) and of an update date.
PUBLISH_LABELS = (
    "发布时间", "发布日期", "发布于", "发表时间", "发表日期", "发表于", "发稿时间", "发稿日期",
    "刊发日期", "刊发时间", "刊登日期", "出版日期", "公开日期", "公布日期", "文章日期", "上传日期",
    "上传时间", "成文日期", "印发日期", "录入时间", "添加时间", "提交时间", "创建时间", "首发时间",
    "發佈時間", "發布時間", "發表於", "發表時間", "發佈日期", "發布日期", "時間", "时间", "日期",
)
UPDATE_LABELS = ("更新时间", "更新日期", "更新于", "修改时间", "修改日期", "最后更新", "最后修改", "更新時間", "更新於")
_LABEL_ALT = "|".join(sorted(PUBLISH_LABELS + UPDATE_LABELS, key=len, reverse=True))
# A label right before a date: 发布时间：[ / 日期: / 发表于 .
LABEL_TAIL_RE = re.compile(rf"(?P<label>{_LABEL_ALT})\s*:?\s*[\[【(]?\s*$")
LABEL_HEAD_RE = re.compile(rf"^(?:{_LABEL_ALT})\s*:?\s*")
LABEL_WINDOW = 16
UPDATE_LABEL_SET = frozenset(UPDATE_LABELS)
# Page-header greetings: 今天是2020年5月9日星期六 is today's date, not the article's.
GREETING_TAIL_RE = re.compile(r"(?:今天|今日|现在)\s*(?:是|为)?\s*:?\s*$")
# English and German labels, stripped from text handed to dateparser.
EN_LABEL_RE = re.compile(
    r"^(?:published|posted|updated|last updated|modified|date|created|veröffentlicht|aktualisiert|stand)"
    r"(?:\s+(?:on|at|am|um))?\s*:?\s*",
    re.I,
)
