"""URL shapes of article pages and list pages (``crawler.extract.link_shapes``), from the CMSs of zh-local-news §2."""

import pytest

from crawler.extract.link_shapes import ARTICLE, LIST, link_kind

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
]


@pytest.mark.parametrize("url", ARTICLES)
def test_article_shapes(url):
    assert link_kind(url) == ARTICLE


@pytest.mark.parametrize("url", LISTS)
def test_list_shapes(url):
    assert link_kind(url) == LIST


@pytest.mark.parametrize("url", ["information_3.html", "/about/contact.html", "news.php"])
def test_shapes_that_say_nothing(url):
    assert link_kind(url) is None
