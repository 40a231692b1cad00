"""``scrapy crawlall``: one run over many sites, each site a ``scrapy crawl`` process.

``sites`` chooses the sites and their arguments, ``lock`` keeps two runs
apart, ``child`` builds each site's command line and files, ``processes``
runs them in parallel under a time limit, ``outcome`` reads what each site
left behind, ``progress`` shows the run as it goes and ``summary`` ends it
with a table and ``summary.json``.
"""
