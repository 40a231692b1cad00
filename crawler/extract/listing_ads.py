"""Ads among the entries picked from a listing's lists, left out of the listing.

An entry is an ad when an element of its own says so (广告, 推广, AD …) or
when it links an ad-network click URL.
"""

import re

from crawler.extract.listing_page import ListingPage
from crawler.extract.page_links import Lines

AD_LABELS = ("广告", "推广", "赞助", "ad", "ads", "sponsored")
# Text holding one of AD_LABELS in any case (no character but an ASCII letter lower-cases to the letters spelled here):
# 广告|推广|赞助|[aA][dD]|[sS][pP][oO][nN][sS][oO][rR][eE][dD], written to begin with one character class, which lets
# ``re`` skip to those characters (as NEXT_HINT_SCAN in crawler.extract.pagination): many times faster over a page.
AD_LABEL_IN = re.compile(
    r"[广推赞aAsS](?:(?<=广)告|(?<=推)广|(?<=赞)助|(?<=[aA])[dD]|(?<=[sS])[pP][oO][nN][sS][oO][rR][eE][dD])"
)
AD_URL_PATTERN = (
    r"/baidu\.php\?url=|googleads|doubleclick|googlesyndication|/aclk\?|\?(?:adid|ad_id)=|&(?:adid|ad_id)="
    r"|/(?:adclick|ad_click|click)\.(?:php|aspx?|jsp)"
)
AD_URL = re.compile(AD_URL_PATTERN, re.IGNORECASE)
AD_URL_LOWER = re.compile(AD_URL_PATTERN)  # for ASCII URLs lower-cased first: many times faster to scan
# What every AD_URL_PATTERN match holds: a lower-cased ASCII text without any of these has no ad URL.
AD_URL_WORDS = ("baidu.php?url=", "google", "doubleclick", "/aclk?", "adid=", "ad_id=", "click.")


def without_ads(page: ListingPage, picks: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """The ``(link index, entry)`` picks whose entry is no ad (``_is_ad``). Most pages have none: their URLs are
    looked over all at once, and their texts too, for the entries with an ad label (neither pattern matches a
    newline)."""
    if not picks:
        return picks
    hrefs = "\n".join([page.links.hrefs[index] for index, _ in picks])
    if _ad_url_in(hrefs):
        return [(index, entry) for index, entry in picks if not _is_ad(page, entry, index)]
    labelled = Lines(page.texts([entry for _, entry in picks])).matching(AD_LABEL_IN)
    if not labelled:
        return picks
    return [pick for number, pick in enumerate(picks) if number not in labelled or not _labelled_ad(pick[1])]


def _is_ad(page: ListingPage, entry, index: int) -> bool:
    """An entry that is an ad: an ad-network click URL, or a 广告/推广/AD label of its own."""
    if _ad_url_in(page.links.hrefs[index]):
        return True
    return bool(AD_LABEL_IN.search(page.text(entry))) and _labelled_ad(entry)


def _ad_url_in(text: str) -> bool:
    """Whether ``text`` (an href, or hrefs one a line) holds an ad-network click URL."""
    if not text.isascii():
        return bool(AD_URL.search(text))
    text = text.lower()
    return any(word in text for word in AD_URL_WORDS) and bool(AD_URL_LOWER.search(text))


def _labelled_ad(entry) -> bool:
    """An entry with an element of its own that says 广告, 推广, AD …"""
    return any(
        " ".join(element.text.split()).lower() in AD_LABELS
        for element in entry.iter()
        if isinstance(element.tag, str) and not len(element) and element.text and len(element.text) < 12
    )
