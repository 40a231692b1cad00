import pytest
from parsel import Selector

from crawler.extract.listing import find_next_page

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
