"""Hanweb (大汉) JCMS / jpaas sites: government and county portals, mostly in Zhejiang, Jiangsu, Shandong, Beijing.

Articles
    ``/art/YYYY/M/D/art_<columnid>_<docid>.html`` (no zero padding). The
    template marks its fields with comments, ``<!--<$[标题名称]>begin-->`` …
    and ``<!--<$[信息内容]>begin-->`` …: their parent elements are the
    headline and the body (``div#zoom`` otherwise); the head carries the
    government site metadata (``ArticleTitle``, ``PubDate``,
    ``ContentSource``).
Listings
    Columns ``/col/col<columnid>/index.html``. The page holds its first group
    of records (``perPage`` × ``groupSize``) as CDATA in a ``<script
    type="text/xml"><datastore>``; the browser's pager (``?uid=…&pageNum=N``)
    only re-renders that page. The next records come from the list proxy
    ``/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5``
    with the column's parameters (``col, appid, webid, path, columnid,
    sourceContentType, unitid, webname, permissiontype``, from the datastore's
    ``<nextgroup>`` link and the jpage call's ``ajaxParam``), which answers
    XML ``<recordset><record><![CDATA[<li>…</li>]]></record>…`` with
    ``<totalrecord>``. This spider reads the records of both and pages
    through the proxy (parameters in the query string, which the proxy reads
    as it reads its form) until ``totalRecord`` records are listed.
"""

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.html

from crawler.extract.listing_titles import SHOWN_DATE
from crawler.extract.page_links import RECORD
from crawler.spiders.families.family import CmsSpider
from crawler.spiders.links import page_link

PROXY_PATH = "/module/web/jpage/dataproxy.jsp"
NEXT_GROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[\s*<a\s+href=[\"']([^\"']+)")
AJAX_PARAMS = re.compile(r"ajaxParam\s*:\s*\{([^}]*)\}")
JS_PAIR = re.compile(r"(\w+)\s*:\s*(?:'([^']*)'|\"([^\"]*)\"|([\w.]+))")
PROXY_URL = re.compile(r"proxyUrl\s*:\s*['\"]([^'\"]+)")
PER_PAGE = re.compile(r"perPage\s*:\s*['\"]?(\d+)")
GROUP_SIZE = re.compile(r"groupSize\s*:\s*['\"]?(\d+)")
TOTAL = re.compile(r"totalRecord\s*:\s*['\"]?(\d+)|<totalrecord>\s*(\d+)", re.IGNORECASE)
DEFAULT_PER_PAGE, DEFAULT_GROUP_SIZE = 15, 3


def column_parameters(text: str) -> tuple[str, dict]:
    """The list proxy's path and the column's parameters, from ``<nextgroup>`` and the jpage ``ajaxParam``."""
    path, parameters = PROXY_PATH, {}
    group = NEXT_GROUP.search(text)
    if group:
        href = group[1].replace("&amp;", "&")
        path = urlsplit(href).path or path
        parameters = {key: value for key, value in parse_qsl(urlsplit(href).query) if key != "page"}
    ajax = AJAX_PARAMS.search(text)
    if ajax:
        parameters.update((key, next((v for v in values if v), "")) for key, *values in JS_PAIR.findall(ajax[1]))
    proxy = PROXY_URL.search(text)
    return (proxy[1] if proxy else path), parameters


class HanwebSpider(CmsSpider):
    family = "Hanweb JCMS"
    article_url = re.compile(r"/art/(?:19|20)\d{2}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$")
    markers = (
        (re.compile(r"/module/(?:web/)?jpage/|<datastore>"), "jpage list datastore"),
        (re.compile(r"<!--<\$\[(?:信息内容|标题名称)\]>begin-->"), "<$[信息内容]> template marks"),
    )
    selectors = {
        "title": "//comment()[contains(., '$[标题名称]>begin')]/..",
        "body": ["//comment()[contains(., '$[信息内容]>begin')]/..", "div#zoom"],
    }

    _records: tuple = (None, [])  # the last response and its records: both hooks below read them

    def records(self, response) -> list[str]:
        """The HTML of each ``<record>`` of the page (the datastore's or the proxy's), read once per response."""
        cached_response, found = self._records
        if cached_response is not response:
            found = RECORD.findall(response.text)
            self._records = (response, found)
        return found

    def page_entries(self, response):
        """The datastore's or the proxy's records (a link and the date each shows); else the listing's entries."""
        records = self.records(response)
        if not records:
            yield from super().page_entries(response)
            return
        for record in records:
            fragment = lxml.html.fragment_fromstring(record, create_parent="div")
            href = next((a.get("href") for a in fragment.iter("a") if a.get("href")), None)
            if link := page_link(response, href):
                shown = SHOWN_DATE.search(" ".join(fragment.text_content().split()))
                yield link, shown[0] if shown else None

    def next_page(self, response) -> str | None:
        """The list proxy's next group of records, while fewer than ``totalRecord`` are listed."""
        text = response.text
        records = len(self.records(response))
        if not records:
            return super().next_page(response)
        total = TOTAL.search(text)
        total = int(total[1] or total[2]) if total else None
        parts = urlsplit(response.url)
        on_proxy = parts.path.endswith("dataproxy.jsp")
        group = proxy_group(parts.query, records, total) if on_proxy else column_group(text, records)
        if group is None or (total is not None and group[0]["startrecord"] > total):
            return None
        query, path = group
        return urljoin(response.url, path or parts.path) + "?" + urlencode(query)


def column_group(text: str, records: int) -> tuple[dict, str]:
    """The proxy query for the records after a column page's own, and the proxy's path."""
    path, parameters = column_parameters(text)
    per_page, group_size = PER_PAGE.search(text), GROUP_SIZE.search(text)
    per_page = int(per_page[1]) if per_page else DEFAULT_PER_PAGE
    span = per_page * (int(group_size[1]) if group_size else DEFAULT_GROUP_SIZE)
    return {"startrecord": records + 1, "endrecord": records + span, "perpage": per_page, **parameters}, path


def proxy_group(query_string: str, records: int, total: int | None) -> tuple[dict, None] | None:
    """The proxy query for the group after a proxy answer's (None when that answer was the last one)."""
    query = dict(parse_qsl(query_string))
    try:
        start, end = int(query.pop("startrecord")), int(query.pop("endrecord"))
    except (KeyError, ValueError):
        return None
    span = end - start + 1
    if total is None and records < span:
        return None
    per_page = query.pop("perpage", span)
    return {"startrecord": end + 1, "endrecord": end + span, "perpage": per_page, **query}, None
