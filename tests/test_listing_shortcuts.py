"""The shortcuts the listing rules take for speed give exactly what the plain rules give.

Each fast form (one regex instead of two, a regex that skips to the
characters it can start with, a regex asked only about the strings that
begin like its matches, strings searched all at once, a link from the site
root not joined, a long text told at a glance, a bound instead of a score,
a lazily sorted list, a count stopped early, a result kept per group or per
element, element classes looked up in C) is checked against the plain
computation it replaces, on crafted inputs that sit on its edges and on the
listing fixtures.
"""

import gc
import random
import re
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

import lxml.html
from crawler.extract import listing, listing_page
from crawler.extract.date_text import find_named_date
from crawler.extract.link_shapes import ARTICLE
from crawler.extract.listing import read_listing
from crawler.extract.listing_ads import (
    AD_LABEL_IN, AD_LABELS, AD_URL, AD_URL_LOWER, AD_URL_PATTERN, AD_URL_WORDS, _ad_url_in, _is_ad, without_ads,
)
from crawler.extract.listing_choice import _best_list, _bound, _by_bound, _link_groups
from crawler.extract.listing_lists import CandidateList, group_mean_title
from crawler.extract.listing_page import HEADING_WINDOW, LONGER_THAN_HEADING, TITLE_CAP, ListingPage
from crawler.extract.listing_titles import (
    CARD_TEXT, NOT_A_TITLE, NOT_A_TITLE_STARTS, NOT_TITLE, RELATIVE_DATE, SHOWN_DATE, shown_date,
)
from crawler.extract.page_links import (
    UNFOLLOWABLE, UNFOLLOWABLE_STARTS, Lines, PageLinks, classes_looked_up_in_c, first_picture, followable,
    followable_indexes, page_links,
)
from crawler.extract.pagination import NEXT_HINT, NEXT_HINT_SCAN, NEXT_IN_CLASS, find_pager
from crawler.urls import strip_tracking
from evaluation.eval_listing import fixture_cases

FIXTURES = fixture_cases()


def test_followable_is_the_stripped_lower_cased_prefix_rule():
    hrefs = [
        None, "", " ", "\u3000", "#", " #top", "\u3000#", "JavaScript:void(0)", "\tjavascript:;", "MAILTO:a@b.cn",
        "Tel:123", "about:blank", "ABOUT:", "javascrİpt:x", "\u212aavascript:", "javascript", "/a.html", "a#b",
        "http://x.cn/#", "\xa0mailto:x", "tel", "telx:", "ſ", "İ#", "http://[x.cn/a", "//[x/y", "http://[::1]/a",
        "/search?q[]=1", " http://[", "http://x.cn]/a", "/a]b",
    ]

    def splits(href):
        try:
            return bool(urlsplit(href.strip()))
        except ValueError:
            return False

    for href in hrefs:
        plain = bool(href) and not href.strip().lower().startswith(UNFOLLOWABLE) and splits(href)
        assert followable(href) == plain, repr(href)
    assert followable_indexes(hrefs) == [index for index, href in enumerate(hrefs) if followable(href)]


# Every character of the Basic Multilingual Plane: none beyond it is a space or folds to an ASCII letter.
BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]


def test_hrefs_are_asked_about_only_when_they_begin_like_an_unfollowable_one():
    hrefs = [first + prefix[1:] + "x" for first in BMP for prefix in UNFOLLOWABLE]
    unfollowable = [href for href in hrefs if not followable(href)]
    assert unfollowable and all(href[0] in UNFOLLOWABLE_STARTS or href[0].isspace() for href in unfollowable)
    assert followable_indexes(hrefs) == [index for index, href in enumerate(hrefs) if followable(href)]


