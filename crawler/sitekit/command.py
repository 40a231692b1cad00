"""What ``scrapy newsite`` and ``scrapy checksite`` share as commands.

They print their own report instead of Scrapy's crawl log (``-L INFO``
brings the log back), take ``--spiders-dir`` / ``--fixtures-dir`` for a
project whose sites live elsewhere (and for tests), and turn a
``SiteError`` into one line on stderr with exit status 2.
"""

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.sitekit.names import SiteError


class SiteCommand(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--spiders-dir", default=None, metavar="DIR",
                            help="the folder of the site spiders' files (by default the project's, crawler/spiders)")
        parser.add_argument("--fixtures-dir", default=None, metavar="DIR",
                            help="the folder of the sites' saved pages (by default tests/fixtures)")

    def run(self, args, opts):
        try:
            self.run_site(args, opts)
        except SiteError as error:
            raise UsageError(str(error), print_help=False) from None

    def run_site(self, args, opts):
        """The command itself; raises SiteError for input it cannot use."""
        raise NotImplementedError
