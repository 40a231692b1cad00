"""A site's name, its class name, where its files go, and its spider class.

The spider file is ``<spiders dir>/<name>.py`` (default: the folder of the
project's ``NEWSPIDER_MODULE``, ``crawler/spiders``), its saved pages
``<fixtures dir>/<name>/`` (default ``tests/fixtures`` of the project);
``--spiders-dir`` and ``--fixtures-dir`` put them elsewhere.
"""

import importlib.util
import keyword
import os
import re
from dataclasses import dataclass
from pathlib import Path

SPIDER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SiteError(ValueError):
    """Input ``newsite``/``checksite`` cannot use; the message is one line for the user."""


def class_name(name: str) -> str:
    """``linjiang_news`` → ``LinjiangNewsSpider``."""
    return "".join(part.capitalize() for part in name.split("_")) + "Spider"


def check_name(name: str) -> None:
    """Raise SiteError unless ``name`` can be a spider, module and folder name."""
    if not SPIDER_NAME.match(name) or keyword.iskeyword(name):
        raise SiteError(
            f"the site name must be lower-case letters, digits and _, starting with a letter "
            f"(it names the spider, its file and its folder), e.g. linjiang_news, not {name!r}"
        )


@dataclass(frozen=True)
class SiteFiles:
    name: str
    spiders_dir: Path
    fixtures_dir: Path

    @property
    def spider(self) -> Path:
        return self.spiders_dir / f"{self.name}.py"

    @property
    def fixture(self) -> Path:
        return self.fixtures_dir / self.name


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


def project_dir(settings) -> Path:
    """The project's root folder (where ``tests/`` lives)."""
    return Path(settings.get("PROJECT_DIR") or Path.cwd())


def site_files(name: str, settings, spiders_dir: str | None = None, fixtures_dir: str | None = None) -> SiteFiles:
    """Where the site's spider and fixture folder are, or go."""
    if spiders_dir:
        spiders = Path(spiders_dir)
    else:
        spec = importlib.util.find_spec(settings.get("NEWSPIDER_MODULE") or "crawler.spiders")
        spiders = Path(next(iter(spec.submodule_search_locations)))
    fixtures = Path(fixtures_dir) if fixtures_dir else project_dir(settings) / "tests" / "fixtures"
    return SiteFiles(name, spiders, fixtures)


def load_site_spider(files: SiteFiles, loader, from_folder: bool) -> type:
    """The site's spider class: from ``<spiders dir>/<name>.py`` when asked, else the project's spider loader."""
    if not from_folder:
        try:
            return loader.load(files.name)
        except KeyError:
            raise SiteError(f"no spider named {files.name!r}; `scrapy list` shows them") from None
    if not files.spider.is_file():
        raise SiteError(f"no spider file {files.spider}")
    spec = importlib.util.spec_from_file_location(f"sitekit_{files.name}", files.spider)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = getattr(module, class_name(files.name), None)
    if found is None:
        raise SiteError(f"{files.spider} has no class {class_name(files.name)}")
    return found
