"""``extract_listing`` on the listing fixtures (one per CMS shape and per trap) and on the shared real pages.

Each ``tests/fixtures/listings/NAME.html`` was written after a real CMS
template; ``NAME.expected.json`` next to it holds the page URL, the article
links in page order, the sidebar articles that must *not* come out
(``other_article_links``) and the next page. The real pages of
``../shared/corpora/listing`` are labelled in ``evaluation/listing_labels.jsonl``
and scored like ``evaluation/eval_listing.py`` does.
"""

import pytest

from crawler.extract import extract_listing
from evaluation.corpora import CorpusMissing
from evaluation.eval_listing import FIXTURES, fixture_cases, score, shared_cases

from conftest import SHARED

CASES = fixture_cases()


def test_every_fixture_has_its_expectations():
    assert len(CASES) == len(list(FIXTURES.glob("*.html"))) >= 14
    for case in CASES:
        assert case.article_links, case.id
        assert not set(case.article_links) & set(case.other_article_links), case.id


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_fixture_links_and_next_page(case):
    result = extract_listing(case.html, case.url)
    assert result["article_links"] == case.article_links
    assert result["next_page"] == case.next_page


def shared_or_skip():
    if not (SHARED / "corpora" / "listing").is_dir():
        pytest.skip("../shared/corpora/listing is not here")
    try:
        return shared_cases()
    except CorpusMissing as missing:
        pytest.skip(str(missing))


def test_shared_listing_pages_meet_the_bar():
    results = []
    for case in shared_or_skip():
        result = extract_listing(case.html, case.url)
        page = score(case, result["article_links"], result["next_page"])
        assert page.next_right, (case.id, result["next_page"], case.next_page)
        results.append(page)
    right = sum(page.right for page in results)
    assert right / sum(page.right + page.wrong for page in results) >= 0.95
    assert right / sum(page.expected for page in results) >= 0.95
    assert min(page.precision for page in results) >= 0.9 and min(page.recall for page in results) >= 0.9