BASES = [
    "http://www.qxnews.cn/xwzx/index.html", "https://qx.gov.cn:8443/col/col12/?uid=3&pageNum=2#top",
    "HTTP://WWW.QX.CN/a", "http://user@qx.cn/", "http://[::1]:8080/x/y", "http://qx.cn",
    "https://qx.cn/a/b/c.shtml;jsessionid=1",
]
HREFS = [
    "/", "/a.html", "/xwzx/2026-11/25/content_1.htm", "/a//b.html", "/a/./b.html", "/a/../b.html", "/a/.", "/..",
    "/./x", "/.hidden/x.html", "/a/..b/c", "//cdn.qx.cn/x.html", "/a.html?id=1", "/a.html#top", "/a;b.html",
    "/a b.html", "/中文/新闻.html", "/a%20b.html", "/a\\b.html", "/a:b.html", " /padded.html ", "/a\tb.html", "a.html", "../a.html",
]


def page_links_at(base: str | None) -> PageLinks:
    """The links of a page without links, read at ``base``."""
    return PageLinks(root=None, url=base, base=base, anchors=[], hrefs=[], texts=[], titles=[], with_rel=[], scripts=[])


@pytest.mark.parametrize("base", BASES)
def test_paths_from_the_site_root_join_like_urljoin_and_strip_tracking(base):
    links = page_links_at(base)
    for href in HREFS:
        joined = urljoin(base, href.strip())
        assert links.resolve(href) == joined, href
        assert links.canonical(href) == strip_tracking(joined), href


def test_without_a_base_links_stay_as_written():
    assert page_links_at(None).resolve(" /a.html ") == "/a.html"


def random_strings(alphabet: list[str], count: int, seed: int) -> list[str]:
    draw = random.Random(seed)
    return ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 8))) for _ in range(count)]


def test_the_next_hint_scan_finds_what_next_hint_finds():
    alphabet = ["页", "頁", "下", "一", "版", "加", "载", "更多", "n", "N", "e", "E", "x", "X", "t", "T", "o", "O", "l", "d",
                "r", "R", ">", "›", "»", "〉", "→", " ", "ſ", "K"]
    # The other languages' words: their first letters in both cases and the rest of each word.
    alphabet += ["ä", "Ä", "s", "S", "p", "P", "v", "V", "w", "W", "a", "A", "с", "С", "д", "Д", "次", "다", "ächste",
                 "astępn", "ltere", "uivant", "iguiente", "eguinte", "uccessiv", "róxima", "olgende", "ледующ", "へ", "の",
                 "ページ", "음", "eiter", "vanti", "алее", "ÄLTERE", "ACHSTE"]
    strings = random_strings(alphabet, 40000, 1)
    strings += ["下一页", "下一版", "加载更多", "Next »", "OLDER posts", "nExt", "olde", "下 一版", "上一页", "Nächste Seite",
                "ſuivant", "Página siguiente", "次のページ", "다음 페이지", "Следующая", "weiterlesen", "NÄCHSTE"]
    for string in strings:
        assert [m.span() for m in NEXT_HINT_SCAN.finditer(string)] == [m.span() for m in NEXT_HINT.finditer(string)]
    plain = re.compile("next|nxt", re.IGNORECASE)
    for string in random_strings(["n", "N", "e", "E", "x", "X", "t", "T", "-", " "], 20000, 2):
        assert [m.span() for m in NEXT_IN_CLASS.finditer(string)] == [m.span() for m in plain.finditer(string)]


def test_lines_tell_which_string_a_match_is_in():
    lines = Lines(["", "第2页", "", "下一页", "next", ""])
    assert [(index, match[0]) for index, match in lines.found(NEXT_HINT_SCAN)] == [(1, "页"), (3, "页"), (4, "next")]
    assert lines.matching(NEXT_HINT_SCAN) == {1, 3, 4}
    assert Lines([]).matching(NEXT_HINT_SCAN) == set()


def test_an_arrow_counts_as_in_a_pager_when_the_numbers_are_above_the_links_read():
    html = (
        '<html><body><div class="x"><a href="list_1.html">1</a><a href="list_3.html">3</a><b>2</b>'
        '<span><a href="list_3.html">›</a></span></div></body></html>'
    )
    root = Selector(text=html).root
    url = "http://www.qx.cn/news/list_2.html"
    assert find_pager(page_links(root.find(".//span"), url)).next_page == "http://www.qx.cn/news/list_3.html"
    assert find_pager(page_links(root, url)).next_page == "http://www.qx.cn/news/list_3.html"


