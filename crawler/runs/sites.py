"""Which sites a run crawls, with which spider arguments, settings and time limit.

The sites file (``--sites-file`` or the ``SITES_FILE`` setting) is TOML, one
table per spider; every key is optional::

    [demo_county]
    args = { base_url = "http://127.0.0.1:8355", max_pages = 3 }  # -a name=value
    settings = { DOWNLOAD_DELAY = 2 }                             # -s NAME=VALUE
    timeout = 600                                                 # seconds, instead of CRAWLALL_SITE_TIMEOUT

    [old_portal]
    enabled = false

Without ``--sites`` a run crawls the file's enabled sites, or every spider
when there is no file; ``--sites a,b`` names the sites (the file still gives
their arguments).
"""

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SITE_KEYS = ("enabled", "args", "settings", "timeout")


class SitesError(ValueError):
    """A sites file or site choice that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Site:
    name: str
    timeout: float
    args: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)


def _command_line_value(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _check_entry(path: Path, name: str, entry) -> dict:
    if not isinstance(entry, dict):
        raise SitesError(f"{path}: {name} must be a table such as [{name}], not a single value")
    unknown = sorted(set(entry) - set(SITE_KEYS))
    if unknown:
        raise SitesError(f"{path}: [{name}] has unknown key {unknown[0]!r}; use {', '.join(SITE_KEYS)}")
    if not isinstance(entry.get("enabled", True), bool):
        raise SitesError(f"{path}: [{name}] enabled must be true or false")
    for key in ("args", "settings"):
        if not isinstance(entry.get(key, {}), dict):
            raise SitesError(f"{path}: [{name}] {key} must be a table such as {key} = {{ name = \"value\" }}")
    timeout = entry.get("timeout", 1)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise SitesError(f"{path}: [{name}] timeout must be a number of seconds above 0, not {timeout!r}")
    return entry


def read_sites_file(path: str) -> dict[str, dict]:
    """The file's site tables by spider name, checked."""
    file = Path(path)
    try:
        tables = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise SitesError(f"cannot read sites file {file}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise SitesError(f"sites file {file} is not valid TOML: {error}") from None
    return {name: _check_entry(file, name, entry) for name, entry in tables.items()}


def site_spiders(loader) -> dict[str, bool]:
    """Every spider name, and whether a plain ``crawlall`` includes it (``crawl_all``, default True).

    The ``generic`` spider crawls whatever ``start_url`` it is given, so it runs
    only when named (with its arguments) or listed in the sites file.
    """
    return {name: getattr(loader.load(name), "crawl_all", True) for name in loader.list()}


def choose_sites(spiders, named: list[str], configured: dict[str, dict], *, default_timeout: float,
                 common_args: dict) -> list[Site]:
    """The sites to crawl, in order; ``common_args`` (``-a`` on crawlall) override the file's.

    ``spiders`` maps every spider name to whether it is crawled when no site is named (``site_spiders``).
    """
    known = set(spiders)
    for name in [*named, *configured]:
        if name not in known:
            raise SitesError(f"no spider named {name!r}; `scrapy list` shows them")
    if named:
        names = list(dict.fromkeys(named))
    elif configured:
        names = [name for name, entry in configured.items() if entry.get("enabled", True)]
    else:
        names = sorted(name for name in known if spiders[name])
    if not names:
        raise SitesError("no site to crawl: every site in the sites file is disabled")
    sites = []
    for name in names:
        entry = configured.get(name, {})
        args = {key: _command_line_value(v) for key, v in {**entry.get("args", {}), **common_args}.items()}
        settings = {key: _command_line_value(v) for key, v in entry.get("settings", {}).items()}
        sites.append(Site(name, float(entry.get("timeout", default_timeout)), args, settings))
    return sites
