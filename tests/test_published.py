"""Tests for crawler/extract/published.py (page-level date evidence), its use by the
article extractor, and the date evaluation over ../shared/corpora.

Every page here is written for these tests, modelled on county portals and
on the kinds of pages found in the corpora.
"""

from datetime import datetime

import pytest
from parsel import Selector

from conftest import SHARED
from crawler.extract.article import ArticleExtractor, extract_article
from crawler.extract.published import DateEvidence, PageDates, find_published, find_updated

NOW = datetime.fromisoformat("2020-05-10T12:00:00+08:00")
URL = "https://www.qxnews.cn/xwzx/qxyw/202005/t20200509_10234.html"
NO_DATE_URL = "https://www.qxnews.cn/content/10234.html"
TITLE = "青溪县今年新增学位3000个"


def page(body: str = "", head: str = "", title: str = f"{TITLE}_青溪新闻网") -> Selector:
    return Selector(text=f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>")


def article(info: str = "", *, before: str = "", after: str = "", heading: str = f"<h1>{TITLE}</h1>") -> str:
    """A county portal article: site header, headline, info line, body, related list."""
    return f"""
    <div class="top">{before}</div>
    <div class="main">{heading}
      <div class="info">{info}</div>
      <div class="TRS_Editor">
        <p>青溪讯 记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个。</p>
        <p>县教育局负责人介绍，新学校全部按照省标准化学校要求建设。</p>
      </div>
      {after}
    </div>"""


def published(sel, url=NO_DATE_URL, now=NOW, **kwargs) -> DateEvidence | None:
    return find_published(sel, url, now=now, **kwargs)


# --------------------------------------------------------------------------
# Each kind of evidence


def test_json_ld_date_published_is_metadata_in_the_site_zone():
    head = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "青溪县今年新增学位3000个", "datePublished": "2020-05-09T13:22:03Z",
      "dateModified": "2020-05-09T15:00:00Z"}</script>"""
    sel = page(article(), head)
    assert published(sel) == DateEvidence("2020-05-09T13:22:03Z", "2020-05-09T21:22:03+08:00", "metadata")
    assert find_updated(sel, NO_DATE_URL, now=NOW) == DateEvidence(
        "2020-05-09T15:00:00Z", "2020-05-09T23:00:00+08:00", "metadata"
    )


def test_baidu_cambrian_json_ld_pub_date():
    head = """<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld",
      "@id": "https://www.qxnews.cn/content/10234.html", "title": "青溪县今年新增学位3000个",
      "pubDate": "2020-05-09T21:22:03", "upDate": "2020-05-09T22:00:00"}</script>"""
    evidence = published(page(article(), head))
    assert evidence == DateEvidence("2020-05-09T21:22:03", "2020-05-09T21:22:03+08:00", "metadata")


def test_json_ld_that_does_not_parse_as_json_still_gives_its_date():
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "含"未转义"引号",
      "datePublished": "2020-05-09 21:22:03",}</script>"""
    assert published(page(article(), head)).value == "2020-05-09T21:22:03+08:00"


@pytest.mark.parametrize(
    "name", ["PubDate", "publishdate", "pubdate", "article:published_time", "weibo: article:create_at"]
)
def test_date_meta_tags(name):
    attribute = "property" if ":" in name else "name"
    evidence = published(page(article(), f'<meta {attribute}="{name}" content="2020-05-09 21:22">'))
    assert evidence == DateEvidence("2020-05-09 21:22", "2020-05-09T21:22:00+08:00", "metadata")


def test_json_ld_ranks_before_meta_tags():
    head = """<meta name="publishdate" content="2020-05-08">
    <script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2020-05-09T21:22:03+08:00"}</script>"""
    assert published(page(article(), head)).value == "2020-05-09T21:22:03+08:00"


def test_time_element_in_the_article_header():
    body = article('<time datetime="2020-05-09T13:22:00Z">5月9日</time> 来源：青溪县融媒体中心')
    assert published(page(body)) == DateEvidence("2020-05-09T13:22:00Z", "2020-05-09T21:22:00+08:00", "metadata")


