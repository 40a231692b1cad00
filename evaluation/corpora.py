"""Read the evaluation corpora of ``../shared/corpora``.

Each corpus folder holds ``manifest.jsonl`` (one page a line: ``id``,
``file``, ``url``, ``lang``, ``kind``, ``gold`` …) and the saved pages. This
module only reads them: ``pages(corpus)`` yields one ``Page`` per manifest
line, with the page's bytes and its text decoded the way the crawler decodes
a response (``choose_encoding``; no HTTP header was saved). Scoring is left
to each evaluation script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from crawler.extract.encoding import choose_encoding

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"


class CorpusMissing(Exception):
    """The corpora folder or one corpus is not there (``../shared`` is optional)."""


@dataclass(frozen=True)
class Page:
    """One manifest entry of a corpus."""

    corpus: str
    id: str
    path: Path
    url: str | None
    lang: str | None
    kind: str
    gold: dict = field(default_factory=dict)

    @cached_property
    def html_bytes(self) -> bytes:
        return self.path.read_bytes()

    @cached_property
    def encoding(self) -> str:
        return choose_encoding(self.html_bytes)

    @cached_property
    def text(self) -> str:
        return self.html_bytes.decode(self.encoding, errors="replace")


def corpus_dir(corpus: str, root: Path = CORPORA) -> Path:
    """The folder of ``corpus``; raises ``CorpusMissing`` with a one-line message."""
    folder = root / corpus
    if not (folder / "manifest.jsonl").is_file():
        raise CorpusMissing(f"corpus {corpus!r} not found: no {folder / 'manifest.jsonl'}")
    return folder


def pages(corpus: str, *, kind: str | None = None, root: Path = CORPORA) -> Iterator[Page]:
    """Every page of ``corpus`` in manifest order; only pages of ``kind`` when given."""
    folder = corpus_dir(corpus, root)
    with (folder / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for line in manifest:
            if not line.strip():
                continue
            entry = json.loads(line)
            if kind is not None and entry.get("kind") != kind:
                continue
            yield Page(
                corpus=corpus,
                id=entry["id"],
                path=folder / entry["file"],
                url=entry.get("url"),
                lang=entry.get("lang"),
                kind=entry.get("kind", "article"),
                gold=entry.get("gold") or {},
            )
