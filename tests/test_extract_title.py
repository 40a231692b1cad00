"""The headline as the reader sees it: pages written for these tests, modelled on portals and blogs."""

from crawler.extract.article import extract_article, parse_page
from crawler.extract.title import find_headline, heading_before, heading_text, site_names, title_site_parts

URL = "https://www.qxnews.cn/xwzx/qxyw/202611/t20261125_10234.html"


def page(head: str, body: str) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def headline(html: str, url: str = URL, titles=None):
    sel = parse_page(html)
    page_title = "".join(sel.root.xpath("//head/title//text()"))
    return find_headline(sel.root, titles if titles is not None else [page_title], site_names(url, []))


NAV = "<div class='nav'><h3>新闻</h3><h3>体育</h3><h3>财经</h3></div>"


def test_the_heading_that_the_page_title_confirms_without_the_site_name():
    html = page(
        "<title>青溪县今年新增学位3000个_青溪新闻网</title>",
        NAV + "<h1>青溪县今年新增学位3000个</h1><h3><a href='/b.html'>青溪县召开教育大会</a></h3>",
    )
    found = headline(html)
    assert (found.text, found.rule, found.element.tag) == ("青溪县今年新增学位3000个", "heading", "h1")


def test_the_post_heading_wins_over_a_heading_with_the_site_name():
    html = page(
        "<title>Einen Twitterfeed einbinden – so geht’s! | Bloghaus</title>",
        "<h1>Bloghaus</h1><article><h2>Einen Twitterfeed einbinden – so geht’s!</h2><p>Text.</p></article>",
    )
    assert headline(html, "https://bloghaus.example.org/2320").text == "Einen Twitterfeed einbinden – so geht’s!"


def test_a_heading_that_is_one_part_of_the_page_title_between_separators():
    html = page(
        "<title>新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 ::</title>",
        "<h1>史蒂文的家_藍天</h1><h2>這是我們的共同天地，歡迎光臨，喜歡碧海藍天，喜歡悠閒生活的朋友</h2>"
        "<h2>新竹尖石_美樹營地賞楓 (2)</h2>",
    )
    assert headline(html).text == "新竹尖石_美樹營地賞楓 (2)"


def test_a_og_title_cut_at_a_quote_still_confirms_the_whole_heading():
    # <meta property="og:title" content="…龙湖集团"暗伤"曝露？"> ends at the first quote
    html = page(
        '<title>多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？_网易财经</title>'
        '<meta property="og:title" content="多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？">',
        NAV + '<h1>多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？</h1>',
    )
    sel = parse_page(html)
    og = sel.root.xpath("//meta[@property='og:title']/@content")[0]
    assert og == "多地项目连环爆雷 狂奔的龙湖集团"
    found = find_headline(sel.root, [og], set())
    assert found.text == '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？'  # the space a reader sees stays


def test_a_badge_before_the_title_inside_the_heading_is_not_part_of_it():
    html = page("<title>最不愁吃肉的国家：顿顿有肉吃</title>", "<h2 class='title'><span>原创</span>最不愁吃肉的国家：顿顿有肉吃</h2>")
    assert headline(html).text == "最不愁吃肉的国家：顿顿有肉吃"


def test_a_headline_in_a_plain_element_that_the_page_title_confirms():
    html = page(
        "<title>顺德区大良街道党工委委员一行到众创金融街开展调研工作 东区办事处_中山网</title>",
        "<table><tr><td><span class='Title'><b><!-- 文章标题 begin -->顺德区大良街道党工委委员一行到众创金融街开展调研工作"
        "<!-- 文章标题 end --></b></span></td></tr></table><p>来源于：东区办事处</p>",
    )
    found = headline(html)
    assert (found.text, found.rule) == ("顺德区大良街道党工委委员一行到众创金融街开展调研工作", "text")


