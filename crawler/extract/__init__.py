"""Extraction from HTML: articles (``extract_article``) and listing pages (``extract_listing``)."""

from crawler.extract.article import extract_article
from crawler.extract.listing import extract_listing

__all__ = ["extract_article", "extract_listing"]
