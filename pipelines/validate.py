"""Validate: drops an article that does not match ``article.schema.json``.

The schema is compiled once (fastjsonschema turns it into Python code, about
a hundred times faster than interpreting it per item). An invalid article is
dropped with the first violation as its logged reason and counted as
``news/dropped/invalid`` and ``news/invalid/<field>``.
"""

import fastjsonschema
from itemadapter import ItemAdapter

from crawler.items import ARTICLE_SCHEMA
from pipelines.drops import CrawlerPipeline, drop

validate_article = fastjsonschema.compile(ARTICLE_SCHEMA)


class ValidatePipeline(CrawlerPipeline):
    def process_item(self, item):
        record = dict(ItemAdapter(item))  # validation only reads: no deep copy
        try:
            validate_article(record)
        except fastjsonschema.JsonSchemaValueException as error:
            field = (error.path[1] if len(error.path) > 1 else "record") if error.path else "record"
            self.crawler.stats.inc_value(f"news/invalid/{field}")
            raise drop(self.crawler, "invalid", f"{record.get('url')}: {error.message}", log_level="WARNING") from None
        return item
