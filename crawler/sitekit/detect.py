"""Recognise a known CMS family (``crawler.spiders.families``) from a site's URLs and markup.

A family fits when at least half of the article links (the listing's, and
the article pages' own URLs) have its article URL shape and, for families
whose shape alone says little, the pages show its markup; the best fit
(shape share, plus a half for markup) wins.
"""

from dataclasses import dataclass

from crawler.spiders.families import FAMILIES

MIN_SHARE = 0.5
MARKUP_BONUS = 0.5


@dataclass(frozen=True)
class Detection:
    family: type  # the family's base spider class
    evidence: str  # why, in one line

    @property
    def base(self) -> str:
        return self.family.__name__

    @property
    def module(self) -> str:
        return self.family.__module__


def _fit(family, links: list[str], html: str) -> tuple[float, str] | None:
    shaped = [link for link in links if family.article_url.search(link)]
    share = len(shaped) / len(links) if links else 0.0
    marks = [description for pattern, description in family.markers if pattern.search(html)]
    if share < MIN_SHARE or (family.marker_required and not marks):
        return None
    evidence = f"{len(shaped)} of {len(links)} article links look like {family.family} ones ({shaped[0]})"
    if marks:
        evidence += "; the pages show " + ", ".join(marks)
    return share + (MARKUP_BONUS if marks else 0.0), evidence


def detect_family(links: list[str], pages_html: list[str]) -> Detection | None:
    """The family whose article URLs and markup the site has, or None."""
    html = "\n".join(pages_html)
    fits = [(fit, family) for family in FAMILIES if (fit := _fit(family, links, html))]
    if not fits:
        return None
    (_, evidence), family = max(fits, key=lambda found: found[0][0])
    return Detection(family, evidence)
