"""``scrapy export``: many crawl runs in, one documented dataset out.

``inputs`` finds and reads the runs' JSON Lines, ``merge`` keeps one record
per canonical URL, ``filters`` applies ``--site``/``--since``/``--until``/
``--lang``, ``stories`` groups near-duplicates under a story id, ``schema``
describes the columns, ``formats`` writes jsonl, jsonl.gz, csv and parquet,
``profile`` counts what was written, and ``card``, ``charts`` and
``report`` turn the counts into README.md and report.html. ``build`` runs
them in that order.
"""
