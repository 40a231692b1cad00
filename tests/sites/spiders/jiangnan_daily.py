"""江南日报 (Jiangnan Daily), the fictional provincial paper of ``tests.sites.jiangnan``."""

from crawler.spiders.base import PortalSpider


class JiangnanDailySpider(PortalSpider):
    name = "jiangnan_daily"
    site_name = "江南日报"
    base_url = "http://127.0.0.1:8356"
    min_articles = 3
    start_urls = {"/yw/index.html": "要闻", "/cj/index.html": "财经"}
    selectors = {
        "listing": "ul.list > li",
        "listing_date": "em::text",
        "next_page": "div.page a.next::attr(href)",
        "title": "h1.detail-title",
        "published": ".detail-meta .pubtime",
        "source": ".detail-meta .origin",
        "byline": ".detail-meta .writer",
        "body": "div.detail-body",
    }
