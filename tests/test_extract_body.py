"""The body: what stays, what goes to the credits or the images, what is dropped. Pages written for these tests."""

from parsel import Selector

from crawler.extract.article import extract_article
from crawler.extract.body import extract_body, is_info_line
from crawler.extract.boilerplate import is_boilerplate_line, is_picture_credit, is_prompt_line, is_section_break
from crawler.extract.date_text import is_date_line

URL = "https://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10234.html"
FIRST = "11月25日，记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个，有效缓解了城区入学难的问题，受到家长欢迎。"
SECOND = "县教育局负责人介绍，新学校全部按照省标准化学校要求建设，配备了功能教室、图书馆和塑胶运动场，明年秋季全部投入使用。"
THIRD = "据了解，明年全县还将启动4所学校的建设，预计新增学位2000个，进一步扩大优质教育资源的覆盖面，让更多孩子就近入学。"


def article(content: str, head: str = "<title>青溪县今年新增学位3000个_青溪新闻网</title>", before: str = "") -> dict:
    html = (f"<html><head><meta charset='utf-8'>{head}</head><body>{before}"
            f"<div class='main'><div id='text'>{content}</div></div></body></html>")
    return extract_article(html, URL)


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_the_headline_and_what_comes_before_it_in_the_content_are_not_body():
    found = article(
        "<div class='crumb'>首页 &gt; 青溪要闻</div><h1>青溪县今年新增学位3000个</h1>"
        "<p>2026-11-25 09:32 来源：青溪县融媒体中心 编辑：冯娣</p>" + paragraphs(FIRST, SECOND, THIRD)
    )
    assert found["title"] == "青溪县今年新增学位3000个"
    assert found["body"] == "\n\n".join((FIRST, SECOND, THIRD))
    assert found["source"] == "青溪县融媒体中心" and found["editors"] == ["冯娣"]  # the info line went to the credits


def test_a_section_break_ends_the_body_and_its_links_are_not_text():
    related = "<p>相关阅读</p><ul>" + "".join(f"<li><a href='/a{i}.html'>青溪县召开第{i}次教育大会</a></li>" for i in range(4)) + "</ul>"
    found = article("<h1>青溪县今年新增学位3000个</h1>" + paragraphs(FIRST, SECOND) + related + "<p>责任编辑：王强</p>")
    assert found["body"] == f"{FIRST}\n\n{SECOND}"
    assert found["editors"] == ["王强"]  # credit lines after a break are still read


def test_a_box_of_links_inside_the_text_is_skipped_and_the_text_goes_on():
    box = "<p>Lesen Sie auch:</p><p><a href='/x.html'>Der Bahnhof wird umgebaut</a></p>"
    long = "Die Arbeiten beginnen im Frühjahr und sollen bis zum Ende des kommenden Jahres dauern, sagte der Bürgermeister."
    found = article(
        "<h1>Neue Schule in Qingxi</h1>" + paragraphs(long) + box + paragraphs(long.replace("Frühjahr", "Sommer"),
                                                                                long.replace("Frühjahr", "Herbst")),
        head="<title>Neue Schule in Qingxi</title>",
    )
    assert found["body"].count("Die Arbeiten beginnen") == 3 and "Bahnhof" not in found["body"]


def test_comments_and_a_platform_s_disclaimer_always_end_the_text():
    assert is_section_break("网友评论") and is_section_break("Kommentare:")
    disclaimer = "以上内容（包括图片及视频）为创作者平台用户上传并发布，本平台仅提供信息存储服务"
    found = article("<h1>青溪县今年新增学位3000个</h1>" + paragraphs(FIRST, disclaimer, "不喜欢", "举报", SECOND, THIRD))
    assert found["body"] == FIRST


def test_boilerplate_lines_are_dropped():
    for line in ("扫一扫在手机打开当前页", "分享到：微信 微博", "（原标题：青溪县新增学位）", "标签：教育 学位", "Tags: Schule",
                 "广告 春季招生火热进行中", "1234下一页", "【上一页】【下一页】", "发布于：北京市", "来自甘肃"):
        assert is_boilerplate_line(line), line
    for line in ("Never miss the latest news by signing up to our newsletter today!", "Pour lire la suite",
                 "À lire aussi » Le lycée ouvre", "teilen twittern E-Mail", "Rezept drucken Bei Pinterest speichern"):
        assert is_prompt_line(line), line
    for line in (FIRST, "上一页的内容很长很长，这是一句正文。", "Das ist ein Artikel über Facebook."):
        assert not is_boilerplate_line(line) and not is_prompt_line(line), line
    found = article("<h1>青溪县今年新增学位3000个</h1>" + paragraphs(
        "（原标题：青溪县新增学位）", FIRST, "扫一扫在手机打开当前页", "Never miss the latest news by signing up today!"
    ))
    assert found["body"] == FIRST


