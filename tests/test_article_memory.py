"""An article page's tree is freed as soon as the page is done, without waiting for the garbage collector.

``response.selector`` keeps a reference back to its response; extracting
through it made every page (bytes, text, lxml tree) cyclic garbage that the
collector freed only now and then: 2.5 times the peak memory of a crawl.
"""

import gc
import weakref

from scrapy.http import HtmlResponse, Request

from crawler.demo import DemoPortal
from crawler.spiders.demo_county import DemoCountySpider
from tests.conftest import project_crawler


def test_an_article_response_is_freed_by_reference_counting_alone(tmp_path):
    spider = project_crawler(tmp_path, DemoCountySpider).spider
    portal = DemoPortal()
    article = portal.expected_articles()[0]
    url = "http://127.0.0.1:8355" + article["path"]
    response = HtmlResponse(url, body=portal.handle(article["path"]).body, request=Request(url))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        items = list(spider.parse_article(response, section="青溪要闻"))
        freed = weakref.ref(response)
        del response
        assert freed() is None
    finally:
        if was_enabled:
            gc.enable()
    assert [(item["title"], item["body"]) for item in items] == [(article["title"], article["body"])]
