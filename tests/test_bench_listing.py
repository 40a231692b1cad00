"""``benchmarks/bench_listing.py`` runs and prints every figure it documents (its timings are not asserted)."""

import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import bench_listing  # noqa: E402


def test_every_page_gets_its_four_figures_and_the_verdicts_are_printed(capsys):
    assert bench_listing.main(["--repeat", "1", "--page", "fixtures/trap_"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[:7] == ["page", "KB", "links", "parse", "extract", "total", "floor"]
    rows = [line.split() for line in lines if line.startswith("fixtures/")]
    assert sorted(row[0] for row in rows) == [
        "fixtures/trap_ads_and_duplicates", "fixtures/trap_hot_list_with_dates",
        "fixtures/trap_nav_longer_than_list", "fixtures/trap_relative_links_base_href",
    ]
    for row in rows:
        assert int(row[2]) > 0  # the page's <a> elements
        assert all(float(value) > 0 for value in row[3:7])
    summaries = {tuple(line.split()[:2]) for line in lines if line.startswith("  ")}
    figures = ("parse", "extract", "total", "floor")
    assert summaries == {(group, figure) for group in ("fixtures", "all") for figure in figures}
    assert any(line.startswith("pages over the 10 ms target (total): ") for line in lines)
    assert any(line.startswith("pages whose extraction alone is over 10 ms: ") for line in lines)


def test_a_page_name_that_matches_nothing_is_a_one_line_error(capsys):
    with pytest.raises(SystemExit) as stop:
        bench_listing.main(["--repeat", "1", "--page", "no-such-page"])
    assert stop.value.code == 2
    assert "no page matches no-such-page" in capsys.readouterr().err
