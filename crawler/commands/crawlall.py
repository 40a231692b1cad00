"""``scrapy crawlall``: crawl many sites in parallel processes, a run a cron job can trust.

Every spider (or ``--sites a,b``, or the enabled sites of the sites file)
is crawled incrementally by its own ``scrapy crawl`` process, at most
``CRAWLALL_PROCESSES`` at a time, each under ``CRAWLALL_SITE_TIMEOUT``; one
site failing or hanging does not hold up the others. Each site's JSON
Lines, stats JSON and log land in ``<OUTPUT_DIR>/runs/<run-id>/`` with a
``summary.json``; a lock refuses a second run while one is going. Exit
status: 0 when every site was healthy, 1 when any was not, 2 for bad
arguments, 3 when another run is in progress, 130 when interrupted.
docs/scheduling.md has the sites file, cron and systemd examples.
"""

import shlex
import sys
from datetime import datetime, timezone
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.conf import arglist_to_dict

from crawler.commands.crawl import check_spider_arguments
from crawler.runs.child import RunSettings, SiteFiles, crawl_command
from crawler.runs.lock import RunLock, RunLocked
from crawler.runs.outcome import outcome_of
from crawler.runs.processes import Interrupted, SiteRun, run_sites, sigterm_interrupts
from crawler.runs.progress import progress_for
from crawler.runs.sites import SitesError, choose_sites, read_sites_file, site_spiders
from crawler.runs.summary import summary_table, write_summary

EXIT_UNHEALTHY = 1
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def new_run_folder(output_dir: str) -> tuple[str, Path]:
    """``<OUTPUT_DIR>/runs/<UTC start time>``, e.g. ``runs/20261125T040000Z``."""
    base = _now().strftime("%Y%m%dT%H%M%SZ")
    run_id, n = base, 1
    while (Path(output_dir) / "runs" / run_id).exists():
        n += 1
        run_id = f"{base}-{n}"
    return run_id, Path(output_dir) / "runs" / run_id


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[--sites a,b] [--sites-file FILE] [-a NAME=VALUE] [--dry-run]"

    def short_desc(self):
        return "Crawl every site (or --sites) in parallel processes into output/runs/<run-id>/"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--sites", default="", metavar="A,B",
                            help="spiders to crawl (default: the sites file's enabled sites, else every spider)")
        parser.add_argument("--sites-file", metavar="FILE", default=None,
                            help="TOML sites list with per-site args, settings and timeout (default: SITES_FILE)")
        parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
                            help="spider argument for every site, e.g. -a max_pages=3 (may be repeated)")
        parser.add_argument("--dry-run", action="store_true", help="print each site's command line and exit")

    def process_options(self, args, opts):
        super().process_options(args, opts)
        try:
            opts.spargs = arglist_to_dict(opts.spargs)
        except ValueError:
            raise UsageError("Invalid -a value, use -a NAME=VALUE", print_help=False) from None

    def _sites(self, opts):
        settings = self.settings
        timeout = settings.getfloat("CRAWLALL_SITE_TIMEOUT")
        if timeout <= 0 or settings.getint("CRAWLALL_PROCESSES") < 1:
            raise UsageError("CRAWLALL_SITE_TIMEOUT and CRAWLALL_PROCESSES must be above 0", print_help=False)
        loader = get_spider_loader(settings)
        sites_file = opts.sites_file or settings["SITES_FILE"]
        named = [name.strip() for name in opts.sites.split(",") if name.strip()]
        try:
            configured = read_sites_file(sites_file) if sites_file else {}
            sites = choose_sites(site_spiders(loader), named, configured, default_timeout=timeout, common_args=opts.spargs)
        except SitesError as error:
            raise UsageError(str(error), print_help=False) from None
        for site in sites:
            try:
                check_spider_arguments(loader, site.name, site.args)
            except UsageError as error:
                hint = "" if site.name in configured else "; give a site's arguments in a sites file (docs/scheduling.md)"
                raise UsageError(f"{site.name}: {error}{hint}", print_help=False) from None
        return sites

    def run(self, args, opts):
        if args:
            raise UsageError(f"crawlall takes no site names as arguments; use --sites {','.join(args)}",
                             print_help=False)
        sites = self._sites(opts)
        run_settings = RunSettings.from_settings(self.settings, opts.set)
        run_id, run_dir = new_run_folder(run_settings.output_dir)
        runs = [SiteRun(site, files, crawl_command(site, files, run_settings))
                for site in sites for files in [SiteFiles.in_run(run_dir, site.name)]]
        if opts.dry_run:
            print("\n".join(shlex.join(run.command) for run in runs))
            return
        lock = RunLock.for_output(run_settings.output_dir)
        try:
            stale = lock.acquire(run_id)
        except RunLocked as error:
            print(f"crawlall: {error}", file=sys.stderr)
            self.exitcode = EXIT_LOCKED
            return
        try:
            self.exitcode = self._crawl(runs, run_id, run_dir, stale)
        finally:
            lock.release()

    def _crawl(self, runs, run_id: str, run_dir: Path, stale: dict | None) -> int:
        settings = self.settings
        started = _now().isoformat()
        run_dir.mkdir(parents=True)
        progress = progress_for(sys.stdout, run_id, len(runs))
        if stale:
            progress.event(f"recovered the lock of run {stale.get('run_id')} (pid {stale.get('pid')}),"
                           " which ended without releasing it")
        processes = settings.getint("CRAWLALL_PROCESSES")
        progress.event(f"{len(runs)} sites, {processes} at a time, into {run_dir}")
        interrupted = False
        try:
            with sigterm_interrupts():
                run_sites(runs, processes=processes, kill_grace=settings.getfloat("CRAWLALL_KILL_GRACE"),
                          reporter=progress)
        except (KeyboardInterrupt, Interrupted):
            interrupted = True
        progress.close()
        outcomes = [progress.outcomes.get(run.site.name) or outcome_of(run) for run in runs]
        healthy = sum(outcome.healthy for outcome in outcomes)
        exit_status = EXIT_INTERRUPTED if interrupted else 0 if healthy == len(outcomes) else EXIT_UNHEALTHY
        summary = write_summary(run_dir, run_id, started, _now().isoformat(), outcomes, exit_status)
        print(summary_table(outcomes))
        print(f"Run {run_id}: {healthy} of {len(outcomes)} sites healthy"
              f"{' (interrupted)' if interrupted else ''}; {summary}", flush=True)
        return exit_status
