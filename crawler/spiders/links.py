"""The links a page or a feed gives, made absolute for a request.

``page_link(response, href)`` is ``response.urljoin(href)`` (``<base href>``
honoured) for a link a crawler can follow, and None for the rest: empty,
``javascript:``, ``#``, ``mailto:``, ``tel:``, and URLs urllib refuses
(``http://[x/``, a host opening a bracket it never closes), which real pages
and feeds do hold and which would otherwise stop the whole callback.
"""

from crawler.extract.page_links import followable


def page_link(response, href: str | None) -> str | None:
    """``href`` absolute against the response, or None when no crawler can follow it."""
    return response.urljoin(href.strip()) if followable(href) else None
