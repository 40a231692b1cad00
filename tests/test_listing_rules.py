"""The rules of ``crawler.extract.listing``, each on a small page built for it."""

import pytest
from parsel import Selector

from crawler.extract import extract_listing
from crawler.extract.listing import read_listing

URL = "http://www.qxnews.cn/xwzx/index.html"
TITLES = [
    "青溪县召开冬季安全生产工作部署会", "县委常委会传达学习省委全会精神", "青溪镇新建农贸市场12月1日起试运营",
    "全县秋冬种工作现场推进会在白沙乡召开", "青溪县第三届乡村文化旅游节开幕", "县人大常委会开展义务教育均衡发展调研",
]
NAV = '<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻</a><a href="/xzdt/">乡镇</a><a href="/msgz/">民生</a></div>'


def page(body: str, head: str = "<title>新闻中心 - 青溪新闻网</title>") -> str:
    return f"<html><head>{head}</head><body>{NAV}{body}<div class='footer'>版权所有</div></body></html>"


def entries(count: int = 6, template: str = '<li><a href="/xwzx/2026-11/{day:02d}/content_{n}.htm">{title}</a><span>2026-11-{day:02d}</span></li>'):
    return "".join(template.format(n=1182100 + i, day=25 - i, title=TITLES[i % len(TITLES)]) for i in range(count))


def links(count: int = 6) -> list[str]:
    return [f"http://www.qxnews.cn/xwzx/2026-11/{25 - i:02d}/content_{1182100 + i}.htm" for i in range(count)]


def test_the_title_link_of_each_entry_is_taken_not_the_picture_author_or_section():
    template = (
        '<li><a href="/xwzx/2026-11/{day:02d}/content_{n}.htm"><img src="/p/{n}.jpg"></a>'
        '<h3><a href="/xwzx/2026-11/{day:02d}/content_{n}.htm">{title}</a></h3>'
        '<a class="author" href="/author/wangfang/">记者 王芳工作室</a><a href="/xwzx/">新闻中心</a></li>'
    )
    assert extract_listing(page(f"<ul>{entries(template=template)}</ul>"), URL)["article_links"] == links()


def test_a_short_title_wins_over_a_longer_user_link():
    template = '<li><a href="/p/{n}">{day}日快讯</a><a href="/home/main/?un=reporter{n}">记者青溪融媒体中心采编部</a></li>'
    result = extract_listing(page(f"<ul>{entries(template=template)}</ul>"), URL)
    assert result["article_links"] == [f"http://www.qxnews.cn/p/{1182100 + i}" for i in range(6)]


def test_ads_in_the_list_are_left_out():
    ads = (
        '<li><a href="https://click.adqx.cn/click.php?adid=7&pos=2">年货节全场包邮 青溪土鸡限时抢购</a><span>2026-11-25</span></li>'
        '<li><a href="https://www.qxfangchan.com/lp/2026/1125/35.html">城东新盘开盘在即 首付15万起</a><em>推广</em></li>'
    )
    result = extract_listing(page(f"<ul>{entries(3)}{ads}{entries(6)[len(entries(3)):]}</ul>"), URL)
    assert result["article_links"] == links()


def test_tracking_parameters_fragments_and_repeats_go():
    template = '<li><a href="/xwzx/2026-11/{day:02d}/content_{n}.htm?spm=zm1033.a.0&from=timeline#top">{title}</a></li>'
    html = page(f"<ul>{entries(template=template)}{entries(2)}</ul>")
    assert extract_listing(html, URL)["article_links"] == links()


def test_links_resolve_against_base_href_and_stay_relative_without_any_url():
    html = page(f"<ul>{entries()}</ul>".replace('href="/xwzx/', 'href="'), head='<base href="http://www.qxnews.cn/xwzx/">')
    assert extract_listing(html, "http://qxnews.cn/cms/list.php?page=1")["article_links"] == links()
    assert extract_listing(html.replace("<base", "<nobase"))["article_links"][0] == "2026-11/25/content_1182100.htm"


def test_bytes_in_gbk_a_selector_and_text_give_the_same_links():
    html = page(f"<ul>{entries()}</ul>", head='<meta charset="gb2312"><title>孙喆专栏</title>')
    expected = extract_listing(html, URL)
    assert expected["article_links"] == links()
    assert extract_listing(html.encode("gbk"), URL) == expected
    assert extract_listing(Selector(text=html), URL) == expected


def test_a_page_of_section_links_only_has_no_entries():
    sections = "".join(f'<li><a href="/{name}/index.html">{name}栏目</a></li>' for name in ("xwzx", "xzdt", "msgz", "spxw", "tpxw"))
    assert extract_listing(page(f"<ul>{sections}</ul>"), URL) == {"article_links": [], "next_page": None}


def test_navigation_longer_than_the_list_loses():
    menu = "".join(f'<li><a href="/lm{i}/">栏目{i}</a></li>' for i in range(40))
    assert extract_listing(page(f'<ul class="menu">{menu}</ul><ul>{entries(3)}</ul>'), URL)["article_links"] == links(3)