def test_visible_info_line_under_the_headline():
    evidence = published(page(article("<span>2020-05-09 21:22</span> <span>来源：青溪县融媒体中心</span>")))
    assert evidence == DateEvidence("2020-05-09 21:22", "2020-05-09T21:22:00+08:00", "generic")


def test_labelled_date_in_one_text():
    evidence = published(page(article("来源：本站原创 作者：王芳 时间：2020年5月9日 21:22 点击：125")))
    assert evidence == DateEvidence("时间：2020年5月9日 21:22", "2020-05-09T21:22:00+08:00", "generic")


def test_label_and_date_in_separate_elements():
    evidence = published(page(article("<span>发布时间：</span><span>2020-05-09</span>")))
    assert evidence.value == "2020-05-09" and evidence.rule == "generic"


def test_time_in_the_next_element_and_year_from_the_metadata():
    # Baidu baijiahao: the day and the time are two spans and the page shows no year.
    body = article('<span class="date">发布时间：05-09</span><span class="time">21:22</span>')
    head = '<meta itemprop="dateUpdate" content="2020-05-09 21:22:57">'
    evidence = published(page(body, head), now=datetime.fromisoformat("2027-01-01T00:00:00+08:00"))
    assert evidence == DateEvidence("发布时间：05-09 21:22", "2020-05-09T21:22:00+08:00", "generic")


def test_date_line_above_the_headline():
    body = """<div class="article-intro"><p class="subline">9. Mai 2020 // Dominik Berger</p>
      <h1>Perfekte Schnitte an der Kreissäge</h1><p class="intro">""" + "Ein langer Vorspann. " * 30 + """</p></div>
      <div class="teasers"><p class="teaser-date">06. Aug 2019 // Tipps</p></div>"""
    sel = page(body, title="Perfekte Schnitte an der Kreissäge | Holzblog")
    evidence = published(sel, timezone="Europe/Berlin", languages=["de"])
    assert evidence == DateEvidence("9. Mai 2020", "2020-05-09", "generic")


def test_german_label_and_time():
    body = article("Veröffentlicht am 09.05.2020, 21:22 Uhr", heading="<h1>Neue Schulen im Kreis</h1>")
    sel = page(body, title="Neue Schulen im Kreis - Kreisbote")
    evidence = published(sel, timezone="Europe/Berlin", languages=["de"])
    assert evidence.value == "2020-05-09T21:22:00+02:00"


def test_english_byline():
    body = article("By Jane Roe | May 9, 2020 9:22 PM", heading="<h1>Flood season ends early</h1>")
    sel = page(body, title="Flood season ends early | Riverside Daily")
    assert published(sel, timezone="America/New_York", languages=["en"]).value == "2020-05-09T21:22:00-04:00"


def test_relative_date_resolved_against_the_fetch_time():
    assert published(page(article("<span>3小时前</span> <span>来源：青溪发布</span>"))).value == "2020-05-10T09:00:00+08:00"


@pytest.mark.parametrize(
    "state, raw",
    [
        ('window.DATA = {"article_id": "20200509A0", "pubtime": "2020-05-09 19:02:26", "media": "青溪"};',
         "2020-05-09 19:02:26"),
        ("var article = {title: '新增学位', publishTime: '2020-05-09T19:02:26+08:00'};", "2020-05-09T19:02:26+08:00"),
    ],
)
def test_page_state_of_an_inline_script_when_nothing_else_is_shown(state, raw):
    evidence = published(page(article() + f"<script>{state}</script>"))
    assert evidence == DateEvidence(raw, "2020-05-09T19:02:26+08:00", "metadata")


def test_url_date_is_the_last_resort():
    assert published(page(article()), url=URL) == DateEvidence("2020-05-09", "2020-05-09", "url")
    assert published(page(article("2020-05-08 10:00")), url=URL).rule == "generic"


def test_nothing_found():
    assert published(page(article())) is None
    assert find_updated(page(article()), NO_DATE_URL, now=NOW) is None


# --------------------------------------------------------------------------
# Precedence between metadata and the visible date


