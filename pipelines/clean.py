"""Clean: the first pipeline.

Collapses whitespace and leftover entities in every text field, tidies the
lists (names, tags, images), sets ``canonical_url`` (tracking parameters
removed), the ``id`` derived from it and the ``content_hash`` of the body,
and gives every schema field a value (``None`` or ``[]`` when empty), so
each output line has the same keys. Drops nothing.
"""

import hashlib
import re

from itemadapter import ItemAdapter

from crawler.extract.text import normalize_paragraphs, normalize_space
from crawler.items import ARTICLE_SCHEMA
from crawler.urls import canonical_url, url_id

TEXT_FIELDS = ("title", "subtitle", "published_raw", "updated_raw", "source", "section", "summary")
LIST_FIELDS = ("authors", "editors", "photographers", "tags")
_NO_SPACE = re.compile(r"\s+")


def _is_list_field(schema_property: dict) -> bool:
    ref = schema_property.get("$ref", "")
    return schema_property.get("type") == "array" or ref.endswith("/names")


EMPTY_VALUES = {
    name: ([] if _is_list_field(prop) else None) for name, prop in ARTICLE_SCHEMA["properties"].items()
}
EMPTY_VALUES["extracted_by"] = {}


def unique(values):
    """Items in first-seen order, each once."""
    return list(dict.fromkeys(values))


def content_hash(title: str | None, body: str | None) -> str:
    """SHA-1 of the body with all whitespace removed (of the title when there is no body)."""
    text = _NO_SPACE.sub("", body or "") or _NO_SPACE.sub("", title or "")
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CleanPipeline:
    def process_item(self, item):
        adapter = ItemAdapter(item)
        for name, empty in EMPTY_VALUES.items():
            if adapter.get(name) is None:
                adapter[name] = type(empty)() if isinstance(empty, (list, dict)) else empty
        for name in TEXT_FIELDS:
            adapter[name] = normalize_space(adapter[name]) or None
        for name in LIST_FIELDS:
            adapter[name] = unique(v for v in map(normalize_space, adapter[name]) if v)
        adapter["body"] = normalize_paragraphs(adapter["body"]) or None
        adapter["images"] = self._clean_images(adapter["images"])
        adapter["url"] = adapter["url"].strip()
        adapter["canonical_url"] = canonical_url(adapter["canonical_url"] or adapter["url"])
        adapter["id"] = url_id(adapter["canonical_url"])
        adapter["content_hash"] = content_hash(adapter["title"], adapter["body"])
        adapter["extracted_by"] = {k: v for k, v in adapter["extracted_by"].items() if adapter.get(k) not in (None, [], "")}
        return item

    @staticmethod
    def _clean_images(images):
        cleaned, seen = [], set()
        for image in images:
            url = (image.get("url") or "").strip()
            if not url or url in seen:
                continue
            seen.add(url)
            cleaned.append({"url": url, "caption": normalize_space(image.get("caption")) or None})
        return cleaned