def test_an_arrow_in_a_big_box_without_page_numbers_is_not_a_pager():
    news = "".join(f'<li><a href="/a/{i}.html">青溪新闻第{i}条</a> <em>{i}</em></li>' for i in range(60))
    html = f'<html><body><div class="box"><ul>{news}</ul><a href="list_3.html">›</a></div></body></html>'
    assert find_pager(page_links(Selector(text=html).root, "http://www.qx.cn/news/list_2.html")).next_page is None


def test_one_regex_tells_what_is_no_title_like_the_two_rules():
    texts = [
        "", "更多>>", "more »", "下一页", "首页", "2026-11-25", "2026年11月25日 10:20", "11-25", "3小时前", "刚刚",
        "昨天 10:20", "http://www.qx.cn/", "www.qx.cn", "[ 2026-11-25 ]", "123", "青溪县召开冬季安全生产工作部署会",
        "2026-11-25 青溪县召开会议", "Next", "PREV", "»", "11月25日", "1125", "全文", "阅读全文>>", "Read more",
    ]
    for text in texts:
        plain = bool(NOT_TITLE.match(text) or SHOWN_DATE.fullmatch(text))
        assert bool(NOT_A_TITLE.match(text)) == plain, text


def test_one_regex_finds_ad_labels_like_the_lower_cased_text():
    texts = ["", "广告", "AD", "Ads by", "head", "SPONSORED", "ſponſored", "Sponsor", "推广 青溪", "赞助商", "İstanbul",
             "\u212a", "新闻", "a d"]
    for text in texts:
        assert bool(AD_LABEL_IN.search(text)) == any(label in text.lower() for label in AD_LABELS), text


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_a_listing_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        read_listing(FIXTURES[0].html, FIXTURES[0].url)
        assert gc.isenabled() == enabled
        with pytest.raises(AttributeError):
            read_listing(object(), FIXTURES[0].url)  # not a page: fails inside, the collector comes back all the same
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_link_shapes_are_worked_out_once_per_href(monkeypatch):
    seen = []
    monkeypatch.setattr(listing_page, "link_kind", lambda href: seen.append(href) or ARTICLE)
    entries = "".join(f'<li><a href="/xwzx/2026-11/25/content_{n}.htm">青溪县新闻标题第{n}条消息</a></li>' for n in range(6))
    html = f"<html><body><ul>{entries}</ul><div class='side'><ul>{entries}</ul></div></body></html>"
    assert len(read_listing(html, "http://www.qx.cn/xwzx/").entries) == 6
    assert sorted(seen) == sorted(set(seen))


def pages_with_lists():
    for case in FIXTURES:
        page = ListingPage(listing._root(case.html), case.url)
        yield case.id, page, *_link_groups(page)


def test_lists_come_in_the_order_of_their_bound_as_sorted_gives_it():
    for case_id, page, groups, links_of in pages_with_lists():
        bounds = [
            (_bound(len(members), group_mean_title(page, key, members, links_of)), key)
            for key, members in groups.items() if len(members) >= 2
        ]
        assert list(_by_bound(page, groups, links_of)) == sorted(bounds, key=lambda item: -item[0]), case_id
        assert all(bound <= _bound(len(groups[key]), TITLE_CAP) for bound, key in bounds), case_id


def test_the_best_list_is_the_first_of_the_best_rated_when_every_list_is_rated_in_full():
    for case_id, page, groups, links_of in pages_with_lists():
        best, _ = _best_list(page, groups, links_of)
        scores = {key: CandidateList(page, key, groups[key], links_of).rate() for _, key in _by_bound(page, groups, links_of)}
        first_best = max(scores, key=scores.get)  # the first of the equal best, in bound order
        assert (best.container, best.tag) == first_best, case_id
        assert best.score == scores[first_best], case_id


