"""Bundled demo portal (青溪新闻网): a fictional county news site served locally.

See :mod:`crawler.demo.portal` for the site map and the selectors.
"""

from .portal import DemoPortal, PortalResponse
from .server import DemoServer

__all__ = ["DemoPortal", "DemoServer", "PortalResponse"]
