"""A site whose listing never answers in time: ``tests.sites.jiangnan`` delays ``/stalled/``."""

from .jiangnan_daily import JiangnanDailySpider


class StalledSiteSpider(JiangnanDailySpider):
    name = "stalled_site"
    site_name = "停摆网"
    start_urls = {"/stalled/index.html": "要闻"}
