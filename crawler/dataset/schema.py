"""The dataset's columns: the article schema's fields, then the fields the export adds.

Types come from ``crawler/schemas/article.schema.json`` (the single source
of truth), so a new article field reaches every format and the dataset card
without an edit here. Times stay ISO 8601 text in every format:
``published_at`` is a full time or only a day, as the page gave it.
"""

from crawler.items import ARTICLE_FIELDS, ARTICLE_SCHEMA

DATASET_FIELDS = {
    "first_seen": ("string", "`fetched_at` of the first crawl that saw the article (UTC)."),
    "last_seen": ("string", "`fetched_at` of the latest crawl that saw it; the record is from that crawl."),
    "versions": ("integer", "How many times it was crawled (copies merged into this record)."),
    "story_id": ("string", "The `id` of the earliest article of its story: near-duplicates share it."),
    "story_size": ("integer", "How many articles (on any site) tell the same story; 1 if none else."),
    "near_duplicate": ("boolean", "True when an earlier article of the same story exists: a republished copy."),
}
COLUMNS = (*ARTICLE_FIELDS, *DATASET_FIELDS)


def _resolve(prop: dict) -> dict:
    ref = prop.get("$ref")
    if ref:
        return _resolve(ARTICLE_SCHEMA["$defs"][ref.rsplit("/", 1)[1]])
    if "oneOf" in prop:
        return _resolve(next(p for p in prop["oneOf"] if _resolve(p).get("type") != "null"))
    return prop


def _kind(prop: dict) -> str:
    kind = _resolve(prop).get("type", "string")
    return next(k for k in kind if k != "null") if isinstance(kind, list) else kind


def type_name(prop: dict) -> str:
    """A short readable type: ``string``, ``list<string>``, ``list<{url, caption}>``, ``map<string, string>``."""
    prop = _resolve(prop)
    kind = _kind(prop)
    if kind == "array":
        return f"list<{type_name(prop['items'])}>"
    if kind == "object":
        if "properties" in prop:
            return "{" + ", ".join(prop["properties"]) + "}"
        return f"map<string, {type_name(prop.get('additionalProperties', {}))}>"
    return kind


def column_types() -> dict[str, str]:
    types = {name: type_name(ARTICLE_SCHEMA["properties"][name]) for name in ARTICLE_FIELDS}
    types.update({name: kind for name, (kind, _) in DATASET_FIELDS.items()})
    return types


def _arrow_type(pa, prop: dict):
    prop = _resolve(prop)
    kind = _kind(prop)
    if kind == "array":
        return pa.list_(_arrow_type(pa, prop["items"]))
    if kind == "object":
        if "properties" in prop:
            return pa.struct([(name, _arrow_type(pa, p)) for name, p in prop["properties"].items()])
        return pa.map_(pa.string(), _arrow_type(pa, prop.get("additionalProperties", {})))
    return {"integer": pa.int64(), "boolean": pa.bool_(), "number": pa.float64()}.get(kind, pa.string())


def arrow_schema(pa):
    """The Parquet schema (``pa`` is the ``pyarrow`` module, imported only when Parquet is asked for)."""
    fields = [(name, _arrow_type(pa, ARTICLE_SCHEMA["properties"][name])) for name in ARTICLE_FIELDS]
    fields += [(name, _arrow_type(pa, {"type": kind})) for name, (kind, _) in DATASET_FIELDS.items()]
    return pa.schema(fields)
