"""Where a new site's pages come from: the web (fetched politely) or files a person saved.

``pages_from_web`` fetches the listing page and the article pages given, or
the first articles the listing links to (same host and article-shaped URLs
first); ``pages_from_files`` reads saved files, the listing page first and
then one per ``--article`` URL. Either returns ``(pages, fetched_at, note)``
or raises ``SiteError`` with one line saying what went wrong.
"""

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import TextResponse

from crawler.extract.link_shapes import ARTICLE, link_kind
from crawler.extract.listing import read_listing
from crawler.offline import SavedPage
from crawler.sitekit.fetch import fetch_pages
from crawler.sitekit.names import SiteError

ARTICLES = 2  # article pages saved for a new site
CANDIDATES = 3  # article links tried, so one dead link does not stop it


def check_url(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(f"{what} must be an http(s) URL such as http://www.linjiang.example/xwzx/index.html, not {url!r}")


def article_candidates(response) -> list[str]:
    """The listing's first article links, those on its own host with an article-shaped URL first."""
    if not isinstance(response, TextResponse):
        return []
    host = urlsplit(response.url).hostname
    links = [entry.url for entry in read_listing(response.selector, response.url).entries]
    ranked = sorted(links, key=lambda link: (urlsplit(link).hostname != host, link_kind(link) != ARTICLE))
    return ranked[:CANDIDATES]


def pages_from_web(process, url: str, article_urls: list[str]) -> tuple[list[SavedPage], str, str]:
    """The listing page at ``url`` and article pages, fetched with the project's settings (robots.txt obeyed)."""
    fetched = fetch_pages(process, [url, *article_urls], then=None if article_urls else article_candidates)
    for wanted in [url, *article_urls]:
        if wanted in fetched.failures:
            raise SiteError(f"could not fetch {wanted}: {fetched.failures[wanted]}")
    if url not in fetched.pages:
        raise SiteError(f"could not fetch {url}: no answer")
    articles = [fetched.pages[link] for link in article_urls or fetched.followed if link in fetched.pages][:ARTICLES]
    if not articles:
        tried = "; ".join(f"{link}: {fetched.failures[link]}" for link in fetched.followed if link in fetched.failures)
        raise SiteError(
            f"found no article page to save from {url} ({tried or 'no article links found'}); "
            "name one with --article URL"
        )
    day = fetched.fetched_at[:10]
    return [fetched.pages[url], *articles], fetched.fetched_at, f"Saved by `scrapy newsite` from {url} on {day}."


def pages_from_files(paths: list[str], url: str, article_urls: list[str]) -> tuple[list[SavedPage], str, str]:
    """The listing page (the first file, at ``url``) and the article pages (one file per article URL, in order)."""
    for path in paths:
        if not Path(path).is_file():
            raise SiteError(f"no file {path}")
    if len(paths) < 2 or len(paths) != len(article_urls) + 1:
        raise SiteError(
            "--from-file takes the listing page, then one file per --article URL in the same order "
            f"(got {len(paths)} files and {len(article_urls)} --article URLs)"
        )
    kinds = ["listing"] + ["article"] * len(article_urls)
    pages = [
        SavedPage("", page_url, kind, "text/html", Path(path).read_bytes())
        for path, page_url, kind in zip(paths, [url, *article_urls], kinds)
    ]
    fetched_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    return pages, fetched_at, f"Read by `scrapy newsite` from saved files ({', '.join(Path(p).name for p in paths)})."
