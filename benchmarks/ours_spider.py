"""Our side of the crawl benchmark: the real ``demo_county`` spider, aimed at the generated portal.

Only ``start_urls`` change (the generated listing roots, relative to
``-a base_url``); selectors, listing and article code, and, since it runs
with the project's settings, every pipeline, the charset middleware, the
seen-store and the line-atomic feed are the project's own.
"""

from crawler.spiders.demo_county import DemoCountySpider

from benchmarks.portal_layout import LISTING_ROOTS


class DemoCountyBenchSpider(DemoCountySpider):
    name = "demo_county_bench"
    start_urls = LISTING_ROOTS
