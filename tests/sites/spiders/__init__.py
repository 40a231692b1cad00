"""Spiders of the test-only sites (not in the project's ``SPIDER_MODULES``)."""
