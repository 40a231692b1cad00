"""The article record.

``crawler/schemas/article.schema.json`` is the single source of truth: the
``Article`` item's fields are generated from it, the validate pipeline checks
every item against it and ``docs/fields.md`` explains it.
"""

import json
from importlib.resources import files

import scrapy

# A package resource, so it is found inside a scrapyd egg as well as in a checkout.
SCHEMA_PATH = files("crawler") / "schemas" / "article.schema.json"
ARTICLE_SCHEMA: dict = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
ARTICLE_FIELDS: tuple[str, ...] = tuple(ARTICLE_SCHEMA["properties"])

Article = type(
    "Article",
    (scrapy.Item,),
    {
        "__doc__": "A news article; fields as in article.schema.json.",
        "__module__": __name__,
        **{name: scrapy.Field() for name in ARTICLE_FIELDS},
    },
)
