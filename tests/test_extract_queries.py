from lxml import html

from crawler.extract.queries import compiled, find, node_text

PAGE = html.fromstring(
    '<html><body><h1 class="article-title big">青溪 <b>要闻</b></h1><a class="next" href="list_2.htm">下一页</a>'
    '<p id="t20261125">x</p></body></html>'
)


def test_css_with_text_and_attributes():
    assert [node_text(n) for n in find(PAGE, "h1.article-title")] == ["青溪 要闻"]
    assert find(PAGE, "h1.article-title::text") == ["青溪 "]
    assert find(PAGE, "a.next::attr(href)") == ["list_2.htm"]
    assert find(PAGE, "h2.subtitle") == []


def test_xpath_and_exslt_regular_expressions():
    assert find(PAGE, "//a[@class='next']/text()") == ["下一页"]
    assert [p.get("id") for p in find(PAGE, "//p[re:test(@id, '^t\\d{8}$')]")] == ["t20261125"]


def test_queries_are_compiled_once():
    assert compiled("h1.article-title") is compiled("h1.article-title")
