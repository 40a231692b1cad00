"""No pattern of the project backtracks without end on the text of a real page.

A pattern with a repetition inside a repetition can try exponentially many
ways to split a line before it fails: ``SHARE_LINE`` once spent minutes on a
line of 30 digits, which a damaged page gave it (``evaluation/damaged_pages.py``).
Every compiled pattern at module level in ``crawler`` and ``pipelines`` is
tried here on runs of the characters news text is made of, each followed by
a character that makes the match fail at the very end; each try must end
within a second (they take microseconds: the bound only tells a hang from a
slow machine).
"""

import importlib
import random
import pkgutil
import re
import signal

import pytest

import crawler
import pipelines
from crawler.extract.boilerplate import SHARE_LINE, is_prompt_line

UNITS = ["1", "a", " ", "年", "1 ", "ab", "-", ".1", "1年", "a-", "：", "1-", "1.", "a ", "中文", "1:", "1/", "%",
         "de ", "上午", "www.", "//", "a.b", "\t", "日", "1,", "a,", "1 a ", "a1", "share ", "twitter1"]
TAILS = ("!", "x", "\u2603", "")


def module_patterns() -> dict[str, re.Pattern]:
    patterns = {}
    for package in (crawler, pipelines):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    patterns[f"{info.name}.{name}"] = value
    return patterns


PATTERNS = module_patterns()


class Hang(Exception):
    pass


def _hang(*_):
    raise Hang


def test_there_are_patterns_to_try():
    assert len(PATTERNS) >= 200 and "crawler.extract.boilerplate.SHARE_LINE" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_pattern_fails_fast_on_long_runs(name):
    pattern = PATTERNS[name]
    previous = signal.signal(signal.SIGALRM, _hang)
    try:
        for unit in UNITS:
            for tail in TAILS:
                text = unit * 30 + tail
                signal.setitimer(signal.ITIMER_REAL, 1.0)
                try:
                    pattern.search(text)
                    pattern.match(text)
                except Hang:
                    pytest.fail(f"{name} did not end within a second on {text!r}")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_line_of_numbers_is_no_share_line():
    assert not is_prompt_line("1" * 40 + " x")
    assert is_prompt_line("Teilen Tweeten E-Mail 12 kommentieren") and is_prompt_line("FacebookTwitterWhatsApp")


def test_share_line_takes_words_whole_yet_matches_what_the_nested_pattern_matched():
    # The pattern before the fix, its words not taken whole: exponential on long failing lines, fine on short ones.
    nested = re.compile(
        r"^(?:(?:teilen|twittern|tweet|tweeten|share|drucken|print|e-?mail|whatsapp|facebook|twitter|pinterest|"
        r"linkedin|xing|pinnen|merken|speichern|kopieren|link|flipboard|reddit|telegram|kommentieren|comment|"
        r"gefällt|mir|wird|geladen|loading|like|bei|auf|zum|rezept|this|page|seite|artikel|article|\d+)[\s.,:|·•…]*)+$",
        re.IGNORECASE,
    )
    words = ["teilen", "twittern", "tweet", "tweeten", "share", "Drucken", "print", "email", "e-mail", "WhatsApp",
             "Facebook", "Twitter", "LinkedIn", "link", "kommentieren", "comment", "gefällt", "mir", "12", "3", "page",
             "x", "en", "Seite", " ", ", ", "|", "·", "…", ":"]
    draw = random.Random(1)
    for _ in range(20000):
        line = "".join(draw.choice(words) for _ in range(draw.randint(1, 6)))
        assert bool(SHARE_LINE.match(line)) == bool(nested.match(line)), line