def test_visible_time_refines_a_metadata_day():
    evidence = published(page(article("2020-05-09 21:22"), '<meta name="publishdate" content="2020-05-09">'))
    assert evidence == DateEvidence("2020-05-09 21:22", "2020-05-09T21:22:00+08:00", "generic")


def test_metadata_day_is_kept_when_the_page_shows_only_the_day_too():
    evidence = published(page(article("发布日期：2020-05-09"), '<meta name="PubDate" content="2020-05-09 09:53">'))
    assert evidence == DateEvidence("2020-05-09 09:53", "2020-05-09T09:53:00+08:00", "metadata")


def test_visible_minute_wins_over_a_later_save_in_the_metadata():
    head = '<meta property="article:published_time" content="2020-05-09T19:56:29+08:00">'
    evidence = published(page(article("2020年05月09日 19:55"), head))
    assert evidence.value == "2020-05-09T19:55:00+08:00" and evidence.rule == "generic"


def test_metadata_wins_when_it_agrees_to_the_minute():
    head = '<meta property="article:published_time" content="2020-05-09T19:55:38+08:00">'
    assert published(page(article("2020年05月09日 19:55"), head)).value == "2020-05-09T19:55:38+08:00"


def test_visible_day_wins_across_a_time_zone_boundary():
    # 05:30 UTC on May 9 is still May 8 in Chicago, which the page prints.
    head = '<meta property="article:published_time" content="2020-05-09T05:30:59Z">'
    body = article("May 8, 2020 at 11:30 p.m.", heading="<h1>Mayor elected</h1>")
    sel = page(body, head, title="Mayor elected – Twin Towns")
    evidence = published(sel, timezone="America/Chicago", languages=["en"])
    assert evidence.value == "2020-05-08T23:30:00-05:00"


def test_metadata_wins_over_a_later_visible_date_weeks_away():
    # A later date in the header is most often an update or an event; the metadata describes the article.
    head = '<meta property="article:published_time" content="2020-03-01T10:00:00+08:00">'
    assert published(page(article("2020-05-09"), head)).value == "2020-03-01T10:00:00+08:00"


def test_metadata_wins_over_an_earlier_date_below_the_header():
    head = '<meta property="article:published_time" content="2020-05-09T10:00:00+08:00">'
    body = article(after="<div class='note'>2020-03-01</div>")  # after the body's first paragraph
    assert published(page(body, head)).value == "2020-05-09T10:00:00+08:00"


def test_metadata_wins_over_a_date_found_only_by_searching_the_page():
    body = "<div class='box'><p>青溪县今年新增学位3000个。</p><span>2020-05-08</span></div>"  # no headline
    assert published(page(body, '<meta name="publishdate" content="2020-05-09">')).value == "2020-05-09"
    assert published(page(body)).value == "2020-05-08"


def test_midnight_metadata_is_a_day_as_written():
    head = '<meta property="article:published_time" content="2020-05-09T00:00:00+00:00">'
    sel = page(article(heading="<h1>Flood season ends early</h1>"), head, title="Flood season ends early")
    assert published(sel, timezone="America/New_York").value == "2020-05-09"


def test_metadata_at_midnight_in_the_site_zone_is_a_day():
    head = '<meta property="article:published_time" content="2020-05-08T16:00:00Z">'  # 00:00 in Shanghai
    assert published(page(article(), head)) == DateEvidence("2020-05-08T16:00:00Z", "2020-05-09", "metadata")


def test_page_is_not_searched_when_the_metadata_has_a_time():
    body = "<div class='box'><span>2020-05-01</span></div>"  # no headline: only a search of the page would find it
    head = '<meta name="publishdate" content="2020-05-09 10:00">'
    assert published(page(body, head)).value == "2020-05-09T10:00:00+08:00"


@pytest.mark.parametrize(
    "zone, expected",
    [
        ("Asia/Shanghai", "2020-05-09T21:22:03+08:00"),
        ("Europe/Berlin", "2020-05-09T15:22:03+02:00"),
        ("America/New_York", "2020-05-09T09:22:03-04:00"),
    ],
)
def test_metadata_instants_are_converted_to_the_site_zone(zone, expected):
    head = '<meta property="article:published_time" content="2020-05-09T13:22:03Z">'
    assert published(page(article(), head), timezone=zone).value == expected


