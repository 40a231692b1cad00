"""``scrapy crawl`` with the spider arguments checked before the crawl starts.

A mistyped argument (``-a since=yesterday``) stops with one line saying what
is wrong instead of a traceback from inside the crawl.
"""

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError


def check_spider_arguments(spider_loader, name: str, arguments: dict) -> None:
    """Raise UsageError when the spider does not exist or rejects its arguments."""
    try:
        spider_class = spider_loader.load(name)
    except KeyError:
        raise UsageError(f"no spider named {name!r}; `scrapy list` shows them", print_help=False) from None
    check = getattr(spider_class, "check_arguments", None)
    if check is not None:
        try:
            check(**arguments)
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from None


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) == 1:
            check_spider_arguments(self.crawler_process.spider_loader, args[0], opts.spargs)
        super().run(args, opts)
