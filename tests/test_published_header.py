"""Tests for the article header rules of crawler/extract/published.py: what the
header shows (an update, a date earlier than the metadata's), datelines that
open the body, dates split over elements or set above the headline, and dates
that are not the article's (a member's registration, a quoted post).

Every page here is written for these tests, modelled on the European and
American news sites, blogs and forums of the corpora.
"""

from datetime import datetime

import pytest
from parsel import Selector

from crawler.extract.published import DateEvidence, PageDates, find_published, find_updated

NOW = datetime.fromisoformat("2020-05-10T12:00:00+02:00")
URL = "https://www.kreisbote.example/lokales/neue-schulen-im-kreis-1234.html"
TITLE = "Neue Schulen im Kreis"
PARAGRAPH = (
    "Der Kreistag hat am Dienstag beschlossen, drei neue Grundschulen zu bauen und zwei bestehende "
    "Schulen zu erweitern. Die Kosten von rund vierzig Millionen Euro teilen sich Kreis und Land, "
    "die ersten Klassen sollen im Herbst des übernächsten Jahres einziehen."
)
ENGLISH_PARAGRAPH = (
    "The county board voted on Tuesday to build three new elementary schools and to extend two "
    "existing ones. The cost of about forty million dollars will be shared by the county and the "
    "state, and the first classes are expected to move in two years from now."
)