def test_a_numbered_hot_list_in_a_box_headed_hot_loses_even_when_longer():
    hot = "".join(
        f'<li><i>{k}</i><a href="/xwzx/2026-11/1{k % 10}/content_1181{k:03d}.htm">{TITLES[k % 6]}</a><span>2026-11-1{k % 10}</span></li>'
        for k in range(1, 11)
    )
    html = page(f'<div class="l"><h2>新闻中心</h2><ul>{entries(5)}</ul></div><div class="r"><h3>点击排行</h3><ul>{hot}</ul></div>')
    assert extract_listing(html, URL)["article_links"] == links(5)


def test_a_list_printed_in_blocks_comes_out_whole():
    blocks = "".join(
        "<ul class='list_txt'>" + "".join(
            f'<li><a href="/xwzx/2026-11/{25 - b}/content_{b}{i}.htm">{TITLES[i]}</a><span>11-{25 - b}</span></li>' for i in range(5)
        ) + "</ul>"
        for b in range(4)
    )
    html = page(f"<div class='cnt'>{blocks}</div><div class='cnt-side'><ul><li><a href='/about.html'>关于我们</a></li></ul></div>")
    assert len(extract_listing(html, URL)["article_links"]) == 20


def test_hanweb_records_inside_an_xml_script_are_entries():
    records = "".join(
        f'<record><![CDATA[<li><a href="/art/2026/11/{25 - i}/art_1229_{345 + i}.html">{TITLES[i]}</a><span>2026-11-{25 - i}</span></li>]]></record>'
        for i in range(6)
    )
    html = page(f'<div id="4012"><script type="text/xml"><datastore><recordset>{records}</recordset></datastore></script></div>')
    result = extract_listing(html, "http://www.qxx.gov.cn/col/col1229/index.html")
    assert result["article_links"] == [f"http://www.qxx.gov.cn/art/2026/11/{25 - i}/art_1229_{345 + i}.html" for i in range(6)]


def test_entries_carry_their_title_and_the_date_they_show():
    template = '<li><a href="/xwzx/2026-11/{day:02d}/content_{n}.htm" title="{title}">{title:.8}…</a> <span>[2026-11-{day:02d}]</span></li>'
    listing = read_listing(page(f"<ul>{entries(template=template)}</ul><div class='page'><a href='index_1.html'>下一页</a></div>"), URL)
    assert [entry.title for entry in listing.entries] == TITLES
    assert [entry.shown_date for entry in listing.entries] == [f"2026-11-{25 - i:02d}" for i in range(6)]
    assert listing.next_page == "http://www.qxnews.cn/xwzx/index_1.html"


def test_relative_dates_and_dates_in_the_link_tail():
    html = page("<div class='list'>" + "".join(
        f'<a href="/xwzx/2026-11/25/content_{n}.htm">{TITLES[n]}</a> ({shown})<br>' for n, shown in enumerate(["3小时前", "昨天 10:20", "11-24"])
    ) + "</div>")
    assert [entry.shown_date for entry in read_listing(html, URL).entries] == ["3小时前", "昨天 10:20", "11-24"]


@pytest.mark.parametrize(
    "shown",
    [
        ["24.11.2026", "23.11.2026, 18:05", "11/22/2026", "21. November 2026", "20 novembre 2026", "Nov. 19, 2026",
         "18 de noviembre de 2026"],
        ["vor 2 Stunden", "3 hours ago", "il y a 2 jours", "hace 3 días", "Gestern, 10:20", "2 dagen geleden"],
    ],
    ids=["absolute", "relative"],
)
def test_dates_of_other_languages_are_shown_dates(shown):
    items = "".join(
        f'<li><a href="/lokales/story-{n}-about-the-county-council">County council story number {n} of the week</a>'
        f" <span>{text}</span></li>"
        for n, text in enumerate(shown)
    )
    assert [entry.shown_date for entry in read_listing(page(f"<ul>{items}</ul>"), URL).entries] == shown


def test_a_card_link_is_titled_by_its_heading_and_its_date_is_shown_even_run_into_other_text():
    # Minified cards: one link around heading, date and summary, no whitespace between them.
    cards = "".join(
        f'<li><a href="/nieuws/raad-besluit-over-het-zwembad-deel-{n}"><h3>Raad besluit over het zwembad, deel {n}</h3>'
        f"<p>{24 - n} november 2026</p><p>Samenvatting van het bericht over het zwembad.</p></a></li>"
        for n in range(5)
    )
    listing = read_listing(page(f"<ul>{cards}</ul>"), URL)
    assert [entry.title for entry in listing.entries] == [f"Raad besluit over het zwembad, deel {n}" for n in range(5)]
    assert [entry.shown_date for entry in listing.entries] == [f"{24 - n} november 2026" for n in range(5)]


