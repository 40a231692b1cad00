"""Tests for the rules of crawler/extract/published.py that find the date on pages
that give little to go on: which heading is the headline when the title does not
settle it, a date that only an attribute holds, a forum thread's opening post, a
date split over a link, a teaser date that must not beat the metadata, and what
a page with no publish date at all gives.

Every page here is written for these tests, modelled on the blogs, forums,
magazines and encyclopedia pages of the corpora.
"""

import pytest

from crawler.extract.published import DateEvidence, PageDates, find_published
from test_published_header import NOW, PARAGRAPH, TITLE, URL, page

DATED_URL = "https://www.kreisbote.example/2020/05/08/neue-schulen-im-kreis/"


def german(sel, url: str = URL) -> DateEvidence | None:
    return find_published(sel, url, now=NOW, timezone="Europe/Berlin", languages=["de"])


def headline_text(sel) -> str | None:
    heading = PageDates(sel, URL, now=NOW).headline
    return None if heading is None else " ".join("".join(heading.itertext()).split())


# --------------------------------------------------------------------------
# Which heading is the headline


def teaser(title: str, day: str) -> str:
    return f"""<div class="slide"><article class="teaser"><h2 class="teaser__title"><a href="/a/{len(title)}">{title}</a></h2>
      <footer class="teaser__footer"><span class="teaser__date">{day}</span></footer></article></div>"""


def test_h1_beats_an_earlier_teaser_of_the_same_article():
    # A slider above the article shows it among others, with its own heading level and dates.
    slider = teaser("Radweg wird verbreitert", "01. März 2020") + teaser(TITLE, "02. März 2020") + teaser(
        "Neues Hallenbad öffnet", "03. März 2020"
    )
    body = f"""<div class="slider">{slider}</div>
      <article><h1>{TITLE}</h1><div class="meta"><span>18. März 2020</span></div><p>{PARAGRAPH}</p></article>"""
    sel = page(body)
    assert PageDates(sel, URL, now=NOW).headline.tag == "h1"
    assert german(sel).value == "2020-03-18"


def test_heading_of_the_first_paragraph_is_the_headline_when_the_title_names_only_the_section():
    # <title> is the site and section; no heading matches it and there is no <h1>.
    menu = "".join(
        f'<li class="menu-item"><h4><a href="/{n}">{n}</a></h4><span>{d}.03.2020</span></li>'
        for n, d in (("Schulwege", 12), ("Elternbeirat", 13), ("Mensa", 14))
    )
    body = f"""<ul class="menu">{menu}</ul>
      <div class="news"><div class="news-headline">{TITLE}</div><h6>{TITLE}</h6><h5><em>Von Anna Berg</em></h5>
        <p>(9. Mai 2020) {PARAGRAPH}</p></div>"""
    sel = page(body, title="kreisbote.example | Schulen")
    assert headline_text(sel) == TITLE
    assert german(sel).value == "2020-05-09"


@pytest.mark.parametrize(
    "heading",
    [
        '<div class="links"><h2>Partnerseiten</h2><a href="https://a.example">A</a> <a href="https://b.example">B</a></div>',
        f'<ul><li><h3>Unsere Schulen</h3><p>{PARAGRAPH}</p></li></ul>',
        f'<h3><a href="/mehr">Mehr aus dem Kreis</a></h3><p>{PARAGRAPH}</p>',
    ],
    ids=["no paragraph under it", "in a list", "a link"],
)
def test_a_heading_that_heads_no_paragraph_of_its_own_is_not_the_headline(heading):
    assert headline_text(page(heading, title="kreisbote.example | Schulen")) is None


# --------------------------------------------------------------------------
# A date only in an attribute


def test_date_only_in_a_data_date_attribute_of_the_header():
    # A timeline widget prints the date with `content: attr(data-date)`; the text holds only its scale.
    header = """<a href="#timeline"><div class="timeline"><div class="timeline__arrow" data-date="18. März 2020"></div>
      <div class="timeline__lines"><i><span>1960</span></i> <i><span>1990</span></i> <i><span>2020</span></i></div></div></a>"""
    body = f"""<article><h1>{TITLE}</h1>{header}<p class="lead">Der Kreis baut drei Schulen.</p><p>{PARAGRAPH}</p>
      </article>"""
    assert german(page(body)) == DateEvidence("18. März 2020", "2020-03-18", "generic")


def test_empty_time_element_in_the_header_gives_the_minute_to_a_metadata_day():
    body = f"""<article><h1>{TITLE}</h1><div class="byline">Anna Berg <time datetime="2020-05-09T10:15:00+02:00"></time>
      </div><p>{PARAGRAPH}</p></article>"""
    head = '<meta property="article:published_time" content="2020-05-09">'
    assert german(page(body, head)).value == "2020-05-09T10:15:00+02:00"


def test_attribute_dates_outside_the_header_are_not_read():
    # An events widget in the body, after its first paragraph: its dates are not the article's.
    events = '<div class="events"><span data-date="2020-04-01"></span><span data-date="2020-04-02"></span></div>'
    body = f"<article><h1>{TITLE}</h1><div class='body'><p>{PARAGRAPH}</p>{events}<p>{PARAGRAPH}</p></div></article>"
    assert german(page(body)) is None