def test_a_ranking_is_told_the_same_when_the_count_stops_early():
    for case_id, page, groups, links_of in pages_with_lists():
        for key, members in groups.items():
            if len(members) >= 3:
                numbered = 0
                for n, entry in enumerate(members, 1):
                    text = page.text(entry)
                    numbered += text.startswith(str(n)) and not text[len(str(n)):len(str(n)) + 1].isdigit()
                assert CandidateList(page, key, members, links_of)._is_ranked() == (numbered >= 0.8 * len(members)), case_id


def test_text_with_more_non_space_characters_than_a_heading_is_too_long_however_it_collapses():
    for text in ["a" * 31, " a" * 31, "\u3000新" * 31, "a " * 16, "新闻" * 15, " " * 50 + "b" * 30, ""]:
        too_long = bool(LONGER_THAN_HEADING.match(text))
        assert too_long == (len("".join(text.split())) > HEADING_WINDOW), repr(text)
        if too_long:
            assert len(" ".join(text.split())) > HEADING_WINDOW


def test_a_box_heading_is_the_nearest_short_text_before_the_list():
    boxes = (
        '<div><h3>民生 关注</h3><p>' + "长的说明文字" * 10 + '</p><ul><li><a href="/a/1.html">青溪新闻一</a></li></ul></div>'
        '<div><span>' + " ".join(["短"] * 20) + '</span><ul><li><a href="/a/2.html">青溪新闻二</a></li></ul></div>'
        '<div><p></p><ul><li><a href="/a/3.html">青溪新闻三</a></li></ul></div>'
    )
    page = ListingPage(Selector(text=f"<html><body>{boxes}</body></html>").root, "http://www.qx.cn/")
    containers = [ul for ul in page.links.root.iter("ul")]
    assert [page.box_heading(ul) for ul in containers] == ["民生 关注", "", ""]


def test_box_headings_are_the_same_when_every_sibling_is_collapsed_in_full(monkeypatch):
    def headings():
        return {name: [page.box_heading(box) for box, _ in groups] for name, page, groups, _ in pages_with_lists()}

    with_shortcut = headings()
    monkeypatch.setattr(listing_page, "LONGER_THAN_HEADING", re.compile(r"(?!)"))  # never too long at a glance
    assert headings() == with_shortcut


def test_lists_and_their_bounds_share_one_mean_title_per_group():
    for case_id, page, groups, links_of in pages_with_lists():
        for key, members in groups.items():
            plain = sum(max(page.capped[index] for index in links_of[entry]) for entry in members) / len(members)
            assert group_mean_title(page, key, members, links_of) == plain, case_id
            assert CandidateList(page, key, members, links_of).mean_title == plain, case_id


def test_a_text_is_asked_about_only_when_it_begins_like_no_title():
    # Each branch of NOT_A_TITLE, completed after its first character: a character that can begin a match begins one.
    tails = [
        "", "ttp://x", "ttps://x", "ww.x", "ore", "页", "頁", "一页", "多", "看更多", "细", "情", "文", "读全文", "击查看", "入",
        "回", "rev", "ext", "irst", "ast", ">", "0", "020-05-09", "5-09", "1-25日", "分钟前", "天前", "刚", "天 10:20", ")", "年",
    ]
    starts = {first for first in BMP if any(NOT_A_TITLE.match(first + tail) for tail in tails)}
    assert {first for first in starts if not first.isdecimal() and not first.isspace()} == NOT_A_TITLE_STARTS


def test_titles_are_the_texts_no_title_rule_turns_down():
    for case in FIXTURES:
        page = ListingPage(listing._root(case.html), case.url)
        for index in page.followed:
            text, hover = page.links.texts[index], page.links.titles[index]
            if hover and len(hover) > len(text):
                text = " ".join(hover.split())
            if not text:
                picture = next(page.links.anchors[index].iter("img"), None)
                text = " ".join((picture.get("alt") or "").split()) if picture is not None else ""
            elif len(text) > CARD_TEXT:
                headings = page.links.anchors[index].xpath("(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)[1]")
                text = " ".join(headings[0].text_content().split()) or text if headings else text
            assert page.titles[index] == ("" if NOT_A_TITLE.match(text) else text), case.id


