"""Canonical article URLs and the ids derived from them, and links joined to the page they are on."""

import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that track the click, not the content: analytics campaign
# tags, Chinese portals' share/source markers and app share ids.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|spm|from|fromsource|share_?\w*|scene|isappinstalled|wxshare_count|"
    r"nsukey|fbclid|gclid|yclid|mc_cid|mc_eid|ocid|cmpid)$",
    re.IGNORECASE,
)


def join_url(base: str, href: str) -> str | None:
    """``urljoin(base, href)``, or None for an href urllib cannot read (``http://[x/``: a bracket never closed,
    which real pages do hold in links, image sources and canonical links)."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters and fragment, otherwise as it was."""
    parts = urlsplit(url.strip())
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not TRACKING_PARAMS.match(k)]
        query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    else:
        query = ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


# Each article's URLs are canonicalised several times on its way (clean, dedupe, record-seen).
@lru_cache(maxsize=4096)
def canonical_url(url: str) -> str:
    """The URL without tracking parameters or fragment, query sorted, host lower-cased."""
    return canonicalize_url(strip_tracking(url))


@lru_cache(maxsize=4096)
def url_id(url: str) -> str:
    """Stable article id: SHA-1 of the canonical URL."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()
