"""Feed plumbing: where a run's JSON Lines go, and writing them so a kill cannot tear a line.

``FEEDS`` in settings names ``%(output_dir)s/%(name)s/%(time)s.jsonl``;
``uri_params`` fills ``output_dir`` from the ``OUTPUT_DIR`` setting, so
``-s OUTPUT_DIR=...`` moves the output.
"""

from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage


def uri_params(params: dict, spider) -> dict:
    params["output_dir"] = str(Path(spider.settings["OUTPUT_DIR"]).resolve())
    return params


class LineAtomicFileStorage(FileFeedStorage):
    """A local feed file opened unbuffered.

    The JSON Lines exporter writes each item with a single ``write()``; with
    no buffer in between that is a single system call, so SIGKILL leaves
    whole lines only, and every line the record-seen pipeline counts as
    written is on disk. The path is kept in the stats (``feed/path``) for the
    run summary.
    """

    def __init__(self, uri, *, feed_options=None, crawler=None):
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler, uri, *, feed_options=None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.crawler is not None:
            self.crawler.stats.set_value("feed/path", str(path))
        return path.open(self.write_mode, buffering=0)