def test_site_selector_comes_first_in_the_extractor():
    head = '<meta name="publishdate" content="2020-05-09">'
    sel = page(article("<span class='pubtime'>2020-05-08 08:00</span>"), head)
    fields, rules = ArticleExtractor({"published": ".pubtime::text"}).extract(sel, URL, now=NOW)
    assert (fields["published_raw"], rules["published_raw"]) == ("2020-05-08 08:00", "selector")
    assert "published_at" not in fields  # the selector's text is normalised by the date pipeline


def test_extractor_records_the_rule_and_the_value():
    body = article("2020-05-09 21:22 最后更新：2020-05-10 08:00")
    html = f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>"
    result = extract_article(html, URL, fetched_at=NOW)
    assert result["published_raw"] == "2020-05-09 21:22"
    assert result["published_at"] == "2020-05-09T21:22:00+08:00"
    assert result["updated_raw"] == "最后更新：2020-05-10 08:00"
    assert result["updated_at"] == "2020-05-10T08:00:00+08:00"
    assert result["extracted_by"]["published_raw"] == result["extracted_by"]["updated_raw"] == "generic"


def test_extractor_url_rule():
    html = f"<html><head><title>{TITLE}</title></head><body>{article()}</body></html>"
    result = extract_article(html, URL, fetched_at=NOW)
    assert (result["published_at"], result["extracted_by"]["published_raw"]) == ("2020-05-09", "url")


# --------------------------------------------------------------------------
# Update dates


def test_update_label_gives_the_update_not_the_publish_date():
    sel = page(article("<span>最后更新: 2020-05-10 08:00</span> <span>2020-05-09 21:22</span>"))
    assert published(sel).value == "2020-05-09T21:22:00+08:00"
    assert find_updated(sel, NO_DATE_URL, now=NOW).value == "2020-05-10T08:00:00+08:00"


def test_updated_class_marks_an_update():
    body = article('<time class="entry-date published">May 9, 2020</time> <span class="updated">May 10, 2020</span>',
                   heading="<h1>Flood season ends early</h1>")
    sel = page(body, title="Flood season ends early")
    assert published(sel, languages=["en"]).value == "2020-05-09"
    assert find_updated(sel, NO_DATE_URL, now=NOW, languages=["en"]).value == "2020-05-10"


def test_time_element_marked_updated():
    body = article('<time class="published" datetime="2020-05-09T10:00:00+08:00">5月9日</time>'
                   '<time class="updated" datetime="2020-05-10T08:00:00+08:00">5月10日</time>')
    sel = page(body)
    assert published(sel).value == "2020-05-09T10:00:00+08:00"
    assert find_updated(sel, NO_DATE_URL, now=NOW).value == "2020-05-10T08:00:00+08:00"


# --------------------------------------------------------------------------
# Distractors


def test_greeting_banner_is_not_the_date():
    sel = page(article("来源：青溪县融媒体中心", before="早上好！今天是2020年5月10日 星期日"), title="青溪新闻网")
    assert published(sel) is None


def test_greeting_split_over_two_elements_is_not_the_date():
    body = article("来源：青溪县融媒体中心", before="<span>今天是</span><span>2020年5月10日 星期日</span>")
    assert published(page(body)) is None


def test_copyright_years_are_not_dates():
    footer = '<div class="footer">版权所有 © 2003-2020 青溪县融媒体中心 浙ICP备12345678号</div>'
    assert published(page(article(after=footer))) is None


RELATED = """<div class="related"><h3>相关新闻</h3><ul>
  <li><a href="/a.html">青溪县召开教育大会</a><span>2020-05-01</span></li>
  <li><a href="/b.html">全县中考报名开始</a><span>2020-04-28</span></li></ul></div>"""
COMMENTS = """<div class="comment-list"><div class="item"><span class="user">网友甲</span>
  <span class="time">2020-05-09 23:05</span><p>好消息</p></div></div>"""
