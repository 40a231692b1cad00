"""Authors of pages written in Latin script: ``By Jane Roe``, ``Von Heike Buchter | 12. Mai 2020``.

``latin_names(text)`` reads a byline: it drops a leading label (By, Von,
Par, Por, De, Text:, Autor:, Author: …), stops at what follows the names (a
date, a separator ``|``, ``•``, `` – ``, a ``Published``/``Aktualisiert``
label, a sentence) and splits the rest into names at commas, ``and`` /
``und`` / ``et`` / ``y`` and ``&``. A name is one to five words, each
capitalised (particles such as von, van, de, da, del, der, la, le, bin
allowed inside), or a single user name (``kingname``, ``ThE_PaiN``); no
digits, no URLs, no e-mail addresses.

``byline_elements(scope)`` lists the elements a page marks as its byline:
``rel="author"``, ``itemprop="author"``, a class or id with ``author``,
``autor`` or ``byline`` — not inside comments.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extract.text import normalize_space

MAX_NAME_WORDS = 5
MAX_NAME = 50
MAX_BYLINE = 200
_LABEL = re.compile(
    r"^\s*(?:(?:written|posted|geschrieben|publié|escrito|publicado)\s+)?"
    r"(?:by|von|vom|par|por|de|di|door|text|texte|autor(?:in)?|author|auteur|autore|redaktion\b(?=\s*:))\s*[:：]?\s+",
    re.IGNORECASE,
)
_END = re.compile(
    r"\s[|•·–—]\s|\s-\s|\||•|\n|\d{1,2}\.\s?\d{1,2}\.|\d{4}|\d{1,2}:\d{2}|"
    r"\b(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\b"
    r"|\b(?:am|on|le|el)\s+\d|(?<!\b[A-Z])[.!?](?:\s|$)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_PARTICLES = frozenset("von van der den de da del della di du la le bin al zu y dos das".split())
_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^[A-ZÀ-ÖØ-Þ]\.$")
_USER_NAME = re.compile(r"^[A-Za-z][\w.-]{2,30}$")
_NOT_NAMES = frozenset(
    "by von par por posted share teilen credits foto photo bild admin editor redaktion anzeige advertisement "
    "comments kommentare home startseite news".split()
)
_BYLINE_ELEMENTS = etree.XPath(
    "descendant-or-self::*[@rel='author' or @itemprop='author' or contains(@class, 'author') or contains(@class, 'Author') "
    "or contains(@class, 'autor') or contains(@class, 'byline') or contains(@id, 'author') or contains(@id, 'byline')]"
)
_COMMENTS = re.compile(r"comment|kommentar|reply|respond|discussion", re.IGNORECASE)


def _name(words: list[str]) -> str | None:
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    text = " ".join(words)
    if len(text) > MAX_NAME or text.lower() in _NOT_NAMES or any(ch.isdigit() for ch in text) or "@" in text:
        return None
    if len(words) == 1:
        return text if _WORD.match(text) or _USER_NAME.match(text) else None
    if not (_WORD.match(words[0]) and _WORD.match(words[-1])):
        return None
    if all(_WORD.match(word) or word.lower() in _PARTICLES for word in words):
        return text
    return None


def latin_names(text: str) -> list[str]:
    """The names a byline gives (see the module docstring); [] when it gives none."""
    text = normalize_space(text)
    if not text or len(text) > MAX_BYLINE or "http" in text:
        return []
    text = _LABEL.sub("", text, count=1)
    end = _END.search(text)
    if end is not None:
        text = text[: end.start()]
    names = []
    for part in _SPLIT.split(text.strip(" :,-")):
        name = _name(part.split())
        if name is None:
            return []  # a part that is no name: this is no byline
        names.append(name)
    return list(dict.fromkeys(names))


def byline_elements(scope) -> list:
    """The elements in ``scope`` (an element) the page marks as its byline, in document order, outside
    comment threads."""
    return [
        element for element in _BYLINE_ELEMENTS(scope)
        if not any(_COMMENTS.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors())
    ]
