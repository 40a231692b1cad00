"""Packaging, for deploying to scrapyd (``scrapyd-deploy`` builds its egg from this file).

The article schema is package data: the egg must carry it, and
``crawler.items`` reads it as a package resource, which works inside an egg.
"""

from setuptools import find_packages, setup

setup(
    name="local-news-crawler",
    version="0.1.0",
    packages=find_packages(include=["crawler", "crawler.*", "pipelines", "pipelines.*"]),
    package_data={"crawler": ["schemas/*.json"]},
    entry_points={"scrapy": ["settings = crawler.settings"]},
)
