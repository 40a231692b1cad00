import pytest
from parsel import Selector

from crawler.extract.pagination import find_next_page

LIST = "http://127.0.0.1:8355/xwzx/qxyw/index_1.html"


def next_of(html: str, url: str = LIST):
    return find_next_page(Selector(text=f"<html><body>{html}</body></html>"), url)


def test_rel_next_link():
    assert next_of('<link rel="next" href="/xwzx/qxyw/index_2.html">') == "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"


@pytest.mark.parametrize("label", ["下一页", "下页", " 下一页 ", "Next", "»", "&gt;", "下一页&gt;&gt;"])
def test_next_link_text(label):
    html = f'<div class="pager"><a href="index.html">上一页</a><a href="index_2.html">{label}</a></div>'
    assert next_of(html) == "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"


def test_javascript_and_anchor_links_are_not_followed():
    assert next_of('<a href="javascript:void(0)">下一页</a><a href="#">下一页</a>') is None


@pytest.mark.parametrize(
    ("current", "expected"),
    [(0, "http://127.0.0.1:8355/xwzx/qxyw/index_1.html"), (1, "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"), (2, None)],
)
def test_trs_create_page_html(current, expected):
    script = f'<script type="text/javascript">createPageHTML(3, {current}, "index", "html");</script>'
    assert next_of(script) == expected


def test_no_pager_means_last_page():
    assert next_of('<ul class="news-list"><li><a href="a.html">新闻</a></li></ul>') is None


def test_trs_pager_with_variables():
    script = '<script>var currentPage = 1;\nvar countPage = 8\ncreatePageHTML(countPage, currentPage, "index", "shtml");</script>'
    assert next_of(script) == "http://127.0.0.1:8355/xwzx/qxyw/index_2.shtml"


def test_rel_next_among_other_rel_words_and_base_href():
    html = '<html><head><base href="https://www.qxnews.cn/list/"></head><body><a rel="nofollow next" href="p3.html">后面</a>'
    assert find_next_page(Selector(text=html), "https://qxnews.cn/list/p2.html") == "https://www.qxnews.cn/list/p3.html"


def test_digital_paper_next_edition():
    assert next_of('<a href="node_1.htm">上一版</a><a href="node_3.htm">下一版</a>', "http://e.cn/html/2026-11/25/node_2.htm") == (
        "http://e.cn/html/2026-11/25/node_3.htm"
    )


@pytest.mark.parametrize(
    "pager",
    [
        '<a href="list.php?page=3">下一页</a><a href="#page=3">下一页</a>',
        '<div class="pages"><a href="list.php?page=1">1</a><span class="current">2</span><a href="list.php?page=3">3</a></div>',
        '<ul class="pagelist"><li><a href="list.php?page=1">1</a></li><li class="thisclass">2</li><li><a href="list.php?page=3">3</a></li></ul>',
        '<div class="pg"><a href="list.php?page=1">1</a><strong>2</strong><a href="list.php?page=3">3</a><a href="list.php?page=3">»</a></div>',
    ],
)
def test_numbered_pagers(pager):
    assert next_of(pager, "http://www.qx.cn/news/list.php?page=2") == "http://www.qx.cn/news/list.php?page=3"


def test_an_arrow_outside_a_pager_is_a_more_link():
    html = '<div class="box"><h3>乡镇动态</h3><a href="/xzdt/">&gt;&gt;</a></div>'
    assert next_of(html) is None


def test_a_calendar_is_not_a_pager():
    days = "".join(f'<li><a href="http://post.qx.cn/archive/2026-11/{d:02d}.html">{d}</a></li>' for d in range(1, 8))
    html = f'<ul class="calendar">{days.replace("<li><a", "<li><a class=current", 1)}</ul>'
    assert next_of(html, "http://www.qx.cn/rank/") is None


@pytest.mark.parametrize(
    "last_page",
    [
        '<a href="javascript:void(0);" onclick="toPage(2)">下一页</a><a href="list_2.htm">2</a>',  # script-only control
        '<a href="#page=2">下一页</a>',  # a pager run by script on the same page
        f'<a href="{LIST}">下一页</a>',  # the last page links itself
        '<div class="pages"><a href="list.php?page=1">1</a><a href="list.php?page=2">2</a><span class="current">3</span></div>',
    ],
)
def test_last_pages(last_page):
    assert next_of(last_page) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.qxx.gov.cn/col/col1229/index.html", "http://www.qxx.gov.cn/col/col1229/index.html?uid=4012&pageNum=2"),
        ("http://www.qxx.gov.cn/col/col1229/index.html?uid=4012&pageNum=5", "http://www.qxx.gov.cn/col/col1229/index.html?uid=4012&pageNum=6"),
        ("http://www.qxx.gov.cn/col/col1229/index.html?uid=4012&pageNum=6", None),
    ],
)
def test_hanweb_jpage(url, expected):
    script = "<script>$('#4012').jpage({ perPage: 15, totalRecord: 86, ajaxParam: { columnid: 1229, unitid: '4012' } });</script>"
    assert next_of(script, url) == expected


def test_a_picture_button():
    html = '<div class="page"><a href="index_1.html"><img src="/images/prev.gif" alt="上一页"></a><a href="index_3.html"><img src="/images/next.gif" alt="下一页"></a></div>'
    assert next_of(html, "http://127.0.0.1:8355/xwzx/qxyw/index_2.html") == "http://127.0.0.1:8355/xwzx/qxyw/index_3.html"


@pytest.mark.parametrize("label", ["下一頁", "下頁", "Next →", "Next Page »"])
def test_traditional_and_english_labels(label):
    assert next_of(f'<div class="pages"><a href="index_2.html">{label}</a></div>') == "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"


def test_a_load_more_link_counts_only_inside_a_pager_and_on_the_same_list():
    pager = '<div class="pagination"><a href="index_2.html">加载更多</a></div>'
    assert next_of(pager) == "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"
    assert next_of('<div class="pagination"><a href="/zt/2026/">加载更多</a></div>') is None


@pytest.mark.parametrize(
    "label",
    [
        "Nächste Seite »", "nächste", "Ältere Beiträge", "Suivant ›", "Page suivante", "Siguiente »", "Página siguiente",
        "Próxima página", "Seguinte", "Successiva", "Volgende pagina", "Następna strona", "Следующая", "次へ",
        "次のページ", "다음 페이지",
    ],
)
def test_next_page_words_of_other_languages_anywhere(label):
    html = f'<p class="teaser"><a href="index_2.html">{label}</a></p>'
    assert next_of(html) == "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"


@pytest.mark.parametrize("label", ["Weiter »", "weiter", "Avanti", "Далее →"])
def test_a_word_that_also_means_read_on_is_a_next_page_only_in_a_pager(label):
    assert next_of(f'<div class="blaettern"><a href="index_2.html">{label}</a></div>') == (
        "http://127.0.0.1:8355/xwzx/qxyw/index_2.html"
    )
    assert next_of(f'<p class="teaser">Der Kreistag tagt. <a href="index_2.html">{label}</a></p>') is None


@pytest.mark.parametrize("label", ["weiterlesen", "Nächstes Jahr", "Suivre", "Siguientes pasos"])
def test_other_words_are_no_next_page(label):
    assert next_of(f'<p><a href="index_2.html">{label}</a></p>') is None
