"""Article extraction on pages written for these tests, modelled on county portals."""

from datetime import datetime, timezone

from parsel import Selector

from crawler.extract.article import ArticleExtractor, extract_article
from crawler.extract.body import extract_body

URL = "https://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10234.html"
FETCHED = datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc)

COUNTY_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>青溪县今年新增学位3000个_青溪新闻网</title>
<meta name="keywords" content="教育,学位, 民生">
<meta name="description" content="青溪县今年新建改扩建学校6所。">
<meta name="author" content="1464">
<link rel="canonical" href="/xwzx/qxyw/202611/t20261125_10234.html">
</head><body>
<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a></div>
<div class="crumb">您当前的位置：首页 &gt; 青溪要闻 &gt; 正文</div>
<h1 class="title">青溪县今年新增<br>
学位3000个</h1>
<div class="info"><span>2026-11-25 09:32:10</span> <span>来源：青溪县融媒体中心</span>
<span>记者 王芳 通讯员 李明</span> <span>字号：[大 中 小]</span></div>
<div class="share">分享到：微信 微博</div>
<div id="zoom" class="TRS_Editor">
<p>青溪讯（记者 王芳 通讯员 李明）11月25日，记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个。</p>
<figure><img src="/uploads/2026/11/school.jpg" alt=""><figcaption>新建成的青溪实验小学。记者 梁臻 摄</figcaption></figure>
<p>县教育局负责人介绍，新学校全部按照省标准化学校要求建设，配备了功能教室和运动场。</p>
<p style="text-align:center"><img data-src="/uploads/2026/11/class.jpg" src="/images/loading.gif"></p>
<p style="text-align:center">孩子们在新教室上课。全媒体记者 赵雷 摄</p>
<p>&nbsp;</p>
<p>扫一扫在手机打开当前页</p>
<p>编辑：冯娣　责任编辑：王强</p>
<p>审核：陈刚</p>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a.html">青溪县召开教育大会</a><span>2026-11-20 10:20</span></li></ul></div>
<div class="footer">版权所有 © 2026 青溪县融媒体中心 浙ICP备12345678号</div>
</body></html>"""


def test_generic_extraction_reads_a_county_page():
    article = extract_article(COUNTY_PAGE.encode("utf-8"), URL, fetched_at=FETCHED)
    assert article["title"] == "青溪县今年新增学位3000个"
    assert article["published_raw"] == "2026-11-25 09:32:10"
    assert article["published_at"] == "2026-11-25T09:32:10+08:00"
    assert article["authors"] == ["王芳", "李明"]
    assert article["photographers"] == ["梁臻", "赵雷"]
    assert article["editors"] == ["冯娣", "王强"]
    assert article["source"] == "青溪县融媒体中心"
    assert article["tags"] == ["教育", "学位", "民生"]
    assert article["summary"] == "青溪县今年新建改扩建学校6所。"
    assert article["canonical_url"] == URL
    assert article["body"] == (
        "青溪讯（记者 王芳 通讯员 李明）11月25日，记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个。\n\n"
        "县教育局负责人介绍，新学校全部按照省标准化学校要求建设，配备了功能教室和运动场。"
    )
    assert article["images"] == [
        {"url": "https://www.qxnews.cn/uploads/2026/11/school.jpg", "caption": "新建成的青溪实验小学。记者 梁臻 摄"},
        {"url": "https://www.qxnews.cn/uploads/2026/11/class.jpg", "caption": "孩子们在新教室上课。全媒体记者 赵雷 摄"},
    ]
    assert article["extracted_by"]["title"] == "generic"
    assert article["extracted_by"]["tags"] == "metadata"
    assert article["extracted_by"]["body"] == "generic"
    assert "authors" not in article["extracted_by"] or article["extracted_by"]["authors"] == "generic"


def test_source_credit_line_inside_the_body():
    html = COUNTY_PAGE.replace("<span>来源：青溪县融媒体中心</span>", "").replace("<p>审核：陈刚</p>", "<p>来源：江南日报</p>")
    article = extract_article(html, URL, fetched_at=FETCHED)
    assert article["source"] == "江南日报"
    assert "江南日报" not in article["body"]


def test_numeric_meta_author_is_not_a_name():
    article = extract_article(COUNTY_PAGE, URL, fetched_at=FETCHED)
    assert "1464" not in article["authors"]


def test_site_selectors_win_and_are_recorded():
    extractor = ArticleExtractor({
        "title": "h1.title",
        "published": ".info span:first-child::text",
        "byline": ".info span:nth-child(3)::text",
        "body": "#zoom",
        "section": "//div[@class='crumb']/text()",
    })
    fields, rules = extractor.extract(Selector(text=COUNTY_PAGE), URL)
    assert fields["title"] == "青溪县今年新增 学位3000个"  # selector text as found; the clean pipeline keeps it
    assert rules["title"] == rules["published_raw"] == rules["body"] == rules["authors"] == "selector"
    assert fields["authors"] == ["王芳", "李明"]
    assert fields["editors"] == ["冯娣", "王强"]  # credit lines inside the content the body selector found
    assert fields["source"] == "青溪县融媒体中心" and rules["source"] == "generic"  # info line, no selector for it
    assert rules["summary"] == "metadata"


def test_body_drop_selector_removes_parts():
    content = Selector(text=COUNTY_PAGE).css("#zoom")[0]
    body = extract_body(content, URL, drop=["figure", "p:nth-child(2)"])
    assert [image["url"] for image in body.images] == ["https://www.qxnews.cn/uploads/2026/11/class.jpg"]
    assert "梁臻" not in body.byline.photographers


def test_json_ld_and_open_graph_are_used_when_the_page_has_them():
    html = """<html><head>
    <meta property="og:title" content="Flood season ends early - Riverside Daily">
    <meta property="article:published_time" content="2024-03-05T11:19:01.183Z">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"Flood season ends early","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"Riverside Daily"}],
      "datePublished":"2024-03-05T11:19:01.183Z","keywords":["flood","weather"],"inLanguage":"en"}</script>
    </head><body><h1>Flood season ends early</h1><article>
    <p>The county's flood season ended two weeks early this year, the water bureau said on Tuesday.</p>
    <p>Reservoir levels stayed below the warning line throughout the summer months.</p></article></body></html>"""
    article = extract_article(html, "https://riverside.example.com/news/2024/03/05/flood.html", fetched_at=FETCHED)
    assert article["title"] == "Flood season ends early"
    assert article["authors"] == ["Jane Roe"]
    assert article["published_at"] == "2024-03-05T19:19:01.183+08:00"
    assert article["tags"] == ["flood", "weather"]
    assert article["language"] == "en"
    assert article["extracted_by"]["published_raw"] == "metadata"
    assert article["body"].startswith("The county's flood season ended two weeks early")


def test_gbk_bytes_are_decoded():
    html = COUNTY_PAGE.replace('charset="utf-8"', 'charset="gb2312"').replace("王芳", "王喆")
    article = extract_article(html.encode("gb18030"), URL, fetched_at=FETCHED)
    assert article["authors"] == ["王喆", "李明"]




def test_bytes_are_decoded_whatever_the_page_declares():
    utf8_declared_gb2312 = COUNTY_PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("utf-8")
    assert extract_article(utf8_declared_gb2312, URL, fetched_at=FETCHED)["title"] == "青溪县今年新增学位3000个"
    with_bom = b"\xef\xbb\xbf" + COUNTY_PAGE.replace('<meta charset="utf-8">', "").encode("utf-8")
    assert extract_article(with_bom, URL, fetched_at=FETCHED)["authors"] == ["王芳", "李明"]
    gbk_rare = COUNTY_PAGE.replace("王芳", "王喆").replace('charset="utf-8"', 'charset="gbk"').encode("gb18030")
    assert extract_article(gbk_rare, URL, fetched_at=FETCHED)["authors"] == ["王喆", "李明"]


def test_the_article_after_a_stray_closing_html_tag_is_still_found():
    # An included header ends with </html>; the article follows it.
    html = (
        "<html><head><meta charset='utf-8'><title>青溪县今年新增学位3000个_青溪新闻网</title></head><body>"
        "<div class='header'><a href='/'>首页</a></div><div class='siteurl' style='display:none'>https://www.qxnews.cn/</div>"
        "</body></html><!--end header--><div class='content'><h1>青溪县今年新增学位3000个</h1>"
        "<div class='text'><p>今年全县新建改扩建学校6所，新增学位3000个，缓解了城区入学压力。</p>"
        "<p>县教育局表示，明年还将新建两所小学。</p></div></div><div class='footer'>版权所有 青溪新闻网</div>"
    )
    article = extract_article(html, URL, fetched_at=FETCHED)
    assert article["title"] == "青溪县今年新增学位3000个"
    assert article["body"] == "今年全县新建改扩建学校6所，新增学位3000个，缓解了城区入学压力。\n\n县教育局表示，明年还将新建两所小学。"


def test_broken_html_and_empty_pages_give_what_they_have():
    empty = extract_article(b"", None, fetched_at=FETCHED)
    assert empty["extracted_by"] == {} and "body" not in empty and empty["published_at"] is None
    assert extract_article("<html><body></body></html>", None, fetched_at=FETCHED)["extracted_by"] == {}
    found = extract_article("<html><body><h1>青溪县今年新增学位3000个<p>今年全县新建改扩建学校6所，新增学位3000个。", URL,
                            fetched_at=FETCHED)
    assert found["body"] == "今年全县新建改扩建学校6所，新增学位3000个。"


def test_urls_urllib_cannot_read_are_left_out_not_fatal():
    # A host opening a bracket it never closes (urllib raises ValueError): in an image, the canonical link and the
    # link to the article's next page.
    bad = "http://[www.qxnews.cn/x"
    page = COUNTY_PAGE.replace('<link rel="canonical" href="/xwzx/qxyw/202611/t20261125_10234.html">',
                               f'<link rel="canonical" href="{bad}/a.html">')
    page = page.replace('<img data-src="/uploads/2026/11/class.jpg"', f'<img data-src="{bad}/class.jpg"')
    assert page.count(bad) == 2
    article = extract_article(page, URL, fetched_at=FETCHED)
    assert article["title"] == "青溪县今年新增学位3000个"
    assert "canonical_url" not in article
    assert article["images"] and all("[" not in image["url"] for image in article["images"])
    split = ("<html><head><title>郑板桥嫁女_青溪新闻网</title></head><body><h1>郑板桥嫁女</h1><div class='text'>"
             + "<p>郑板桥的女儿出嫁时，他只送了一幅画和几句话，乡里传为佳话，至今还在青溪一带流传。</p>" * 4
             + f"<div class='page'>1 <a href='{bad}/t20261125_10234_2.html'>下一页</a></div></div></body></html>")
    found = extract_article(split, "https://www.example.cn/xw/2026/1125/t20261125_10234.html")
    assert found["title"] == "郑板桥嫁女" and "next_page_url" not in found


def test_selectors_win_and_generic_rules_only_fill_what_they_leave_empty():
    extractor = ArticleExtractor({"title": "h1.title", "body": "#zoom", "source": ".info span:nth-child(2)"})
    fields, rules = extractor.extract(Selector(text=COUNTY_PAGE), URL)
    assert fields["title"] == "青溪县今年新增 学位3000个" and rules["title"] == "selector"
    assert rules["body"] == "selector" and fields["body"].startswith("青溪讯（记者 王芳")
    assert fields["source"] == "青溪县融媒体中心" and rules["source"] == "selector"
    # what the selectors leave empty comes from the info line next to the headline
    assert fields["authors"] == ["王芳", "李明"] and fields["editors"] == ["冯娣", "王强"]
    assert "subtitle" not in fields and "next_page_url" not in fields  # generic body rules run on generic bodies only
