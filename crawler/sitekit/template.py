"""The source of a new site spider: a docstring skeleton to finish, and its base and selectors.

``render_spider(site)`` fills ``SPIDER`` for a ``SiteDraft``-like object:
a known CMS family gives a five-line subclass of the family's base; any
other site a ``PortalSpider`` with the proposed ``selectors``, and a
comment naming the jobs left to the generic rules. The docstring's
``TODO`` parts (the site's name in English, what it is, its quirks) are for
a person; the spider registry test fails while one is left.
"""

import json
from string import Template

from crawler.spiders.base import PortalSpider

SELECTOR_ORDER = (
    "listing", "listing_link", "listing_date", "next_page",
    "title", "subtitle", "published", "byline", "source", "authors", "editors", "body", "body_drop",
)
TODO_ENGLISH_NAME = "TODO: the site's name in English"
TODO_WHAT = "TODO: what the site is, e.g. the county media centre's portal"
TODO_QUIRKS = "TODO: what a maintainer must know: charsets, relative dates, credit lines, pages that differ; or none seen"
SPIDER = Template(f'''"""$site_name ({TODO_ENGLISH_NAME}) — {TODO_WHAT}.

Listings
    $listings
Quirks
    {TODO_QUIRKS}.
Dates
    $dates
"""

from $module import $base


class $class_name($base):
$body''')


def _literal(value) -> str:
    """A Python literal for a string or a list of strings, double-quoted as the project writes them."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def selectors_block(selectors: dict, generic: list[str]) -> list[str]:
    """The ``selectors = {...}`` lines, after a comment on what the generic rules still do."""
    lines = []
    if generic:
        lines.append("    # Left to the generic rules; add a selector if `scrapy checksite` shows them wrong:")
        lines += [f"    # {job}." for job in generic]
    if not selectors:
        return lines
    lines.append("    selectors = {")
    for key in sorted(selectors, key=lambda k: SELECTOR_ORDER.index(k) if k in SELECTOR_ORDER else len(SELECTOR_ORDER)):
        lines.append(f"        {_literal(key)}: {_literal(selectors[key])},")
    lines.append("    }")
    return lines


def render_spider(site) -> str:
    """Python source of the site's spider module."""
    attributes = [
        f"    name = {_literal(site.name)}",
        f"    site_name = {_literal(site.site_name)}",
        f"    start_urls = [{_literal(site.start_url)}]",
    ]
    timezone, languages = f"    timezone = {_literal(site.timezone)}", f"    languages = {_literal(site.languages)}"
    if site.family:
        module, base = site.family.module, site.family.base
        attributes += [timezone] if site.timezone != PortalSpider.timezone else []
        attributes += [languages] if site.languages != PortalSpider.languages else []
    else:
        module, base = "crawler.spiders.base", "PortalSpider"
        attributes += [timezone, languages, *selectors_block(site.proposal.selectors, site.proposal.generic)]
    return SPIDER.substitute(
        site_name=site.site_name, listings=site.listings_line, dates=site.dates_line,
        module=module, base=base, class_name=site.class_name, body="\n".join(attributes) + "\n",
    )