def test_the_first_picture_is_what_find_and_iter_give():
    html = (
        "<div><a><img alt='1'></a><a><span><img alt='2'></span><img alt='3'></a><a><!--c--><img alt='4'></a>"
        "<a>text</a><a><b>x</b></a><a><span><img alt='5'></span></a></div>"
    )
    for anchor in Selector(text=html).root.iter("a"):
        assert first_picture(anchor, children_only=True) is anchor.find("img")
        assert first_picture(anchor) is next(anchor.iter("img"), None)


def test_lines_tell_the_string_of_a_match_when_strings_hold_newlines():
    strings = ["下一页", "a\nnext", "", "\n\n页", "x", "next\n"]
    pattern = re.compile(r"next|页")
    found = [(index, match[0]) for index, match in Lines(strings).found(pattern)]
    assert found == [(0, "页"), (1, "next"), (3, "页"), (5, "next")]
    one_line = [string.replace("\n", " ") for string in strings]
    assert [(index, match[0]) for index, match in Lines(one_line).found(pattern)] == found


def plain_shown_date(text: str) -> str | None:
    """SHOWN_DATE tried where a run of digits begins, at the last four digits of a longer run and at 刚今昨前; else
    a date with a month name."""
    for run in re.finditer(r"\d+|[刚今昨前]", text):
        found = SHOWN_DATE.match(text, run.start())
        if not found and run.end() - run.start() > 4:
            found = SHOWN_DATE.match(text, run.end() - 4)
        if found:
            return found[0]
    named = find_named_date(text) or RELATIVE_DATE.search(text)
    return named[0] if named else None


def test_a_date_is_looked_for_only_where_one_can_begin():
    draw = random.Random(7)
    alphabet = [
        *"0123456789" * 3, *" -/.年月日前刚今昨天秒分钟小时:\u3000\u0663\uff10ab", "刚刚", "今天", "昨天", "前天", "分钟前", "2020", "19",
    ]
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 25))) for _ in range(100000)]
    texts += ["2026-11-25 10:20", "青溪 202611251020-11-25", "3小时前", "今天 10:20", "刚刚", "1 老干妈: 173891", "11 - 25",
              "24.11.2026", "1.24.11.2026", "11/24/2026 9:30", "24. November 2026", "Nov 24, 2026 11-25", "am 3. Mai 2026",
              "vor 3 Stunden", "3 hours ago 2026", "Gestern, 10:20", "il y a 2 jours", "24 Mai 2026 vor 3 Tagen"]
    for text in texts:
        assert shown_date(text) == plain_shown_date(text), text


