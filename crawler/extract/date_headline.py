"""The headline the visible dates of a page are read around (see ``crawler.extract.visible_dates``).

``article_headline(root, titles)`` finds it: the first ``<h1>`` that is most
of the page title, else the first ``<h2>``…``<h6>`` that is, else the first
``<h1>``, else the first heading over a paragraph that is not a link nor in a
list, navigation or sidebar.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from crawler.extract.page_texts import MAX_TEXT, short_text
from crawler.extract.text import normalize_space
from crawler.extract.title import HEADINGS

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))  # "Queer Royal – Über …" in the title, "-" in the <h2>
MIN_HEADLINE = 4
HEADLINE_SHARE = 0.4
# Where the headings of menus, teasers and widgets stand.
FURNITURE_TAGS = frozenset(("nav", "aside", "li", "a", "footer"))
HEADED_SIBLINGS = 3  # siblings after a headline found by its paragraph (see _is_plain_heading)


def article_headline(root, titles: Iterable[str]):
    """The headline element: the first <h1> that is most of a page title (or holds it), else the first heading
    of another level that is (an <h1> beats an earlier teaser of the same article), else the first <h1>, else
    the first heading over a paragraph (see _is_plain_heading).

    ``titles`` are the page title and og:title; "most" is HEADLINE_SHARE of
    a title's length, so that a menu heading such as "Wärmepumpe" is not taken
    for the headline of "Eignet sich eine Wärmepumpe im Altbau? | heizung.de".
    """
    titles = [t.translate(_DASHES) for t in titles if t]
    first_h1 = matched = None
    for heading in root.iter(*HEADINGS):  # stops at a matching <h1>: most pages are not walked to the end
        is_h1 = heading.tag == "h1"
        if not is_h1 and matched is not None:
            continue
        text = normalize_space("".join(heading.itertext())).translate(_DASHES)
        if len(text) < MIN_HEADLINE:
            continue
        if any(t in text or (text in t and len(text) >= HEADLINE_SHARE * len(t)) for t in titles):
            if is_h1:
                return heading
            matched = heading
        elif is_h1 and first_h1 is None:
            first_h1 = heading
    if matched is not None or first_h1 is not None:
        return matched if matched is not None else first_h1
    return next(filter(_is_plain_heading, root.iter(*HEADINGS)), None)

def _is_plain_heading(heading) -> bool:
    """Does ``heading`` head a paragraph (one of more than MAX_TEXT characters among its next few
    siblings), being neither a link (a teaser, a menu entry) nor inside a list, navigation or sidebar?"""
    return (
        len(normalize_space("".join(heading.itertext()))) >= MIN_HEADLINE
        and any(sibling.tag == "p" and len(short_text(sibling, MAX_TEXT + 1)) > MAX_TEXT
                for sibling in islice(heading.itersiblings(), HEADED_SIBLINGS))
        and heading.find(".//a") is None
        and not any(ancestor.tag in FURNITURE_TAGS for ancestor in heading.iterancestors())
    )


