"""Generic extraction on the real pages of ../shared/corpora: the issue's thresholds, and better than trafilatura and
GNE on the same pages (evaluation/eval_extraction.py scores them; skipped when ../shared is not there)."""

import pytest

from evaluation.corpora import CorpusMissing, corpus_dir
from evaluation.eval_extraction import evaluate, load_systems, ours

from conftest import SHARED

# (corpus, field, threshold): the issue's "done when".
THRESHOLDS = [
    ("zh-local", "title", 0.97),
    ("zh-local", "published_day", 0.98),
    ("zh-local", "published_minute", 0.95),
    ("zh-local", "authors_f1", 0.90),
    ("zh-local", "source", 0.90),
    ("zh-local", "editors_f1", 0.90),
    ("zh-magic", "body_f1", 0.95),
    ("multilingual", "body_contains", 0.95),
    ("multilingual", "body_excludes", 0.95),
]
CORPORA = sorted({corpus for corpus, _, _ in THRESHOLDS})


def corpora_or_skip():
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared/corpora is not there")
    try:
        for corpus in CORPORA:
            corpus_dir(corpus)
    except CorpusMissing as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="module")
def our_scores():
    corpora_or_skip()
    return {corpus: evaluate(corpus, {"ours": ours}) for corpus in CORPORA}


@pytest.mark.parametrize("corpus, field, threshold", THRESHOLDS, ids=[f"{c}-{f}" for c, f, _ in THRESHOLDS])
def test_the_issue_thresholds(our_scores, corpus, field, threshold):
    assert our_scores[corpus].mean(field, "ours") >= threshold


def test_better_than_trafilatura_and_gne_on_the_same_pages(our_scores):
    others = load_systems(("trafilatura", "gne"))
    if set(others) != {"trafilatura", "gne"}:
        pytest.skip("trafilatura or GNE not installed (pip install -r evaluation/requirements.txt)")
    scores = {corpus: evaluate(corpus, others) for corpus in CORPORA}
    for corpus, field, _ in THRESHOLDS:
        for other in others:
            assert our_scores[corpus].mean(field, "ours") > scores[corpus].mean(field, other), (corpus, field, other)