def test_the_ad_label_scan_finds_what_the_plain_pattern_finds():
    plain = re.compile(r"广告|推广|赞助|[aA][dD]|[sS][pP][oO][nN][sS][oO][rR][eE][dD]")
    alphabet = [*"广告推赞助aAdDsSpPoOnNrReE Kſ\n", "sponsored", "SPONSORED"]
    for text in random_strings(alphabet, 30000, 3):
        assert [m.span() for m in AD_LABEL_IN.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_an_ad_url_is_looked_for_only_in_hrefs_holding_a_word_of_every_ad_url():
    words = re.findall(r"[a-z_/?&.=]+", AD_URL_PATTERN.replace("\\", ""))
    alphabet = [*"/?&.=_-abcdgiklopsuhnyTG\n", *words, "BAIDU.php?URL=", "Ad_Id=", "ſ", "中"]
    hrefs = random_strings(alphabet, 60000, 4) + [
        "http://www.baidu.com/baidu.php?url=x", "https://adclick.g.doubleclick.net/aclk?sa=l", "/x/click.aspx?id=1",
        "http://a.cn/p?ADID=3", "http://a.cn/新闻?ad_id=3", "http://googleadſ.cn/", "http://a.cn/2026/1125/1.html",
    ]
    for href in hrefs:
        matches = [m[0] for m in AD_URL_LOWER.finditer(href.lower())]
        assert all(any(word in match for word in AD_URL_WORDS) for match in matches), href
        plain = AD_URL_LOWER.search(href.lower()) if href.isascii() else AD_URL.search(href)
        assert _ad_url_in(href) == bool(plain), href
    lines = "\n".join(hrefs)
    assert _ad_url_in(lines) == any(_ad_url_in(href) for href in hrefs)


def test_picks_without_ads_are_those_that_are_no_ad():
    labelled = (
        '<li><a href="/xwzx/2026/1125/91.html">城东新盘开盘在即 首付十五万起</a><em>推广</em></li>'
        '<li><a href="/xwzx/2026/1125/92.html">Read about the new road to the county seat</a><em>ad</em></li>'
        '<li><a href="/xwzx/2026/1125/93.html">Read about the old road to the county seat</a></li>'
    )
    clicked = '<li><a href="https://www.baidu.com/baidu.php?url=a1">青溪县最好的装修公司在这里</a></li>'
    pages = [listing._root(case.html) for case in FIXTURES]
    pages += [Selector(text=f"<ul>{labelled}</ul>").root, Selector(text=f"<ul>{labelled}{clicked}</ul>").root]
    for root in pages:
        page = ListingPage(root, "http://www.qx.cn/")
        groups, links_of = _link_groups(page)
        picks = [
            (index, entry) for members in groups.values() for entry in members for index in links_of[entry]
        ]
        assert without_ads(page, picks) == [(i, entry) for i, entry in picks if not _is_ad(page, entry, i)]


def test_ancestors_tags_kinds_and_texts_read_together_are_those_read_one_by_one():
    for case_id, page, groups, links_of in pages_with_lists():
        for (container, _), members in groups.items():
            assert page.tags_above(container) == tuple(ancestor.tag for ancestor in container.iterancestors())
            assert page.texts(members) == [page.text(entry) for entry in members], case_id
            indexes = [index for entry in members for index in links_of[entry]]
            assert page.kinds(indexes) == [page.kind(index) for index in indexes], case_id


def element_classes(root) -> dict:
    """``{path: class}`` of every node of the page, for objects made now."""
    tree = root.getroottree()
    return {tree.getpath(node): type(node) for node in root.iter()}


FORM_PAGE = (
    "<html><head><title>t</title></head><body><!-- menu --><?php echo 1 ?><form action='/s'><label>搜</label>"
    "<input name='q'><select><option>1</option></select><textarea></textarea></form><ul><li><a href='/a/1.html'>"
    "青溪县召开冬季安全生产工作部署会议</a></li><li><a href='/a/2.html'>青溪县新闻第二条新闻标题</a></li></ul></body></html>"
)


def test_elements_get_the_classes_of_lxml_html_while_their_classes_are_looked_up_in_c():
    page = Selector(text=FORM_PAGE)
    root = page.root
    outside = element_classes(root)
    assert lxml.html.FormElement in outside.values() and lxml.html.HtmlComment in outside.values()
    with classes_looked_up_in_c(root):
        assert element_classes(root) == outside  # (no element object outlived element_classes: all made anew)
    assert element_classes(root) == outside
    with pytest.raises(ZeroDivisionError), classes_looked_up_in_c(root):
        1 / 0
    assert element_classes(root) == outside
    assert read_listing(page, "http://www.qx.cn/").next_page is None
    assert element_classes(root) == outside


def test_a_page_of_a_shared_parser_keeps_its_lookup():
    root = lxml.html.fromstring(FORM_PAGE)  # lxml.html's module parser: other pages may be read with it meanwhile
    with classes_looked_up_in_c(root):
        assert type(lxml.html.fromstring("<form></form>")) is lxml.html.FormElement
        assert element_classes(root) == element_classes(lxml.html.fromstring(FORM_PAGE))


def test_a_page_whose_parser_gives_other_classes_keeps_its_lookup():
    mixin = type("Mixin", (), {})
    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(lxml.html.HtmlElementClassLookup(mixins=[("html", mixin), ("a", mixin)]))
    root = lxml.html.fromstring(FORM_PAGE, parser=parser)
    mixed = element_classes(root)
    assert issubclass(mixed["/html"], mixin) and issubclass(mixed["/html/body/ul/li[1]/a"], mixin)
    read_listing(root, "http://www.qx.cn/")
    assert element_classes(root) == mixed
