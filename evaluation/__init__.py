"""Evaluation scripts that score the extractors against the gold of ``../shared/corpora``."""
