"""Damaged pages never stop the extraction: the repo's fixture pages with broken links (``http://[host``, a
bracket urllib refuses), URL and markup characters scattered over them (stray quotes and angle brackets, NULs) or
cut off short still give an article or a listing, never an exception. Seeded, so every run checks the same
pages; ``evaluation/damaged_pages.py`` does the same to the real pages of ../shared."""

from pathlib import Path

import pytest

from crawler.extract import extract_article, extract_listing
from evaluation.damaged_pages import damaged

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = sorted(path for path in FIXTURES.rglob("*") if path.suffix in (".html", ".htm", ".shtml"))
URL = "http://www.qxnews.cn/xwzx/qxyw/index.html"


def test_there_are_pages_to_damage_and_links_to_break():
    assert len(PAGES) >= 40
    assert sum(b"://[" in damaged(path.read_bytes(), 0)[0] for path in PAGES) >= 30


@pytest.mark.parametrize("path", PAGES, ids=[str(path.relative_to(FIXTURES)) for path in PAGES])
def test_a_damaged_page_gives_a_listing_and_an_article(path):
    for number, html in enumerate(damaged(path.read_bytes(), seed=len(path.name))):
        listing = extract_listing(html, URL)
        assert isinstance(listing["article_links"], list), number
        article = extract_article(html, URL)
        assert isinstance(article["extracted_by"], dict), number
