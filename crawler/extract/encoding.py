"""Pick the right charset for a page when the server, the page and the bytes disagree.

Scrapy trusts the HTTP header over the page's ``<meta>`` charset, so a GBK
page served with the server's default ``charset=utf-8`` comes out as mojibake,
and a UTF-8 page whose meta says ``gb2312`` is garbled the other way round.
The bytes decide: valid UTF-8 with non-ASCII bytes is UTF-8 (GBK text is
almost never valid UTF-8); otherwise the first declared charset that decodes
the bytes without error wins; otherwise GB18030, which decodes all GBK/GB2312
text. GB2312 and GBK are always read as their superset GB18030.
"""

import codecs

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "euc_cn", "cp936"}


def canonical_charset(name: str | None) -> str | None:
    """Python codec name for a declared charset, with the GB family mapped to gb18030."""
    if not name:
        return None
    name = name.strip().strip("'\"").lower()
    # Browsers accept the "x-" prefix (x-gbk, x-gb2312); Python's codecs do not.
    resolved = resolve_encoding(name) or resolve_encoding(name.removeprefix("x-"))
    if not resolved:
        return None
    resolved = codecs.lookup(resolved).name
    return "gb18030" if resolved in _GB_FAMILY else resolved


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def choose_encoding(body: bytes, header_charset: str | None = None) -> str:
    """Return the codec that reads ``body`` right.

    ``header_charset`` is the charset of the HTTP ``Content-Type`` header, if any.
    """
    bom_encoding, _ = read_bom(body)
    if bom_encoding:
        return canonical_charset(bom_encoding) or "utf-8"
    if not body.isascii() and _decodes(body, "utf-8"):
        return "utf-8"
    declared = [canonical_charset(header_charset), canonical_charset(html_body_declared_encoding(body))]
    for encoding in declared:
        if encoding and _decodes(body, encoding):
            return encoding
    if _decodes(body, "gb18030"):
        return "gb18030"
    return next((e for e in declared if e), "utf-8")
