"""The time zone and languages of a site (``crawler.locales``)."""

import re
from zoneinfo import ZoneInfo

import pytest

from crawler.locales import (
    COUNTRIES, DEFAULT_LANGUAGES, DEFAULT_ZONE, LocaleError, checked_locale, country_locale, country_of,
)


@pytest.mark.parametrize(
    ("url", "zone", "languages"),
    [
        ("http://www.qxnews.cn/xwzx/", "Asia/Shanghai", ("zh",)),
        ("https://news.ltn.com.tw/list/", "Asia/Taipei", ("zh",)),
        ("https://www.kreisbote.de/lokales/", "Europe/Berlin", ("de",)),
        ("https://www.campograndenews.com.br/cidades/", "America/Sao_Paulo", ("pt",)),
        ("https://www.tagblatt.ch/ostschweiz", "Europe/Zurich", ("de", "fr", "it")),
        ("https://millbrookgazette.com/local/", DEFAULT_ZONE, DEFAULT_LANGUAGES),
        ("http://127.0.0.1:8355/xwzx/", DEFAULT_ZONE, DEFAULT_LANGUAGES),
    ],
)
def test_a_site_takes_its_country_s_zone_and_languages(url, zone, languages):
    assert country_locale(url) == (zone, languages)


def test_what_is_given_replaces_what_is_known():
    assert checked_locale("Europe/Berlin", ("de",), "Europe/Vienna", "de, EN") == ("Europe/Vienna", ["de", "en"])
    assert checked_locale("Europe/Berlin", ("de",), None, "fr") == ("Europe/Berlin", ["fr"])
    assert checked_locale(DEFAULT_ZONE, DEFAULT_LANGUAGES, "America/Chicago") == ("America/Chicago", ["zh"])
    assert checked_locale("Asia/Taipei", ["zh"]) == ("Asia/Taipei", ["zh"])


@pytest.mark.parametrize(
    ("timezone", "languages", "message"),
    [
        ("Europe/Bonn", None, "timezone must be a time zone name such as Europe/Berlin, not 'Europe/Bonn'"),
        ("../etc/passwd", None, "timezone must be a time zone name"),
        (None, "german", "languages must be language codes separated by commas such as de,en, not 'german'"),
        (None, " , ", "languages must be language codes"),
        (None, "de;en", "languages must be language codes"),
    ],
)
def test_a_bad_zone_or_language_is_one_line(timezone, languages, message):
    with pytest.raises(LocaleError, match=re.escape(message)) as error:
        checked_locale("Europe/Berlin", ("de",), timezone, languages)
    assert "\n" not in str(error.value)


def test_every_country_s_zone_exists():
    assert all(ZoneInfo(zone) for zone, _ in COUNTRIES.values())
    assert country_of("https://www.example.co.uk/a") == "uk" and country_of("not a url") == ""