def test_the_heading_before_the_text_when_the_page_title_names_only_the_section():
    html = page(
        "<title>新闻动态--中国某学会官网</title>",
        "<div class='crumb'>首页 - 新闻动态</div><div class='news'><h5>2019年人文地理学术年会在重庆成功举行！</h5>"
        "<div class='detailCon'><p>5月10日至12日，2019年人文地理学术年会在重庆举行。本次会议由学会人文地理专业委员会主办，"
        "来自全国各地的四百余名学者参加了会议，围绕新时代人文地理学的发展展开了讨论。</p>"
        "<p>会议设置了十二个分会场，交流论文二百余篇，青年学者踊跃发言。</p></div></div>"
        "<div class='foot'><h5>中国某学会</h5></div>",
    )
    assert headline(html).rule == "page-title"
    assert extract_article(html)["title"] == "2019年人文地理学术年会在重庆成功举行！"


def test_the_page_title_without_the_site_name_when_no_heading_shows_it():
    assert headline(page("<title>法国全国大罢工再次严重影响交通-新华网</title>", "<p>正文</p>")).text == "法国全国大罢工再次严重影响交通"
    assert headline(page("<title>明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%</title>", "")).text == (
        "最新出炉联合国贸发报告：全球经济增长率降至2.3%"
    )
    english = page("<title>Plejaden, M45 - Abenteuer Astronomie</title>", "<p>Text</p>")
    assert headline(english, "https://www.abenteuer-astronomie.de/plejaden").text == "Plejaden, M45"
    assert headline(page("<title>Energy Rising – 33 Tage Yoga Challenge</title>", "")).text == (
        "Energy Rising – 33 Tage Yoga Challenge"  # a dash inside the title, no site name after it
    )


def test_a_headline_set_over_two_lines_is_one_line():
    sel = parse_page(page("", "<h1>青溪县今年新增<br>\n学位3000个</h1><h1>Flood season<br>ends early</h1>"))
    chinese, latin = sel.root.iter("h1")
    assert heading_text(chinese) == "青溪县今年新增学位3000个"
    assert heading_text(latin) == "Flood season ends early"


def test_the_page_title_in_the_form_the_page_shows_over_several_lines():
    html = page(
        "<title>青溪县关于调整2026\u3000年度学位计划的决定_青溪县政府网</title>",
        "<div class='content'><p align='center'><strong>青溪县关于<br>\n调整2026年度学位计划的决定</strong></p>"
        "<p>正文第一段。</p></div>",
    )
    found = headline(html)
    assert (found.text, found.rule, found.element.tag) == ("青溪县关于调整2026年度学位计划的决定", "text", "strong")
    # A share widget's hidden copy of the title, cut at its own line break, is not the headline.
    shared = html.replace("<div class='content'>", "<div class='share-title' style='display:none'>青溪县关于调整2026<br>年度学位计划的决定</div><div class='content'>")
    assert headline(shared).text == "青溪县关于调整2026年度学位计划的决定"
    # Lines that only make up the title with other words are not its form.
    other = page("<title>青溪县关于调整2026\u3000年度学位计划的决定</title>", "<p>通知<br>全文</p>")
    assert headline(other).rule == "page-title"


def test_heading_before_prefers_the_heading_that_opens_the_content():
    sel = parse_page(page("", "<h3>首页 - 新闻动态</h3><div id='c'><h5>学术年会成功举行</h5><p>正文。</p></div>"))
    (content,) = sel.root.xpath("//div[@id='c']")
    assert heading_before(content).text == "学术年会成功举行"


def test_site_names_and_the_parts_of_the_page_title_around_the_headline():
    assert {"qxnews", "qxnewscn"} <= site_names(URL, ["青溪新闻网"]) and "青溪新闻网" in site_names(URL, ["青溪新闻网"])
    assert title_site_parts("多地项目连环爆雷_网易财经", "多地项目连环爆雷") == ["网易财经"]
    assert title_site_parts("A headline | Section | The Paper", "A headline") == ["Section", "The Paper"]
    assert title_site_parts(None, "A headline") == []