def test_photo_captions_and_picture_credits_go_to_the_images():
    assert is_picture_credit("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO")
    assert is_picture_credit("Photograph by Ed Marshall") and not is_picture_credit(FIRST)
    found = article(
        "<h1>青溪县今年新增学位3000个</h1>" + paragraphs(FIRST)
        + "<p style='text-align:center'><img src='/u/a.jpg'></p><p style='text-align:center'>新建成的实验小学。记者 梁臻 摄</p>"
        + "<p><img src='/u/b.jpg'></p><p>教室一角 © 青溪县融媒体中心</p>" + paragraphs(SECOND)
    )
    assert found["body"] == f"{FIRST}\n\n{SECOND}"
    assert found["images"] == [
        {"url": "https://www.qxnews.cn/u/a.jpg", "caption": "新建成的实验小学。记者 梁臻 摄"},
        {"url": "https://www.qxnews.cn/u/b.jpg", "caption": "教室一角 © 青溪县融媒体中心"},
    ]
    assert found["photographers"] == ["梁臻"]


def test_a_credit_in_brackets_closing_the_text_is_read_and_the_paragraph_stays():
    last = "目前，各项工作正在有序推进。（记者 谢婷 通讯员 李明）"
    found = article("<h1>青溪县今年新增学位3000个</h1>" + paragraphs(FIRST, SECOND, last))
    assert found["body"].endswith(last)
    assert found["authors"] == ["谢婷", "李明"]
    found = article("<h1>青溪县今年新增学位3000个</h1>" + paragraphs(FIRST, SECOND + "(张巨峰)"))
    assert found["authors"] == ["张巨峰"]


def test_date_lines_link_lines_and_by_lines_are_not_text():
    assert is_date_line("Publiziert: 03.04.2020, 12:35") and is_date_line("11 Jan 2019") and is_date_line("发布时间：2019-05-18")
    assert not is_date_line("Am 3. Mai 2020 wurde das Gesetz verabschiedet.")
    long = "The county's flood season ended two weeks early this year, the water bureau said on Tuesday afternoon."
    found = article(
        "<h1>Flood season ends early</h1><p>By Jane Roe</p>" + paragraphs(long, "Publiziert: 03.04.2020, 12:35")
        + "<p><a href='/other.html'>Another story about the river level</a></p>" + paragraphs(long.replace("two", "three")),
        head="<title>Flood season ends early</title>",
    )
    assert found["body"] == f"{long}\n\n{long.replace('two', 'three')}"
    assert found["authors"] == ["Jane Roe"]


def test_short_lines_around_the_text_are_trimmed_on_generic_pages_only():
    long = "Die Arbeiten beginnen im Frühjahr und sollen bis zum Ende des kommenden Jahres dauern, sagte der Bürgermeister."
    content = ("<p>Schulen</p>" + paragraphs(long, long.replace("Frühjahr", "Herbst"))
               + "<p><a href='/'>Zurück zur Startseite</a></p><p>Autoren:</p>")
    found = article("<h1>Neue Schule</h1>" + content, head="<title>Neue Schule</title>")
    assert found["body"] == f"{long}\n\n{long.replace('Frühjahr', 'Herbst')}"
    selected = extract_body(Selector(text=f"<div id='text'>{paragraphs('Schulen', long)}</div>").css("#text")[0], URL)
    assert selected.paragraphs == ["Schulen", long]  # a site's selector decides what its body is


def test_the_standfirst_opens_the_body_and_a_subtitle_is_the_subtitle():
    long = "Die Arbeiten beginnen im Frühjahr und sollen bis zum Ende des kommenden Jahres dauern, sagte der Bürgermeister."
    html = ("<html><head><title>Neue Schule in Qingxi</title></head><body><header><h1>Neue Schule in Qingxi</h1>"
            "<h2>Der Bau beginnt im März</h2><p>Qingxi baut eine neue Schule für sechshundert Kinder, die im Herbst öffnet.</p>"
            f"</header><div class='text'>{paragraphs(long, long)}</div></body></html>")
    found = extract_article(html, URL)
    assert found["subtitle"] == "Der Bau beginnt im März"
    assert found["body"].startswith("Qingxi baut eine neue Schule für sechshundert Kinder, die im Herbst öffnet.\n\n")


def test_info_lines():
    assert is_info_line("2020-10-04 20:30 来源: 长江网 调整字体")
    assert is_info_line("发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 作者魏星")
    assert not is_info_line(FIRST)
