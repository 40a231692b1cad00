"""Local test sites for ``scrapy crawlall``, health and ``scrapy export`` tests.

``jiangnan.JiangnanPortal`` is a small fictional provincial daily (江南日报)
served with ``crawler.demo.DemoServer``; its spiders live in
``tests/sites/spiders`` and are loaded only by tests, with
``-s SPIDER_MODULES=crawler.spiders,tests.sites.spiders``.
"""
