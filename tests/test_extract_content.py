"""Which element holds the article text, and what inside it is left out: pages written for these tests."""

from crawler.extract.article import extract_article, parse_page
from crawler.extract.boilerplate import is_boilerplate_container
from crawler.extract.content import locate_content

PARAGRAPHS = (
    "<p>11月25日，记者从县教育局获悉，今年全县新建改扩建学校6所，新增学位3000个，有效缓解了城区入学难的问题。</p>"
    "<p>县教育局负责人介绍，新学校全部按照省标准化学校要求建设，配备了功能教室、图书馆和塑胶运动场。</p>"
    "<p>据了解，明年全县还将启动4所学校的建设，预计新增学位2000个，进一步扩大优质教育资源覆盖面。</p>"
)


def repeated(template: str, count: int) -> str:
    """``template`` (with ``{i}``) written ``count`` times, numbered."""
    return "".join(template.format(i=i) for i in range(count))


NAV = "<ul class='menu'>" + repeated("<li><a href='/s{i}.html'>新闻栏目名称{i}</a></li>", 40) + "</ul>"
FOOTER = "<div class='footer'>" + repeated("<span>主办单位 青溪县融媒体中心 {i}</span><br>", 20) + "</div>"


def located(body: str, headline_xpath: str | None = "//h1"):
    root = parse_page(f"<html><head><title>t</title></head><body>{body}</body></html>").root
    headline = root.xpath(headline_xpath)[0] if headline_xpath else None
    return root, locate_content(root, headline)


def element_id(found) -> str | None:
    return found.element.get("id") if found is not None else None


def test_the_element_with_the_most_text_and_least_else():
    hot = "<div id='hot'><h3>热点</h3><ul>" + "".join(
        f"<li><a href='/h{i}.html'>青溪县第{i}届农民丰收节开幕，欢迎大家前来参加</a></li>" for i in range(15)
    ) + "</ul></div>"
    _, found = located(NAV + "<h1>青溪县今年新增学位3000个</h1><div id='text'>" + PARAGRAPHS + "</div>" + hot)
    assert element_id(found) == "text"


def test_boilerplate_containers_are_never_the_content_and_are_left_out():
    comments = "<div id='commentList'>" + "<p>网友甲：这个消息太好了，孩子上学终于不用跑远路了，点赞！</p>" * 3 + "</div>"
    page = "<h1>青溪县今年新增学位3000个</h1><div id='text'>" + PARAGRAPHS + comments + "</div>"
    root, found = located(page)
    assert element_id(found) == "text"
    (comment_list,) = root.xpath("//div[@id='commentList']")
    assert comment_list in found.leave_out
    assert "网友甲" not in extract_article(f"<html><body>{page}</body></html>")["body"]


def test_boilerplate_names_are_whole_words_of_a_class_or_id():
    root = parse_page(
        "<html><body><div class='hot-list'></div><div class='hotNews'></div><div class='photo'></div>"
        "<div class='shot'></div><div class='content-sidebar-wrap'></div><article class='post category-share'></article>"
        "<div class='entry tag-comments'></div><div id='related_news'></div><nav></nav><footer></footer>"
        "<article><footer class='meta'></footer></article></body></html>"
    ).root
    verdicts = {f"{e.tag}.{e.get('class') or e.get('id') or ''}": is_boilerplate_container(e) for e in root.iter()}
    assert verdicts["div.hot-list"] and verdicts["div.hotNews"] and verdicts["div.related_news"]
    assert verdicts["nav."] and verdicts["footer."]
    assert not verdicts["div.photo"] and not verdicts["div.shot"]
    assert not verdicts["div.content-sidebar-wrap"]  # a layout wrapper next to a sidebar
    assert not verdicts["article.post category-share"] and not verdicts["div.entry tag-comments"]  # taxonomy
    assert not verdicts["footer.meta"]  # an article's own footer


