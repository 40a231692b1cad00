"""Base spiders for the CMS families Chinese local portals run on: a site on one is about five lines.

==========  =====================================  ==========================================
module      platform                               article URLs
==========  =====================================  ==========================================
``zjol``    zjol "/system/" CMS (浙江在线 and its   ``/system/YYYY/MM/DD/0NNNNNNNN.shtml``
            county sub-sites)
``trs``     TRS WCM                                ``/YYYYMM/tYYYYMMDD_<id>.html``
``hanweb``  Hanweb JCMS (jpage list proxy)         ``/art/YYYY/M/D/art_<col>_<id>.html``
``epaper``  digital newspapers (node/content)      ``html/YYYY-MM/DD/content_<id>.htm``
``people``  人民网 and its channels                 ``/n1/YYYY/MMDD/c<node>-<id>.html``
``phpcms``  PHPCMS v9                              ``show-<catid>-<id>-1.html``
``dedecms`` DedeCMS (织梦)                          ``/a/<dir>/YYYY/MMDD/<aid>.html``
``discuz``  Discuz! X portals and forums           ``portal.php?mod=view&aid=``, ``thread-<tid>-1-1.html``
==========  =====================================  ==========================================

Each module documents its platform's pages; ``family.CmsSpider`` what they
share. ``crawler/spiders/example_<family>.py`` is a fictional site on each,
with its saved pages in ``tests/fixtures/example_<family>/``. ``FAMILIES``
is the list ``scrapy newsite`` recognises sites by.
"""

from crawler.spiders.families.dedecms import DedecmsSpider
from crawler.spiders.families.discuz import DiscuzSpider
from crawler.spiders.families.epaper import EpaperSpider
from crawler.spiders.families.hanweb import HanwebSpider
from crawler.spiders.families.people import PeopleSpider
from crawler.spiders.families.phpcms import PhpcmsSpider
from crawler.spiders.families.trs import TrsSpider
from crawler.spiders.families.zjol import ZjolSpider

FAMILIES = (ZjolSpider, TrsSpider, HanwebSpider, EpaperSpider, PeopleSpider, PhpcmsSpider, DedecmsSpider, DiscuzSpider)