# --------------------------------------------------------------------------
# A forum thread


def post(day: str, time: str, text: str, first: bool = False) -> str:
    return f"""<div class="ForumComment"{' id="comment-first"' if first else ''}><div class="CommentInfo">
      <span class="CommentAuthor">macfan</span><span class="CommentTime"><span>{day}</span><span>{time}</span></span>
      </div><div class="CommentText">{text}</div></div>"""


def test_forum_opening_post_in_a_comment_container_gives_the_thread_date():
    title = "Kein Netz mehr nach dem Update?"
    body = f"""<div class="thread"><h2 class="Title">{title}</h2>
      {post("28.09.19", "12:44", "Seit dem Update habe ich unterwegs kein Netz mehr. Hat jemand eine Idee?", first=True)}
      <h2 class="Title" id="comments">Kommentare</h2>
      {post("29.09.19", "08:01", "Netz zurücksetzen hilft.")}{post("30.09.19", "21:13", "Bei mir auch.")}
      {post("01.10.19", "07:55", "Danke!")}</div>"""
    sel = page(body, title=f"{title} | Forum")
    assert german(sel).value == "2019-09-28T12:44:00+02:00"


def test_comments_below_the_article_are_still_not_its_date():
    comments = post("29.09.19", "08:01", "Endlich!") + post("30.09.19", "21:13", "Zu spät.")
    body = f"<article><h1>{TITLE}</h1><p>{PARAGRAPH}</p></article><div class='comments'>{comments}</div>"
    assert german(page(body)) is None


# --------------------------------------------------------------------------
# A date split over a link


@pytest.mark.parametrize(
    "line, expected",
    [
        ('9.<a href="/date/2019/09/">September 2019</a> um 18:05 · <a href="/suppen">Suppen</a>',
         "2019-09-09T18:05:00+02:00"),
        ('Von Anna am <a href="/2019/12/07/" title="Beiträge vom 07.12.2019">07.12.2019</a> um 09:07 Uhr',
         "2019-12-07T09:07:00+01:00"),
    ],
    ids=["day, then a long month name in a link", "time after um"],
)
def test_date_split_over_a_link_with_its_time_after_it(line, expected):
    body = f"""<div id="content"><h2 class="post-title"><a href="/rezepte/linsensuppe.htm">Linsensuppe mit Speck</a></h2>
      <p class="postmeta">{line}</p><div class="entry"><p>{PARAGRAPH}</p></div></div>"""
    assert german(page(body, title="Linsensuppe mit Speck | Kochblog")).value == expected


# --------------------------------------------------------------------------
# The metadata and a date further down


def test_teaser_date_below_the_header_does_not_beat_the_metadata_even_a_few_days_off():
    # A hidden "read also" box inside the body, three days before the article.
    read_also = """<div class="read-also"><a href="/lkw-fahrer-streiken">Lkw-Fahrer streiken</a>
      <span style="display: none">Freitag 01.05.2020 | 13:43</span></div>"""
    body = f"<article><h1>{TITLE}</h1><div class='body'><p>{PARAGRAPH}</p>{read_also}<p>{PARAGRAPH}</p></div></article>"
    head = '<meta property="article:published_time" content="2020-05-04T07:10:00+02:00">'
    assert german(page(body, head)).value == "2020-05-04T07:10:00+02:00"


# --------------------------------------------------------------------------
# No publish date anywhere


ENTRY_HEAD = '<meta itemprop="dateModified" content="2019-02-14 10:47:36">'
ENTRY_TITLE = "青溪水库_青溪百科"


def test_date_found_anywhere_after_the_last_update_is_not_the_publish_date():
    # An encyclopedia entry: no headline matches its title, the metadata gives only its last update, and
    # the only date in its text is an event's (its year borrowed from the update).
    body = '<div class="para">青溪水库1958年动工，次年6月6日建成<a href="/item/dam">青溪大坝</a>。</div>'
    evidence = find_published(page(body, ENTRY_HEAD, ENTRY_TITLE), None, now=NOW, timezone="Asia/Shanghai")
    assert evidence == DateEvidence("2019-02-14 10:47:36", "2019-02-14T10:47:36+08:00", "metadata")


def test_date_found_anywhere_before_the_last_update_is_kept():
    body = '<div class="box"><span class="date">2018-12-01</span></div>'
    evidence = find_published(page(body, ENTRY_HEAD, ENTRY_TITLE), None, now=NOW, timezone="Asia/Shanghai")
    assert evidence == DateEvidence("2018-12-01", "2018-12-01", "generic")


def test_update_in_the_metadata_is_the_last_resort():
    head = '<meta property="article:modified_time" content="2020-05-09T10:00:00+02:00">'
    body = f"<article><h1>{TITLE}</h1><p>{PARAGRAPH}</p></article>"
    assert german(page(body, head)) == DateEvidence("2020-05-09T10:00:00+02:00", "2020-05-09T10:00:00+02:00", "metadata")
    assert german(page(body, head), url=DATED_URL) == DateEvidence("2020-05-08", "2020-05-08", "url")