SIDEBAR = """<aside><div class="box"><span>2020-05-03</span> 县长调研春耕生产</div></aside>"""
HOT_LIST = """<div class="hot-news"><p><a href="/c.html">新学校开学</a> 2020-05-02</p></div>"""
SITE_FOOTER = """<div id="footer"><p>本站更新：2020-05-07 08:00</p></div>"""
PREV_NEXT = """<div class="page-links"><p>上一篇：青溪县春耕忙 2020-05-06</p><p>下一篇：县医院新楼启用 2020-05-07</p></div>"""
LIST_RUN = """<div class="box"><div class="card"><span>2020-05-04</span><a href="/d.html">一</a></div>
  <div class="card"><span>2020-05-05</span><a href="/e.html">二</a></div>
  <div class="card"><span>2020-05-06</span><a href="/f.html">三</a></div></div>"""


@pytest.mark.parametrize(
    "distractor",
    [RELATED, COMMENTS, SIDEBAR, HOT_LIST, SITE_FOOTER, PREV_NEXT, LIST_RUN],
    ids=["related", "comments", "sidebar", "hot list", "site footer", "prev/next", "run of dated items"],
)
def test_dates_of_other_things_are_not_the_publish_date(distractor):
    assert published(page(article("来源：青溪县融媒体中心", after=distractor))) is None


def test_layout_classes_are_not_distractors():
    # Bootstrap's "position-relative" is not a related-news box, nor is a container that has a sidebar.
    body = article('<div class="position-relative"><span class="time">2020-05-09 10:00</span></div>')
    sel = page(f'<div class="layout has-sidebar">{body}</div>')
    assert published(sel).value == "2020-05-09T10:00:00+08:00"


def test_dates_in_body_sentences_are_events():
    body = article(after="<p>2019年5月14日在南京逝世，享年77岁。</p><p><b>2020年4月1日</b>起，全县学校恢复上课，学生分批返校。</p>")
    assert published(page(body)) is None


def test_relative_words_inside_a_sentence_are_not_dates():
    body = article(after="<div class='poem'>刚刚掉落的树叶 沿着前人足迹踏痕轻踩而行</div>")
    assert published(page(body)) is None


def test_an_article_footer_is_not_the_page_footer():
    body = (
        f"<article><h1>{TITLE}</h1><div class='TRS_Editor'><p>正文。</p></div>"
        "<footer class='single-footer'>发布日期：2020-05-09 14:34:05 所属分类：教育</footer></article>"
    )
    assert published(page(body)).value == "2020-05-09T14:34:05+08:00"


def test_link_to_another_article_with_a_date_in_its_headline():
    body = article(after='<p class="next"><a href="/x.html">今日股市行情分析--2020年5月8日</a></p>')
    assert published(page(body)) is None


def test_date_inside_a_url_text():
    assert published(page(article(after="<p>https://blog.example.org/2020/05/01/mein-erster-beitrag/</p>"))) is None


def test_date_after_the_distractors_is_still_found():
    body = article(after=RELATED + COMMENTS + '<div class="article-footer">发布日期：2020-05-09 10:00 责任编辑：冯娣</div>')
    assert published(page(body)).value == "2020-05-09T10:00:00+08:00"


def test_menu_heading_is_not_taken_for_the_headline():
    body = """<ul class="menubar"><li><h3>学位</h3></li></ul><div class="teaser"><span>2020-03-01</span></div>
      <h1>青溪县今年新增学位3000个</h1><div class="info">2020-05-09 10:00</div>"""
    sel = page(body)
    assert PageDates(sel, NO_DATE_URL, now=NOW).headline.tag == "h1"
    assert published(sel).value == "2020-05-09T10:00:00+08:00"


def test_broken_html_gives_no_error():
    assert published(Selector(text="<html><body><h1>青溪<div>2020-05-09</h1><p>未闭合")) is not None
    assert published(Selector(text="<p>no head, no body")) is None


# --------------------------------------------------------------------------
# The corpora (../shared/corpora): the issue's thresholds


