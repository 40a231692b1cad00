"""Site health: is a finished crawl of one site trustworthy?

``checks`` turns a crawl's stats into figures and problems, ``history``
keeps each site's past figures under ``<OUTPUT_DIR>/state/health/`` so a drop
in a field's coverage raises the layout-change alarm, and the
``crawler.extensions.health.SiteHealth`` extension runs both at close.
"""
