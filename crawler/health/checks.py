"""Health checks: the figures of a finished crawl, and what is wrong with them.

``figures(stats, reason, fields)`` reads a crawl's stats; ``assess`` compares
the figures with the ``Thresholds`` and with the site's baseline (median
coverage of its previous runs, see ``crawler.health.history``) and lists the
problems, each a sentence an operator can act on. A run is healthy when
there are none.
"""

from dataclasses import dataclass

COVERAGE_PREFIX = "news/coverage/"
# Articles the site produced this run: written, or dropped for failing the schema.
EXTRACTED_KEY = COVERAGE_PREFIX + "articles"
_STATUS_PREFIX = "downloader/response_status_count/"
_ROBOTS_STATUS_PREFIX = "robotstxt/response_status_count/"


@dataclass(frozen=True)
class Thresholds:
    min_articles: int
    min_coverage: dict
    coverage_min_sample: int
    max_http_error_rate: float
    max_error_rate: float
    max_coverage_drop: float
    history_runs: int

    @classmethod
    def from_crawler(cls, crawler) -> "Thresholds":
        """The settings' thresholds; a spider's ``min_articles`` attribute overrides the default minimum."""
        settings = crawler.settings
        default_minimum = settings.getint("HEALTH_MIN_ARTICLES")
        return cls(
            min_articles=int(getattr(crawler.spider, "min_articles", default_minimum)),
            min_coverage={field: float(v) for field, v in settings.getdict("HEALTH_MIN_COVERAGE").items()},
            coverage_min_sample=settings.getint("HEALTH_COVERAGE_MIN_SAMPLE"),
            max_http_error_rate=settings.getfloat("HEALTH_MAX_HTTP_ERROR_RATE"),
            max_error_rate=settings.getfloat("HEALTH_MAX_ERROR_RATE"),
            max_coverage_drop=settings.getfloat("HEALTH_MAX_COVERAGE_DROP"),
            history_runs=settings.getint("HEALTH_HISTORY_RUNS"),
        )


def _http_errors(stats: dict, prefix: str) -> int:
    return sum(count for key, count in stats.items() if key.startswith(prefix) and int(key[len(prefix):]) >= 400)


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole > 0 else float(part > 0)


def figures(stats: dict, reason: str, fields) -> dict:
    """The numbers health is judged on; robots.txt fetches are left out of the rates."""
    extracted = stats.get(EXTRACTED_KEY, 0)
    responses = stats.get("downloader/response_count", 0) - stats.get("robotstxt/response_count", 0)
    requests = stats.get("downloader/request_count", 0) - stats.get("robotstxt/request_count", 0)
    http_errors = _http_errors(stats, _STATUS_PREFIX) - _http_errors(stats, _ROBOTS_STATUS_PREFIX)
    return {
        "finish_reason": reason,
        "articles_new": stats.get("item_scraped_count", 0),
        "articles_known": stats.get("news/listing/known", 0),
        "articles_extracted": extracted,
        "pages": stats.get("response_received_count", 0),
        "coverage": {field: _rate(stats.get(COVERAGE_PREFIX + field, 0), extracted) for field in fields}
        if extracted
        else {},
        "http_error_rate": _rate(http_errors, responses),
        "errors": stats.get("log_count/ERROR", 0),
        "error_rate": _rate(stats.get("log_count/ERROR", 0), requests),
    }


def assess(facts: dict, thresholds: Thresholds, baseline: dict) -> dict:
    """``facts`` (from ``figures``) with ``healthy``, ``problems``, ``layout_alarms`` and ``baseline`` added."""
    problems, alarms = [], []
    if facts["finish_reason"] != "finished":
        problems.append(f"finished with {facts['finish_reason']!r}, not 'finished'")
    found = facts["articles_new"] + facts["articles_known"]
    if found < thresholds.min_articles:
        problems.append(
            f"{facts['articles_new']} new and {facts['articles_known']} already known articles,"
            f" fewer than the site's minimum of {thresholds.min_articles}"
        )
    if facts["articles_extracted"] >= max(1, thresholds.coverage_min_sample):
        for field, minimum in thresholds.min_coverage.items():
            share = facts["coverage"][field]
            if share < minimum:
                problems.append(f"{field} found on {share:.0%} of articles, below {minimum:.0%}")
            if field in baseline and baseline[field] - share > thresholds.max_coverage_drop:
                alarms.append(field)
                problems.append(
                    f"layout change? {field} found on {share:.0%} of articles,"
                    f" {baseline[field]:.0%} in this site's previous runs"
                )
    if facts["http_error_rate"] > thresholds.max_http_error_rate:
        problems.append(
            f"{facts['http_error_rate']:.0%} of responses were HTTP 4xx/5xx"
            f" (limit {thresholds.max_http_error_rate:.0%})"
        )
    if facts["error_rate"] > thresholds.max_error_rate:
        problems.append(
            f"{facts['errors']} errors logged, {facts['error_rate']:.0%} of requests"
            f" (limit {thresholds.max_error_rate:.0%})"
        )
    return {**facts, "healthy": not problems, "problems": problems, "layout_alarms": alarms, "baseline": baseline}
