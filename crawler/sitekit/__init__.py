"""The site toolkit behind ``scrapy newsite`` and ``scrapy checksite``.

``names`` checks a new spider's name and says where its files go;
``fetch`` fetches pages politely through Scrapy (robots.txt, the project's
user agent and settings); ``css_path`` and ``propose`` turn what the
generic extraction found on saved pages into site selectors; ``detect``
recognises a known CMS family (``crawler.spiders.families``); ``draft``
puts a new site together (spider source from ``template``, saved pages,
expected records) and ``fixture`` writes it; ``report`` says, page by page,
what a spider gets and what looks wrong.
"""
