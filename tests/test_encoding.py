from scrapy.http import HtmlResponse, Request

from crawler.extract.encoding import canonical_charset, choose_encoding
from crawler.middlewares import CharsetFixMiddleware

from conftest import project_crawler

TEXT = "朱镕基视察青溪县，喆宇参加座谈。"  # 镕 and 喆 are in GBK but not in GB2312


def page(charset_meta: str, text: str = TEXT) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset_meta}"></head><body><p>{text}</p></body></html>'


def test_gb_family_is_read_as_gb18030():
    assert canonical_charset("GB2312") == canonical_charset("gbk") == canonical_charset("x-gbk") == "gb18030"
    assert canonical_charset("utf8") == "utf-8"
    assert canonical_charset("no-such-charset") is None


def test_gbk_page_with_wrong_utf8_header_is_read_by_its_meta():
    body = page("gb2312").encode("gbk")
    assert choose_encoding(body, "utf-8") == "gb18030"
    assert TEXT in body.decode(choose_encoding(body, "utf-8"))


def test_utf8_page_whose_meta_says_gb2312_is_utf8():
    body = page("gb2312").encode("utf-8")
    assert choose_encoding(body, None) == "utf-8"
    assert choose_encoding(body, "gbk") == "utf-8"


def test_gbk_page_without_any_declaration_is_sniffed():
    body = f"<html><body><p>{TEXT}</p></body></html>".encode("gbk")
    assert choose_encoding(body, None) == "gb18030"


def test_bom_wins():
    body = "\ufeff".encode("utf-8") + page("gbk").encode("utf-8")
    assert choose_encoding(body, "gbk") == "utf-8"


def test_ascii_page_keeps_its_declared_charset():
    assert choose_encoding(page("iso-8859-1", "plain").encode("ascii"), "iso-8859-1") == "cp1252"


def test_middleware_redecodes_a_mislabelled_page(tmp_path):
    crawler = project_crawler(tmp_path)
    middleware = CharsetFixMiddleware.from_crawler(crawler)
    url = "http://127.0.0.1/msgz/list_1.htm"
    response = HtmlResponse(url, body=page("gb2312").encode("gbk"), headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(url))
    assert TEXT not in response.text
    fixed = middleware.process_response(response.request, response)
    assert fixed.encoding == "gb18030"
    assert TEXT in fixed.css("p::text").get()
    assert crawler.stats.get_value("news/charset_fixed/utf-8->gb18030") == 1


def test_middleware_leaves_a_right_page_alone(tmp_path):
    middleware = CharsetFixMiddleware.from_crawler(project_crawler(tmp_path))
    url = "http://127.0.0.1/a.html"
    response = HtmlResponse(url, body=page("utf-8").encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(url))
    assert middleware.process_response(response.request, response) is response