def page(body: str, head: str = "", title: str = f"{TITLE} | Kreisbote") -> Selector:
    return Selector(text=f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>")


def story(header: str = "", *, first: str = PARAGRAPH, after: str = "", above: str = "",
          heading: str = f"<h1>{TITLE}</h1>") -> str:
    """A news article: what stands above the headline, the headline, its header, the body."""
    return f"""<div class="site"><nav><a href="/">Start</a></nav></div>
    <article>{above}{heading}<div class="article-header">{header}</div>
      <div class="article-body"><p>{first}</p><p>{PARAGRAPH}</p></div>{after}</article>"""


def german(sel, **kwargs) -> DateEvidence | None:
    return find_published(sel, URL, now=NOW, timezone="Europe/Berlin", languages=["de"], **kwargs)


def english(sel, zone: str = "America/New_York") -> DateEvidence | None:
    return find_published(sel, URL, now=NOW, timezone=zone, languages=["en"])


def meta_published(value: str) -> str:
    return f'<meta property="article:published_time" content="{value}">'


# --------------------------------------------------------------------------
# The header shows an update and no publish date


def test_header_that_shows_only_an_update_gives_it_as_the_date():
    head = """<script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2019-10-15T16:59:59.000Z", "dateModified": "2020-03-12T14:42:17.000Z"}</script>"""
    header = ('<div class="author-text"><a class="author-name" href="/jane-roe">Jane Roe</a>'
              '<div class="timestamp published-date">Updated Mar 12, 2020 @ 10:42 am</div></div>')
    body = story(header, first=ENGLISH_PARAGRAPH, heading="<h1>Schools for the county</h1>")
    sel = page(body, head, title="Schools for the county | Riverside Daily")
    assert english(sel) == DateEvidence("Updated Mar 12, 2020 @ 10:42 am", "2020-03-12T10:42:00-04:00", "generic")
    updated = find_updated(sel, URL, now=NOW, timezone="America/New_York", languages=["en"])
    assert updated.day == "2020-03-12"


def test_update_label_with_the_time_before_the_date():
    header = '<p class="update-time">Updated 2010 GMT (0410 HKT) March 14, 2020</p>'
    body = story(header, first=ENGLISH_PARAGRAPH, heading="<h1>Schools for the county</h1>")
    sel = page(body, meta_published("2020-03-08T11:15:28Z"), title="Schools for the county - CNN")
    assert english(sel).value == "2020-03-14"


def test_german_update_in_the_header_and_the_publish_date_below_the_body():
    header = '<span class="author">Christoph Maier</span><time>Aktualisiert: 11.04.2020, 10:27</time>'
    after = '<time class="full-date-time">Publiziert: 03.04.2020, 12:35</time>'
    sel = page(story(header, after=after), meta_published("2020-04-03T10:35:41.085Z"))
    assert german(sel).value == "2020-04-11T10:27:00+02:00"


def test_publish_date_in_the_header_beats_an_update_shown_before_it():
    header = "<span>Aktualisiert: 11.04.2020</span> | <span>Erstellt: 03.04.2020</span>"
    sel = page(story(header), meta_published("2020-04-03T10:35:41Z"))
    assert german(sel).day == "2020-04-03"


def test_a_class_that_marks_an_update_is_not_the_header_saying_so():
    # Blog themes put class="updated" on the list dates of other posts: only a label says "update".
    header = '<span class="updated">10. Mai 2020</span>'
    sel = page(story(header), meta_published("2020-03-01T10:00:00+01:00"))
    assert german(sel).value == "2020-03-01T10:00:00+01:00"


def test_wordpress_published_updated_class_is_the_publish_date():
    header = '<time class="entry-date published updated" datetime="2020-05-09T08:00:00+00:00">9. Mai 2020</time>'
    sel = page(story(header))
    assert german(sel).day == "2020-05-09"
    assert find_updated(sel, URL, now=NOW, timezone="Europe/Berlin", languages=["de"]) is None


# --------------------------------------------------------------------------
# The header's date and the metadata disagree


def test_header_date_earlier_than_the_metadata_wins():
    # The metadata stamps a later save of the record (a migration); the page shows its own date.
    header = '<span class="author">von Alexander Rosenkranz</span><time datetime="2020-03-09">09.03.2020</time>'
    sel = page(story(header), meta_published("2020-05-08T10:33:13.258Z"))
    assert german(sel) == DateEvidence("09.03.2020", "2020-03-09", "generic")


def test_date_line_above_the_headline_earlier_than_a_generic_date_meta():
    above = '<div class="news-single-timedata">05.02.2020 <span>- Redaktion: Eberhard Fuhr</span></div>'
    sel = page(story(above=above), '<meta name="date" content="2020-02-12">')
    assert german(sel).value == "2020-02-05"


def test_day_printed_in_utc_gives_way_to_a_local_midnight_in_the_metadata():
    # 2020-05-06T22:00:00Z is midnight of 7 May in Berlin: a day stored as a timestamp. The page
    # printed the timestamp's UTC day.
    header = '<time class="article-date" datetime="2020-05-06T22:00:00.000Z">6.5.20</time>'
    sel = page(story(header), meta_published("2020-05-06T22:00:00.000Z"))
    assert german(sel) == DateEvidence("2020-05-06T22:00:00.000Z", "2020-05-07", "metadata")


# --------------------------------------------------------------------------
# Datelines that open the body


@pytest.mark.parametrize(
    "first, expected",
    [
        (f"27.1.2020 - {PARAGRAPH}", "2020-01-27"),
        (f"(21. April 2020) {PARAGRAPH}", "2020-04-21"),
        (f'<span class="text_datum">31. März 2020.</span> {PARAGRAPH}', "2020-03-31"),
        (f"Karlsruhe, (12.04.2020). {PARAGRAPH}", "2020-04-12"),
    ],
    ids=["date dash", "date in brackets", "date in its own span", "place and date"],
)
def test_dateline_that_opens_the_body(first, expected):
    sel = page(story('<p class="author">Von Claudia Lindner</p>', first=first))
    assert german(sel).value == expected


def test_date_that_opens_a_later_paragraph_is_not_a_dateline():
    body = story(after=f"<div class='more'><p>1. Januar 2020 – {PARAGRAPH}</p></div>")
    assert german(page(body)) is None


@pytest.mark.parametrize(
    "first",
    [
        f"Der Kreistag hat am 27.1.2020 – nach langer Debatte – den Bau beschlossen. {PARAGRAPH}",
        f"12.3.2020 bis 15.3.2020 bleiben die Schulen im Kreis geschlossen. {PARAGRAPH}",
        f"Der Termin steht fest: <strong>12.3.2020 - 15.3.2020</strong> im Rathaus. {PARAGRAPH}",
    ],
    ids=["inside the sentence", "a range opening the sentence", "not where the paragraph starts"],
)
def test_dates_in_the_first_sentence_are_not_a_dateline(first):
    assert german(page(story(first=first))) is None


def test_chinese_lead_sentence_that_starts_with_a_date_is_not_a_dateline():
    body = story(first="2020年5月8日，青溪县教育局公布了今年新建学校的名单，全县新增学位3000个。" * 3)
    assert find_published(page(body), URL, now=NOW) is None


# --------------------------------------------------------------------------
# Where the date stands, and how it is written


@pytest.mark.parametrize(
    "badge",
    [
        '<span class="postday">26</span> Apr 2020',
        '<span class="day">26.</span><span class="month">April</span><span class="year">2020</span>',
    ],
    ids=["day and the rest", "day, month, year"],
)
def test_calendar_badge_split_over_elements(badge):
    body = f"""<div class="postmeta"><div class="postdate">{badge}</div></div>
      <header><h1>{TITLE}</h1><div class="byline">von <a href="/autor">Silvia</a> | <span>0</span></div></header>
      <div class="entry"><p>{PARAGRAPH}</p></div>"""
    # The metadata has a time: the page is not searched beyond the headline's surroundings.
    assert german(page(body, meta_published("2020-04-27T08:00:00+02:00"))).value == "2020-04-26"


def test_day_number_alone_is_not_a_date():
    body = story('<span class="comments">12</span> <span>Kommentare</span>')
    assert german(page(body)) is None


def test_date_line_three_elements_above_the_headline():
    above = """<div class="box-header"><span>14. Februar 2020</span><a href="/print">Drucken</a></div>
      <div class="images"><img src="/a.jpg" alt=""><span>© 2020 APA</span></div>
      <span class="category">Politik</span>"""
    body = f'<div class="top"><span id="clock">Donnerstag, 16. April 2020</span></div>{story(above=above)}'
    assert german(page(body)).value == "2020-02-14"


def test_headline_matches_the_title_whatever_its_dashes():
    heading = "<h2>Kolumne: Queer Royal - Über Dragqueens und Dragkings</h2>"
    sel = page(story(heading=heading), title="Kolumne: Queer Royal – Über Dragqueens und Dragkings")
    assert PageDates(sel, URL, now=NOW).headline.tag == "h2"


def test_byline_paragraph_padded_with_whitespace_is_not_a_sentence():
    padding = "\n" + " " * 60
    header = (f'<p class="entry-meta">{padding}<span class="author">{padding}<span>Por</span>{padding}'
              f'<strong>Juliet Jiménez</strong>{padding}</span>{padding}'
              f'<time class="entry-date">5 mayo, 2020, 6:12 pm</time>{padding}</p>')
    sel = page(story(header), title=f"{TITLE} - Minuto")
    evidence = find_published(sel, URL, now=NOW, timezone="America/Bogota", languages=["es"])
    assert evidence.value == "2020-05-05T18:12:00-05:00"


# --------------------------------------------------------------------------
# Dates that are not the article's


@pytest.mark.parametrize("label", ["Registriert:", "Joined:", "Mitglied seit", "注册时间："])
def test_member_registration_date_is_not_the_post_date(label):
    body = f"""<h2 class="topic-title">{TITLE}</h2>
      <div class="post"><dl class="postprofile"><dt>r23</dt><dd><strong>Beiträge:</strong> 1626</dd>
        <dd><strong>{label}</strong> 18.09.2008, 05:56</dd></dl>
      <div class="postbody"><p class="author">von <strong>r23</strong> » 21.01.2009, 05:42</p>
        <div class="content">{PARAGRAPH}</div></div></div>"""
    assert german(page(body)).value == "2009-01-21T05:42:00+01:00"


def test_date_of_an_embedded_post_is_not_the_article_date():
    tweet = """<blockquote class="twitter-tweet"><p>Maybe worth considering this</p>&mdash; Someone
      (@someone) <a href="https://twitter.com/someone/status/1">March 16, 2020</a></blockquote>"""
    sel = page(story(after=tweet), meta_published("2020-05-04T10:00:00+02:00"))
    assert german(sel).value == "2020-05-04T10:00:00+02:00"
    assert german(page(story(after=tweet))) is None
