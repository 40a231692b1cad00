"""Checked edits of rendered demo pages: each fails loudly when the demo's markup no longer fits.

The generated portal is made by editing the demo portal's rendered pages; if
someone changes those templates, a silent no-op edit would skew the benchmark,
so every edit checks that what it replaces is there.
"""

import re


class TemplateChanged(ValueError):
    """The demo portal's markup no longer has what the generator edits; the message says what."""


def replace_exactly(page: str, old: str, new: str, count: int = 1) -> str:
    """``page`` with ``old`` replaced by ``new``; ``old`` must occur exactly ``count`` times."""
    if page.count(old) != count:
        raise TemplateChanged(f"page template changed: {old!r} occurs {page.count(old)} times, expected {count}")
    return page.replace(old, new)


def substitute_once(pattern: re.Pattern, page: str, new: str) -> str:
    """``page`` with the first match of ``pattern`` replaced by ``new`` (taken literally)."""
    page, found = pattern.subn(lambda _: new, page, count=1)
    if not found:
        raise TemplateChanged(f"page template changed: no match for {pattern.pattern!r}")
    return page
