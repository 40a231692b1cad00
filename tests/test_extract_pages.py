"""Multi-page articles: the link to the next page, on pagers written for these tests."""

from crawler.extract.article import extract_article, parse_page
from crawler.extract.pages import next_page_url

TEXT = "<p>郑板桥一生爱兰，画兰无数。女儿出嫁时，他画了几笔兰花当作嫁妆，传为佳话，至今为人称道。</p>" * 3


def next_page(content_and_after: str, url: str) -> str | None:
    root = parse_page(f"<html><body><div id='c'>{content_and_after}</div></body></html>").root
    (content,) = root.xpath("//div[@id='c']")
    return next_page_url(content, url)


def test_numbered_pages_of_the_same_article():
    url = "http://culture.example.cn/n1/2019/0615/c1013-31140123.html"
    pager = "<p>【1】<a href='/n1/2019/0615/c1013-31140123-2.html'>【2】</a><a href='/n1/2019/0615/c1013-31140123-3.html'>【3】</a></p>"
    assert next_page(TEXT + pager, url) == "http://culture.example.cn/n1/2019/0615/c1013-31140123-2.html"
    # on page 2, the next one is 3
    assert next_page(TEXT + pager, url.replace(".html", "-2.html")) == url.replace(".html", "-3.html")


def test_next_page_words_and_the_rest_of_the_article():
    url = "https://www.example.cn/politics/2019_09_07_516432.shtml"
    assert next_page(TEXT + "<div class='pages'><a href='2019_09_07_516432_2.shtml'>下一页</a></div>", url) == (
        "https://www.example.cn/politics/2019_09_07_516432_2.shtml"
    )
    assert next_page(TEXT + "<a href='2019_09_07_516432_s.shtml'>余下全文</a>", url) == (
        "https://www.example.cn/politics/2019_09_07_516432_s.shtml"
    )
    assert next_page(TEXT + "<a href='?page=2'>Next page ›</a>", "https://news.example.com/story/123") == (
        "https://news.example.com/story/123?page=2"
    )


def test_links_that_are_not_the_next_page():
    url = "https://www.example.cn/xw/2026/1125/t20261125_10234.html"
    other_article = "<a href='/xw/2026/1125/t20261125_10240.html'>下一页</a>"  # another article in the folder
    assert next_page(TEXT + other_article, url) is None
    assert next_page(TEXT + "<a href='javascript:void(0)'>下一页</a><a href='#top'>2</a>", url) is None
    assert next_page(TEXT, url) is None
    assert next_page(TEXT + "<a href='t20261125_10234_2.html'>下一页</a>", None) is None


def test_extract_article_notes_the_next_page():
    url = "https://www.example.cn/xw/2026/1125/t20261125_10234.html"
    html = ("<html><head><title>郑板桥嫁女_青溪新闻网</title></head><body><h1>郑板桥嫁女</h1>"
            f"<div class='text'>{TEXT}<div class='page'>1 <a href='t20261125_10234_2.html'>2</a> "
            "<a href='t20261125_10234_2.html'>下一页</a></div></div></body></html>")
    found = extract_article(html, url)
    assert found["next_page_url"] == "https://www.example.cn/xw/2026/1125/t20261125_10234_2.html"
    assert "next_page_url" not in extract_article(html.replace("下一页", "").replace(">2<", "><"), url)
