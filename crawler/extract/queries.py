"""Site selectors, compiled once and run on the lxml tree directly.

A site profile's queries (CSS, or XPath when they start with ``/``, ``(`` or
``./``) run on every page of a crawl; compiling each to an ``lxml.etree.XPath``
once, and reading its results as plain strings and elements, costs a
fraction of building parsel selectors for them on every page.
"""

from functools import lru_cache

from lxml import etree
from parsel.csstranslator import css2xpath

NAMESPACES = {"re": "http://exslt.org/regular-expressions", "set": "http://exslt.org/sets"}


def is_xpath(query: str) -> bool:
    return query.startswith(("/", "(", "./"))


@lru_cache(maxsize=4096)
def compiled(query: str) -> etree.XPath:
    """The query as a compiled XPath (CSS is translated the way parsel does, ``::text`` and ``::attr()`` too)."""
    return etree.XPath(query if is_xpath(query) else css2xpath(query), namespaces=NAMESPACES)


def find(root, query: str) -> list:
    """What ``query`` selects under the lxml element ``root``: elements and/or strings."""
    return compiled(query)(root)


def node_text(node) -> str:
    """A selected string as it is; a selected element's text content."""
    return node if isinstance(node, str) else "".join(node.itertext())
