"""The date-string parser: ``发布时间：2020年5月9日 21:22``, ``3小时前``, an epoch, a
meta tag or ``May 9, 2020 9:22 PM`` into ISO 8601 in the site's zone.

Entry points: ``crawler.dates.parse.parse_date`` / ``normalize_date`` (also
exported by ``pipelines.dates``, their documented home) and
``crawler.dates.url.url_date``. The modules, each importing only those
listed before it:

- ``labels``: month names, publish/update labels, greetings;
- ``clock``: times of day, UTC offsets and zone names, Chinese numerals;
- ``result``: ``DateResult`` and the checks every value passes;
- ``url``: the date in an article URL;
- ``fallback``: the long tail, read by dateparser;
- ``absolute``: calendar dates written in text;
- ``machine``: whole machine values (ISO 8601, epochs, RFC 2822 ...);
- ``relative``: Chinese relative forms (刚刚, 3小时前, 昨天 10:04);
- ``parse``: the public functions, the cached scan and the dispatch.
"""
