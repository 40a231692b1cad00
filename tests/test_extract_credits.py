"""Credits read around the article text (info line, class names, accounts, lines after the text, metadata) and
Latin-script bylines. Pages written for these tests, modelled on portals, self-media platforms and blogs."""

from crawler.extract.article import extract_article
from crawler.extract.latin_bylines import latin_names

URL = "https://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10234.html"
TEXT = (
    "<p>11月25日，记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个，有效缓解了城区入学难的问题。</p>"
    "<p>县教育局负责人介绍，新学校全部按照省标准化学校要求建设，配备了功能教室、图书馆和塑胶运动场。</p>"
)
TITLE = "青溪县今年新增学位3000个"


def article(info: str, *, text: str = TEXT, after: str = "", head: str = "", title: str = TITLE) -> dict:
    html = (f"<html><head><meta charset='utf-8'><title>{title}_青溪新闻网</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>首页</a></div><h1>{title}</h1>{info}"
            f"<div class='article-content'>{text}</div>{after}</body></html>")
    return extract_article(html, URL)


def credits(found: dict) -> tuple:
    return found.get("authors"), found.get("editors"), found.get("source")


def test_a_label_in_one_element_and_its_value_in_the_next():
    found = article("<div class='info'>2019-09-07 13:43:45 来源: <a href='/s'>证券市场红周刊</a> <a>举报</a> "
                    "<span>作者</span><span>魏星</span></div>")
    assert credits(found) == (["魏星"], None, "证券市场红周刊")
    assert found["extracted_by"]["source"] == "generic"


def test_elements_named_for_their_role():
    found = article("<div class='date-source'><span class='date'>2019年11月25日 18:57</span>"
                    "<a class='source'>参考消息</a></div><span id='editor_baidu'>责任编辑：张迪</span>")
    assert credits(found) == (None, ["张迪"], "参考消息")


def test_a_self_media_account_is_the_author_unless_someone_else_is():
    account = "<div class='author-box'><p class='author-name'>加拿大必读</p><span class='date'>发布时间：10-08 12:00</span></div>"
    assert credits(article(account)) == (["加拿大必读"], None, None)
    signed = TEXT + "<p>扬子晚报记者 张楠</p>"
    assert credits(article(account, text=signed)) == (["张楠"], None, "加拿大必读")


def test_an_account_next_to_the_date_or_a_follow_button():
    assert credits(article("<div><span>中国网</span> <span>2019-11-25 10:37:31</span></div>")) == (None, None, "中国网")
    assert credits(article("<div><span>华夏人文</span> <span>2020-03-09 18:14:21</span></div>")) == (["华夏人文"], None, None)
    assert credits(article("<div><span>去驴行</span><span>关注</span></div>")) == (["去驴行"], None, None)
    # the site itself, named next to the date, is the source
    assert credits(article("<p>2019-09-05 11:10 青溪新闻网</p>"))[2] == "青溪新闻网"
    # font-size buttons next to the date are no account
    assert credits(article("<div>2019年11月25日 18:57 <a>缩小字体</a> <a>放大字体</a></div>")) == (None, None, None)


def test_a_name_a_slash_and_an_outlet():
    assert credits(article("<p>石佳/中国青年报</p><p>2019-09-24 09:10</p>")) == (["石佳"], None, "中国青年报")


def test_credit_lines_right_after_the_text():
    found = article("<p>2019-12-10 07:57:40</p>",
                    after="<div class='tools'><a>【纠错】</a> 责任编辑： 尹世杰</div><ul class='hot'><li>热点</li></ul>")
    assert found["editors"] == ["尹世杰"]


def test_the_page_s_metadata_only_when_the_page_gives_no_credit():
    meta = "<meta name='author' content='网易'><meta name='source' content='来源：县教育局'>"
    found = article("<p>2019-09-07 13:43</p>", head=meta, title="青溪县今年新增学位3000个_网易新闻")
    assert credits(found) == (None, None, "县教育局")  # 网易 is the site, not an author
    assert found["extracted_by"]["source"] == "metadata"
    assert credits(article("<p>来源：青溪日报</p>", head=meta))[2] == "青溪日报"  # the page's own line first
    numeric = "<meta name='author' content='1464'>"
    assert credits(article("<p>2019-09-07</p>", head=numeric))[0] is None
    email = "<meta name='author' content='name, email@gmail.com'>"
    assert credits(article("<p>2019-09-07</p>", head=email))[0] is None
    hidden = "<meta name='author' content='马娟'>"  # not shown on the page: the uploader
    assert credits(article("<p>2019-09-07</p>", head=hidden))[0] is None
    shown = "<meta name='author' content='王芳'>"
    assert credits(article("<p>2019-09-07 作者 王芳</p>", head=shown))[0] == ["王芳"]


def test_a_wire_dateline_gives_the_source_when_nothing_else_does():
    text = "<p>新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工，首都巴黎交通几乎完全瘫痪。</p>" + TEXT
    assert credits(article("<p>2019-12-10 07:57:40</p>", text=text)) == (["唐霁"], None, "新华社")
    assert credits(article("<p>2019-12-10 07:57:40 来源：新华网</p>", text=text)) == (["唐霁"], None, "新华网")


def test_latin_bylines():
    assert latin_names("Von Heike Buchter | 12. Mai 2020") == ["Heike Buchter"]
    assert latin_names("By Jane Roe and John Smith") == ["Jane Roe", "John Smith"]
    assert latin_names("Richard David Precht, Karin Fischer") == ["Richard David Precht", "Karin Fischer"]
    assert latin_names("T. V. Raman") == ["T. V. Raman"] and latin_names("Marine Le Pen") == ["Marine Le Pen"]
    assert latin_names("kingname") == ["kingname"]
    assert latin_names("Posted by admin on 12 May") == [] and latin_names("Das ist ein Satz.") == []


def test_authors_of_a_page_in_latin_script():
    text = ("<p>The county's flood season ended two weeks early this year, the water bureau said on Tuesday.</p>"
            "<p>Reservoir levels stayed below the warning line throughout the summer months, officials added.</p>")
    byline = "<div class='byline'>By <a rel='author'>Jane Roe</a> and John Smith | May 9, 2024</div>"
    found = article(byline, text=text, title="Flood season ends early")
    assert found["authors"] == ["Jane Roe", "John Smith"]
    meta = "<meta name='author' content='Heike Buchter'>"
    found = article(byline, text=text, head=meta, title="Flood season ends early")
    assert found["authors"] == ["Heike Buchter"] and found["extracted_by"]["authors"] == "metadata"
    assert article("<p>By Sarah Yang</p>", text=text, title="Flood season ends early")["authors"] == ["Sarah Yang"]
