"""Write a new site to disk — its spider and its fixture folder — all or nothing.

The fixture folder (``tests/fixtures/<name>/``) gets the saved pages,
``meta.json`` (``crawler.offline`` reads it) and ``expected.json`` with
``"_reviewed": false``: the site's fixture test fails until a person has
checked the values and set it to true. Files are first written to a hidden
folder beside the fixtures and moved into place last, so a failure leaves
nothing behind.
"""

import json
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from crawler.sitekit.names import SiteError, SiteFiles

REVIEW = (
    "Check every value below against the saved pages (open them in a browser, or run `scrapy checksite {name}`); "
    "fix the spider's selectors where a value is wrong and run `scrapy checksite {name} --write-expected`; "
    'then set "_reviewed": true.'
)


def expected_document(name: str, results: dict) -> dict:
    """``expected.json``: the spider's results on the pages, marked unreviewed, with what to do."""
    return {"_reviewed": False, "_review": REVIEW.format(name=name), **results}


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def page_files(pages) -> list:
    """The pages with file names: ``listing.html``, ``listing_2.html`` …, ``article_1.html`` …"""
    named, counts = [], {}
    for page in pages:
        counts[page.kind] = counts.get(page.kind, 0) + 1
        number = counts[page.kind]
        suffix = "" if page.kind == "listing" and number == 1 else f"_{number}"
        named.append(replace(page, file=f"{page.kind}{suffix}.html"))
    return named


def meta_document(name: str, pages, fetched_at: str, note: str) -> dict:
    return {
        "spider": name,
        "fetched_at": fetched_at,
        "pages": [{"file": p.file, "url": p.url, "kind": p.kind, "content_type": p.content_type} for p in pages],
        "note": note,
    }


def check_free(files: SiteFiles, existing_spiders) -> None:
    """Raise SiteError when the name is taken or a folder to write in is missing."""
    if files.name in existing_spiders or files.spider.exists():
        raise SiteError(f"a spider named {files.name!r} already exists ({files.spider}); choose another name")
    if files.fixture.exists():
        raise SiteError(f"{files.fixture} already exists; choose another name or remove it")
    for folder in (files.spiders_dir, files.fixtures_dir):
        if not folder.is_dir():
            raise SiteError(f"no folder {folder} to write the new site in")


def write_site(files: SiteFiles, draft, note: str) -> None:
    """The spider file and the fixture folder of a drafted site (``crawler.sitekit.draft``)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{files.name}-", dir=files.fixtures_dir))
    spider_draft = files.spiders_dir / f".{files.name}.py.new"
    try:
        for page in draft.pages:
            (staging / page.file).write_bytes(page.body)
        (staging / "meta.json").write_text(
            json_text(meta_document(files.name, draft.pages, draft.fetched_at, note)), encoding="utf-8"
        )
        (staging / "expected.json").write_text(json_text(expected_document(files.name, draft.results)), encoding="utf-8")
        spider_draft.write_text(draft.source, encoding="utf-8")
        staging.rename(files.fixture)
        try:
            spider_draft.rename(files.spider)
        except OSError:
            shutil.rmtree(files.fixture)
            raise
    except OSError as error:
        raise SiteError(f"could not write the new site: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        spider_draft.unlink(missing_ok=True)


def write_expected(folder: Path, name: str, results: dict) -> None:
    """Replace a site's ``expected.json`` with new results, unreviewed."""
    (folder / "expected.json").write_text(json_text(expected_document(name, results)), encoding="utf-8")
