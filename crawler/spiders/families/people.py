"""人民网 (people.cn) and its provincial channels, and sites built on the same system.

Articles
    ``/n1/YYYY/MMDD/c<node>-<docid>.html`` (``n2`` on provincial channels,
    ``n`` on old pages; ``-2.html`` continuation pages are not listed);
    headline in ``div.rm_txt h1`` (``div.text_title h1`` on older pages), the
    date and source on one line, ``div.channel div.fl`` (``div.box01 div.fl``
    before: ``2026年11月20日09:30 | 来源：人民网－江南频道``, the source a link), the text in
    ``div.rm_txt_con`` (``div#rwb_zw`` before), editors in ``div.edit``
    (``(责编：张三、李四)``). Pages are GBK on older channels.
Listings
    Channel pages ``/GB/<node>/index.html``, ``index2.html`` … with a
    ``下一页`` link, read generically.
"""

import re

from crawler.spiders.families.family import CmsSpider


class PeopleSpider(CmsSpider):
    family = "people.cn"
    article_url = re.compile(r"/n[12]?/(?:19|20)\d{2}/\d{4}/c\d+-\d+\.html$")
    markers = ((re.compile(r"rm_txt_con|rwb_zw|class=[\"']box01"), "people.cn article template"),)
    selectors = {
        "title": ["div.rm_txt h1", "div.text_title h1"],
        "published": ["div.rm_txt div.channel div.fl", "div.box01 div.fl"],
        "source": ["div.rm_txt div.channel div.fl a", "div.box01 div.fl a"],
        "editors": "div.edit",
        "body": ["div.rm_txt_con", "div#rwb_zw"],
    }