def test_teasers_after_a_short_article_are_not_the_content():
    stream = "<ul class='stream'>" + repeated(
        "<li class='item'><h3><a href='/n{i}.html'>其他新闻标题第{i}条在这里</a></h3>"
        "<p>这是另一篇文章的摘要，内容比正文还长，说了很多很多的事情，读者点进去才能看到全文。第{i}条。</p></li>", 10
    ) + "</ul>"
    root, found = located(
        "<h1>青溪县今年新增学位3000个</h1><div id='text'><p>今年全县新建改扩建学校6所，新增学位3000个。</p></div>"
        "<div id='more'><h2>你可能还想看</h2>" + stream + "</div>"
    )
    assert element_id(found) == "text"
    assert all(item in found.leave_out for item in root.xpath("//li[@class='item']"))


def test_a_broken_page_whose_breadcrumb_wraps_everything():
    # <div class="breadcrumb"> never closed: the article ends up inside it.
    root, found = located(NAV + "<div class='breadcrumb'><a href='/'>首页</a> &gt; 要闻<h1>青溪县今年新增学位3000个</h1>"
                          "<div id='text'>" + PARAGRAPHS)
    assert element_id(found) == "text"


def test_a_misnamed_container_right_after_the_headline_holds_the_text():
    root, found = located(NAV + "<h1>Royal interview</h1><p class='byline'>By Jane Roe, Updated 2010 GMT</p>"
                          "<div class='pg-side-of-rail'><div id='text'>" + PARAGRAPHS + "</div></div>"
                          "<aside class='sidebar'><p>Ad.</p></aside>" + FOOTER)
    # the container holds only the text: of equal scores, the outer element
    assert found.element.get("class") == "pg-side-of-rail" and found.element[0].get("id") == "text"


def test_the_text_near_the_headline_wins_over_a_longer_stream_further_down():
    stream = "<div id='stream'>" + repeated(
        "<div class='teaser'><div class='title'>Teaser {i}</div><p>01.12.2021 Dies ist die Zusammenfassung eines "
        "anderen Artikels, mit mehreren Sätzen. Sie ist lang genug, um zu zählen. Nummer {i}.</p></div>", 12
    ) + "</div>"
    text = ("<p>Strava wertet mit einem Update sein Routen-Tool auf. In den Karten werden nun die beliebtesten Orte "
            "angezeigt, vom Supermarkt bis zum Pumptrack.</p><p>Die Funktion steht allen Nutzern offen, in der App wie im "
            "Browser, und sie kostet nichts.</p>")
    body = f"<main><h1>Strava-Karten ab sofort mit mehr Infos</h1><div id='text'>{text * 3}</div></main>"
    _, found = located(NAV * 4 + body + "<div class='spacer'>" + "<p>x</p>" * 3 + "</div>" + stream + FOOTER * 4)
    assert element_id(found) == "text"


def test_noisy_elements_inside_the_text_are_left_out_but_not_lists_of_ingredients():
    controls = ("展开", "收起", "广告", "了解详情>", "00:00", "倍速", "高清", "标清", "2.0X", "1.5X", "循环播放", "跳过片头")
    player = "<div class='player-ui'>" + "".join(f"<span>{w}</span><br>" for w in controls) + "</div>"
    ingredients = "<ul id='ingredients'><li>6 mittelgroße Eier</li><li>200 g weiche Butter</li><li>250 g Zucker, fein</li></ul>"
    root, found = located("<h1>t</h1><div id='text'>" + player + PARAGRAPHS + ingredients + "</div>")
    assert element_id(found) == "text"
    assert root.xpath("//div[@class='player-ui']")[0] in found.leave_out
    assert root.xpath("//ul[@id='ingredients']")[0] not in found.leave_out


def test_hidden_elements_and_numbers_are_no_text():
    hidden = "<div id='hidden' style='display: none'>" + PARAGRAPHS * 3 + "</div>"
    ticker = "<div id='ticker'>" + "".join(f"<p>恒指 18,652.59 -216.12 (-1.15%)</p>" for _ in range(20)) + "</div>"
    _, found = located("<h1>t</h1>" + hidden + ticker + "<div id='text'>" + PARAGRAPHS + "</div>")
    assert element_id(found) == "text"


def test_the_headline_s_own_header_is_not_boilerplate():
    _, found = located("<header><h1>A headline</h1><div id='text'>" + PARAGRAPHS + "</div></header><footer>© 2026</footer>")
    assert element_id(found) == "text"


def test_no_text_at_all():
    assert located("<ul><li><a href='/a'>链接</a></li></ul>", None)[1] is None
