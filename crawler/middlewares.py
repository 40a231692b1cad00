"""Downloader middlewares."""

from scrapy.http import TextResponse

from crawler.extract.encoding import choose_encoding


class CharsetFixMiddleware:
    """Re-decode a page whose declared charset does not fit its bytes.

    See ``crawler.extract.encoding`` for the rule. Counted in the stats as
    ``news/charset_fixed/<declared>-><used>``.
    """

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request, response):
        if not isinstance(response, TextResponse) or not response.body:
            return response
        header_charset = response._headers_encoding()
        chosen = choose_encoding(response.body, header_charset)
        if chosen != response.encoding:
            self.stats.inc_value(f"news/charset_fixed/{response.encoding}->{chosen}")
            return response.replace(encoding=chosen)
        return response
