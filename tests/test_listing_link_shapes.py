"""URL shapes of article pages and list pages (``crawler.extract.link_shapes``), from the CMSs of zh-local-news §2
and of European and American local news sites (TYPO3, Drupal, Joomla, WordPress permalinks)."""

import pytest

from crawler.extract.link_shapes import ARTICLE, LIST, link_kind
from evaluation.eval_link_shapes import main as eval_link_shapes

from conftest import SHARED

ARTICLES = [
    "/xwzx/qxyw/202611/t20261126_10485.html",  # TRS
    "./202611/t20261126_10485.shtml",
    "http://dqnews.zjol.com.cn/dqnews/system/2016/12/30/020971001.shtml",  # zjol /system/
    "/art/2026/9/8/art_16256_1.html",  # Hanweb
    "http://www.fjqlw.com/2021-11/08/content_1182097.htm",  # content_ portals, digital papers
    "content_2753216.htm?div=-1",
    "/n2/2018/1220/c360300-32429943.html",  # people.cn
    "/a/xinwen/2020/0509/123.html",  # DedeCMS
    "show-12-345-1.html",  # PHPCMS
    "index.php?m=content&c=index&a=show&catid=12&id=345",
    "view.asp?id=12",
    "/content/post_1604647.html",  # Guangdong gkmlpt
    "thread-202643-1-1.html",  # Discuz
    "forum.php?mod=viewthread&tid=172475",
    "https://news.163.com/20/0704/20/FGNHO51U0001899O.html",
    "/p/6854540762",
    "/question/27134755/answer/371075828",
    "https://www.qxdaily.cn/2026/11/24/winter-safety-meeting/",  # WordPress permalink
    "/upload/user/1/2020-7-2/195400974278.pdf",
    "/aktuelles/detail/kreistag-beschliesst-haushalt-2027",  # a headline in the URL: TYPO3 news
    "/actualites/conseil-municipal-du-24-novembre-les-principales-decisions",  # Drupal
    "/index.php/noticias/245-el-pleno-aprueba-el-presupuesto-municipal-de-2027",  # Joomla
    "https://angelmagazin.de/raubfisch/hecht-im-winter-die-besten-koeder/",  # WordPress, no date in the permalink
    "https://auto-motor.at/Hyundai/Tests/Hyundai-Santa-Fe-Plug-in-Test.html",
    "https://wien.orf.at/stories/3017954/",  # a long id as the last folder
    "http://archiv.krimiblog.de/?p=2895",  # WordPress without permalinks
]
LISTS = [
    "/xwzx/qxyw/",
    "index_1.html",
    "/msgz/list_2.htm",
    "list-12-2.html",
    "/a/xinwen/list_3_2.html",
    "node_2.htm",
    "/col/col16256/index.html",
    "/xzdt/list.html?page=2",
    "/news/list.php?catid=5&page=3",
    "forum-9-2.html",
    "forum.php?mod=forumdisplay&fid=9",
    "home.php?mod=space&uid=797356",
    "//new.qq.com/omn/author/1233",
    "https://new.qq.com/ch/food",
    "http://news.163.com/keywords/9/9/99996e2f/1.html",
    "/search?q=%E6%99%BA",
    "https://www.qxdaily.cn/2026/11/",
    "http://www.example.cn",
    "/lokales/aus-aller-welt/",  # a section of three words
    "/tag/kreistag-haushalt-schulen-sanierung/",  # a tag page, however long its name
    "/author/max-mustermann-und-erika-musterfrau/",
    "/?p=2",  # a page number
]


@pytest.mark.parametrize("url", ARTICLES)
def test_article_shapes(url):
    assert link_kind(url) == ARTICLE


@pytest.mark.parametrize("url", LISTS)
def test_list_shapes(url):
    assert link_kind(url) == LIST


@pytest.mark.parametrize("url", ["information_3.html", "/about/contact.html", "news.php", "/ueber-uns", "/kultur-und-freizeit"])
def test_shapes_that_say_nothing(url):
    assert link_kind(url) is None


def test_real_article_urls_are_mostly_article_shaped(capsys):
    """``evaluation/eval_link_shapes.py`` on the real article pages of ../shared (their own URLs)."""
    if not (SHARED / "corpora" / "multilingual").is_dir():
        pytest.skip("../shared/corpora/multilingual is not here")
    assert eval_link_shapes(["--corpus", "multilingual"]) == 0
    row = capsys.readouterr().out.splitlines()[1].split()
    assert row[:2] == ["multilingual", "300"]
    article, listed = (float(value.rstrip("%")) for value in row[2:4])
    assert article >= 80 and listed <= 10
