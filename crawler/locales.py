"""The time zone and languages of a site, from what is known of it.

A site spider declares its ``timezone`` and ``languages``; the ``generic``
spider, which knows nothing of a site, takes those of the country-code
domain of its first URL (``www.kreisbote.de`` → Europe/Berlin, German), or
the project's default (Asia/Shanghai, Chinese) for ``.com``, ``.org`` and the
like. ``-a timezone=`` and ``-a languages=`` override either. The zone says
when a date without one was written; the languages say how to read month
names and relative dates, and which language the articles are in.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
DEFAULT_LANGUAGES = ("zh",)

#: Country-code domain → (zone, languages), for the countries whose local news this project meets.
COUNTRIES = {
    "cn": ("Asia/Shanghai", ("zh",)), "tw": ("Asia/Taipei", ("zh",)), "hk": ("Asia/Hong_Kong", ("zh", "en")),
    "mo": ("Asia/Macau", ("zh", "pt")), "sg": ("Asia/Singapore", ("en", "zh")),
    "de": ("Europe/Berlin", ("de",)), "at": ("Europe/Vienna", ("de",)), "ch": ("Europe/Zurich", ("de", "fr", "it")),
    "li": ("Europe/Vaduz", ("de",)), "lu": ("Europe/Luxembourg", ("fr", "de")), "fr": ("Europe/Paris", ("fr",)),
    "be": ("Europe/Brussels", ("fr", "nl")), "nl": ("Europe/Amsterdam", ("nl",)), "it": ("Europe/Rome", ("it",)),
    "es": ("Europe/Madrid", ("es",)), "pt": ("Europe/Lisbon", ("pt",)), "uk": ("Europe/London", ("en",)),
    "ie": ("Europe/Dublin", ("en",)), "se": ("Europe/Stockholm", ("sv",)), "br": ("America/Sao_Paulo", ("pt",)),
    "uy": ("America/Montevideo", ("es",)), "ar": ("America/Argentina/Buenos_Aires", ("es",)),
    "mx": ("America/Mexico_City", ("es",)), "cl": ("America/Santiago", ("es",)), "pe": ("America/Lima", ("es",)),
    "co": ("America/Bogota", ("es",)), "us": ("America/New_York", ("en",)), "ca": ("America/Toronto", ("en", "fr")),
    "au": ("Australia/Sydney", ("en",)), "in": ("Asia/Kolkata", ("en",)),
}


class LocaleError(ValueError):
    """A time zone or a language list that cannot be used (the message is one line for the user)."""


def country_of(url: str) -> str:
    """The last label of a URL's host: its country-code domain when it has one (``""`` for none)."""
    return (urlsplit(url).hostname or "").rsplit(".", 1)[-1]


def country_locale(url: str) -> tuple[str, tuple[str, ...]]:
    """``(zone, languages)`` of the country of the site at ``url``; the project's default for no known country."""
    return COUNTRIES.get(country_of(url), (DEFAULT_ZONE, DEFAULT_LANGUAGES))


def checked_locale(zone: str, languages, timezone: str | None = None, codes: str | None = None) -> tuple[str, list[str]]:
    """``(zone, languages)``, each replaced by what is given (``codes`` comma-separated, as ``-a languages=de,en``
    gives them). Raises LocaleError for an unknown zone or a malformed language code."""
    if timezone:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise LocaleError(f"timezone must be a time zone name such as Europe/Berlin, not {timezone!r}") from None
        zone = timezone
    if codes:
        languages = [code.strip().lower() for code in codes.split(",") if code.strip()]
        if not languages or not all(code.isascii() and code.isalpha() and 2 <= len(code) <= 3 for code in languages):
            raise LocaleError(f"languages must be language codes separated by commas such as de,en, not {codes!r}")
    return zone, list(languages)