@pytest.fixture(scope="module")
def corpus_scores():
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared/corpora is not there")
    from evaluation.eval_dates import run

    return run(["zh-local", "zh-twnews", "multilingual"])


def test_chinese_corpora_meet_the_issue_thresholds(corpus_scores):
    chinese = [corpus_scores.scores["zh-local"], corpus_scores.scores["zh-twnews"]]
    pages, day = sum(s.pages for s in chinese), sum(s.day for s in chinese)
    timed, minute = sum(s.timed for s in chinese), sum(s.minute for s in chinese)
    assert pages == 66 and timed == 58
    assert day / pages >= 0.98
    assert minute / timed >= 0.95


def test_multilingual_corpus_does_not_regress(corpus_scores):
    # 98% over every page is not reachable here without fitting the labels: eight golds
    # contradict their page (evaluation/date_label_errors.jsonl), and the other misses are
    # dates the page does not show as the article's (see evaluation/README.md). Without
    # the eight, the issue's 98% holds, on this corpus and overall.
    multilingual = corpus_scores.scores["multilingual"]
    assert multilingual.pages == 300
    assert multilingual.day / multilingual.pages >= 0.955
    checked = corpus_scores.checked["multilingual"]
    assert checked.pages == 300 - len(corpus_scores.excluded)
    assert checked.day / checked.pages >= 0.98
    overall = corpus_scores.checked["overall"]
    assert overall.day / overall.pages >= 0.98


def test_every_listed_label_error_is_a_page_of_the_corpus_with_that_gold(corpus_scores):
    from evaluation.eval_dates import label_errors

    errors = label_errors()
    assert {(o.page.corpus, o.page.id) for o in corpus_scores.excluded} == set(errors)
    for outcome in corpus_scores.excluded:
        error = errors[outcome.page.corpus, outcome.page.id]
        assert outcome.gold == error["gold"] != error["page"] and error["why"]


# --------------------------------------------------------------------------
# The evaluation's corpus loader and command line


def test_corpus_loader_decodes_pages_like_the_crawler(tmp_path):
    from evaluation.corpora import pages

    folder = tmp_path / "tiny"
    (folder / "pages").mkdir(parents=True)
    html = '<html><head><meta charset="utf-8"><title>青溪</title></head><body><h1>青溪县</h1></body></html>'
    (folder / "pages" / "gbk-1.html").write_bytes(html.encode("gb18030"))  # declares utf-8, is GBK
    (folder / "manifest.jsonl").write_text(
        '{"id": "gbk-1", "file": "pages/gbk-1.html", "url": null, "lang": "zh", "kind": "article",'
        ' "gold": {"published": "2020-05-09"}}\n'
        '{"id": "list-1", "file": "pages/gbk-1.html", "url": null, "lang": "zh", "kind": "listing", "gold": {}}\n',
        encoding="utf-8",
    )
    found = list(pages("tiny", kind="article", root=tmp_path))
    assert [(p.id, p.encoding, p.gold["published"]) for p in found] == [("gbk-1", "gb18030", "2020-05-09")]
    assert "<h1>青溪县</h1>" in found[0].text
    assert [p.id for p in pages("tiny", root=tmp_path)] == ["gbk-1", "list-1"]


def test_evaluation_says_in_one_line_when_the_corpora_are_missing(tmp_path, capsys):
    from evaluation.eval_dates import main

    assert main(["--corpora", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corpus 'zh-local' not found" in err


def test_evaluation_compares_at_the_gold_precision():
    from evaluation.eval_dates import agrees, precision

    assert precision("2020-05-09T21:22:00+08:00") == "minute" and precision("2020-05-09") == "day"
    assert agrees("2020-05-09T21:22:59+08:00", "2020-05-09T21:22:00+08:00", "minute")
    assert not agrees("2020-05-09T21:23:00+08:00", "2020-05-09T21:22:00+08:00", "minute")
    assert agrees("2020-05-09T21:23:00+08:00", "2020-05-09", "day")
    assert not agrees("2020-05-09", "2020-05-09T21:22:00+08:00", "minute")
    assert not agrees(None, "2020-05-09", "day")
