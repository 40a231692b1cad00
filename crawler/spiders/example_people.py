"""人民网江南频道 (People's Daily Online, Jiangnan channel), a fictional provincial channel — the people.cn family's example.

Not a real site (``people.example``; Jiangnan is the fictional province of the
project's test sites): its saved pages in ``tests/fixtures/example_people/``
were written for this project after the platform's markup, and a plain
``scrapy crawlall`` leaves it out.

Listings
    地方新闻 ``/GB/350001/index.html`` → ``index2.html`` … (``下一页`` link).
Quirks
    The picture box and the ranking on the right link other columns' articles;
    ``<meta name="author">`` holds a staff id, not a name.
Dates
    Listings ``2026年11月20日09:30``; articles the same on the source line, Beijing time.
"""

from crawler.spiders.families.people import PeopleSpider


class ExamplePeopleSpider(PeopleSpider):
    name = "example_people"
    site_name = "人民网江南频道"
    start_urls = ["http://jn.people.example/GB/350001/index.html"]
    crawl_all = False
