"""Every spider is a proper site module: named as its file, documented, dated, with saved pages.

Checks each spider the project's loader finds (``SPIDER_MODULES``): its
module imports; ``name`` equals the file name and is lower-case
letters, digits and ``_``; the class is CamelCase(name) + ``Spider``; the
module docstring names the site in its first line, has a ``Listings``
part and no ``TODO`` left from ``scrapy newsite``; ``timezone`` is a real
zone and ``languages`` a list; and a site spider (all but ``generic``) has
its saved pages in ``tests/fixtures/<name>/``. A site on a CMS family base
is at most five lines, and every family has such an example site.
"""

import ast
import importlib
import inspect
import json
import pkgutil
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.settings import SPIDER_MODULES
from crawler.spiders.families import FAMILIES

FIXTURES = Path(__file__).parent / "fixtures"
NOT_SITES = {"generic"}  # crawls whatever start_url it is given: no site, no saved pages
FAMILY_SITE_LINES = 5
loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": SPIDER_MODULES}))
SPIDERS = sorted(loader.list())


def spider_modules() -> list[str]:
    names = []
    for package_name in SPIDER_MODULES:
        package = importlib.import_module(package_name)
        names += [info.name for info in pkgutil.walk_packages(package.__path__, f"{package_name}.")]
    return names


@pytest.mark.parametrize("module", spider_modules())
def test_every_spider_module_imports_and_says_what_it_is(module):
    imported = importlib.import_module(module)
    assert (imported.__doc__ or "").strip(), f"{module} has no module docstring"


@pytest.mark.parametrize("name", SPIDERS)
def test_the_spider_is_named_as_its_file_and_class(name):
    spider = loader.load(name)
    assert re.fullmatch(r"[a-z0-9_]+", name), name
    assert spider.__module__.rsplit(".", 1)[1] == name, f"spider {name!r} lives in {spider.__module__}"
    assert spider.__name__ == "".join(part.capitalize() for part in name.split("_")) + "Spider"


@pytest.mark.parametrize("name", SPIDERS)
def test_the_module_docstring_describes_the_site(name):
    spider = loader.load(name)
    doc = sys.modules[spider.__module__].__doc__ or ""
    first_line = doc.strip().splitlines()[0] if doc.strip() else ""
    if name not in NOT_SITES:
        assert spider.site_name and spider.site_name in first_line, (
            f"the first line of {name}'s docstring should name the site ({spider.site_name!r}): {first_line!r}"
        )
        assert "Listings" in doc, f"{name}'s docstring should say where its listings are (a Listings part)"
    assert "TODO" not in doc, f"{name}'s docstring still has TODOs from scrapy newsite: fill them in"


@pytest.mark.parametrize("name", SPIDERS)
def test_timezone_and_languages_are_set(name):
    spider = loader.load(name)
    assert ZoneInfo(spider.timezone)
    assert spider.languages and all(isinstance(language, str) and language for language in spider.languages)


@pytest.mark.parametrize("name", [name for name in SPIDERS if name not in NOT_SITES])
def test_every_site_has_its_saved_pages(name):
    meta_file = FIXTURES / name / "meta.json"
    assert meta_file.is_file(), f"no saved pages for {name}: run scrapy newsite, or save them in tests/fixtures/{name}/"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    assert meta["spider"] == name
    assert {page["kind"] for page in meta["pages"]} == {"listing", "article"}
    assert (FIXTURES / name / "expected.json").is_file()


def class_lines(spider) -> int:
    """Lines of the spider's class statement (its body, without the module docstring and imports)."""
    source = inspect.getsource(sys.modules[spider.__module__])
    (node,) = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == spider.__name__]
    return node.end_lineno - node.lineno + 1


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.__name__)
def test_every_family_has_an_example_site_of_at_most_five_lines(family):
    sites = [loader.load(name) for name in SPIDERS if issubclass(loader.load(name), family)]
    assert sites, f"no site spider on {family.__name__}"
    for site in sites:
        assert class_lines(site) <= FAMILY_SITE_LINES, f"{site.name} takes {class_lines(site)} lines on {family.__name__}"