@pytest.mark.parametrize(
    "heading", ["热门文章", "Most Read", "Meistgelesen", "Les plus lus", "Más leídas", "Mais lidas", "Più letti", "Trending"]
)
def test_a_longer_dated_box_under_a_hot_heading_is_no_listing(heading):
    stories = "".join(
        f'<article><h2><a href="/local/county-board-approves-road-plan-{n}">County board approves road plan, part {n}</a>'
        "</h2><p>What the board decided.</p></article>"
        for n in range(6)
    )
    box = "".join(
        f'<li><a href="/local/another-story-about-something-else-{n}">Another story about something else, {n}</a>'
        f" <span>Nov {20 - n}, 2026</span></li>"
        for n in range(10)
    )
    html = page(f'<div class="stream">{stories}</div><div class="col"><div class="box"><h3>{heading}</h3><ul>{box}</ul></div></div>')
    assert extract_listing(html, URL)["article_links"] == [
        f"http://www.qxnews.cn/local/county-board-approves-road-plan-{n}" for n in range(6)
    ]


@pytest.mark.parametrize("bad", ["http://[www.qxnews.cn/xwzx/1.html", "http://www.qxnews.cn]/xwzx/1.html"])
def test_a_link_urllib_cannot_read_is_no_article_nor_next_page(bad):
    # A host with one bracket of a pair (urllib raises ValueError), in a link, a pager and <base href>.
    html = page(
        f'<ul>{entries()}<li><a href="{bad}">一条链接写错了的新闻标题也在列表里</a></li></ul>'
        f'<div class="page"><a href="{bad}">下一页</a></div>',
        head=f'<title>新闻中心 - 青溪新闻网</title><base href="{bad}"><link rel="next" href="{bad}">',
    )
    assert extract_listing(html, URL) == {"article_links": links(), "next_page": None}


def test_an_empty_page_has_nothing():
    assert extract_listing(b"", URL) == {"article_links": [], "next_page": None}
    assert extract_listing("<html><body><p>页面不存在</p></body></html>", URL) == {"article_links": [], "next_page": None}


def test_a_table_of_two_headlines_a_row_gives_both_but_not_their_comment_links():
    rows = "".join(
        f'<tr><td><a href="/xwzx/2026/1125/{i}1.html">{TITLES[i]}</a> 11-25</td>'
        f'<td><a href="/xwzx/2026/1125/{i}2.html">{TITLES[5 - i]}</a> 11-24'
        f' <a href="http://comment.qxnews.cn/bbs/{i}2.html">跟贴 1234{i} 条评论</a></td></tr>'
        for i in range(6)
    )
    result = extract_listing(page(f"<table><tbody>{rows}</tbody></table>"), URL)
    assert result["article_links"] == [f"http://www.qxnews.cn/xwzx/2026/1125/{i}{k}.html" for i in range(6) for k in (1, 2)]


def test_the_lead_story_printed_bigger_above_the_list_joins_it():
    lead = (
        '<div class="top-news"><a href="/xwzx/2026-11/26/content_1182200.htm"><img src="/p/1.jpg"></a>'
        '<h2><a href="/xwzx/2026-11/26/content_1182200.htm">青溪县新增学位3000个 城区学校扩容工程全部完工</a></h2>'
        '<p>本网讯 记者从县教育局获悉……</p><a href="/xwzx/">更多新闻</a></div>'
    )
    result = extract_listing(page(f'<div class="list">{lead}<ul>{entries()}</ul></div>'), URL)
    assert result["article_links"] == ["http://www.qxnews.cn/xwzx/2026-11/26/content_1182200.htm", *links()]


def test_a_block_of_other_links_above_the_list_is_not_a_lead_story():
    above = '<div class="tabs"><a href="/xwzx/">要闻</a><a href="http://www.gov.cn/xinwen/2026-11/25/content_5.htm">国务院常务会议部署冬季安全生产</a></div>'
    assert extract_listing(page(f'<div class="list">{above}<ul>{entries()}</ul></div>'), URL)["article_links"] == links()


def test_an_entry_holding_the_pager_is_no_article():
    # The pager sits in the list as its last item, its links titled in a language 下一页 rules don't know.
    # (Page URLs of no list shape: TYPO3 writes /page-2.)
    pager = (
        '<li class="nav-links"><a href="/xwzx/page-1">Vorherige Seite</a> <a href="/xwzx/page-3">Nächste Seite</a></li>'
    )
    result = extract_listing(page(f"<ul>{entries()}{pager}</ul>"), "http://www.qxnews.cn/xwzx/page-2")
    assert result == {"article_links": links(), "next_page": "http://www.qxnews.cn/xwzx/page-3"}


def test_the_next_page_is_no_article():
    # rel="next" in <head> names the next page; the list's last item links it too, under words no rule knows.
    more = '<li><a href="/xwzx/page-2">Weitere Meldungen aus dem Kreis</a></li>'
    head = '<title>新闻中心 - 青溪新闻网</title><link rel="next" href="/xwzx/page-2">'
    result = extract_listing(page(f"<ul>{entries()}{more}</ul>", head=head), URL)
    assert result == {"article_links": links(), "next_page": "http://www.qxnews.cn/xwzx/page-2"}
