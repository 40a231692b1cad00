"""The date a CMS writes into an article URL's path (``/202005/t20200509_1.html``,
``/2020/05/09/``): evidence of a page's date, and the year of a year-less one.
"""

import functools
import re
from datetime import date
from urllib.parse import urlsplit

from crawler.dates.result import MIN_YEAR

# Dates embedded in article URLs, most specific first.
_URL_DATE_RES = (
    re.compile(r"/t(?P<y>[12]\d{3})(?P<m>\d{2})(?P<d>\d{2})_"),  # TRS: /202005/t20200509_123.html
    re.compile(r"/(?P<y>[12]\d{3})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # /system/2020/05/09/, /art/2020/5/9/
    re.compile(r"/(?P<y>[12]\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/"),  # /folder1742/2019-02-13/
    re.compile(r"/(?P<y>[12]\d{3})-(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # /2020-05/09/content_1.htm
    re.compile(r"/(?P<y>[12]\d{3})/(?P<m>\d{2})(?P<d>\d{2})/"),  # /n1/2020/0509/c123-456.html
    re.compile(r"/(?P<y>[12]\d{3})(?P<m>\d{2})/(?P<d>\d{2})/"),  # /202005/09/139995_1.html
    re.compile(r"/(?P<y>[12]\d{3})(?P<m>\d{2})(?P<d>\d{2})/"),  # /20181122/5bf6.shtml
)


@functools.lru_cache(maxsize=4096)
def url_date(url: str | None) -> date | None:
    """Return the date embedded in an article URL's path, or None.

    Reads ``t20200509_``, ``/2020/05/09/``, ``/2020/5/9/``, ``/2020-05-09/``,
    ``/2020-05/09/``, ``/2020/0509/``, ``/202005/09/`` and ``/20200509/``.
    This is when the CMS filed the page, which can differ from the date the
    page shows by a day or more: use it as evidence, not as the publish date.
    """
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        for m in pattern.finditer(path):
            try:
                found = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if MIN_YEAR <= found.year <= 2100:
                return found
    return None
