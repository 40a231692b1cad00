"""Export benchmark: ``scrapy export`` on a synthetic archive of daily crawl runs.

Writes ``--articles`` articles from ``--sites`` sites as ``--days`` daily
crawlall runs (each article crawled once, a tenth of them again the next
day), with one article in twenty a republished copy of another site's
story (new lead, extra credit line). Bodies are random clauses of characters
drawn from the demo portal's texts, so stories do not collide by chance.
Prints the time and throughput of the whole export (jsonl, then all four
formats), of its merge and story-grouping steps alone, the stories found
and the peak RSS. Run from the repo root:

    .venv/bin/python benchmarks/export_dataset.py --articles 50000
"""

import argparse
import copy
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.dataset.build import export_dataset  # noqa: E402
from crawler.dataset.filters import Filters  # noqa: E402
from crawler.dataset.inputs import InputTally, read_records, run_files  # noqa: E402
from crawler.dataset.merge import merge  # noqa: E402
from crawler.dataset.stories import group_stories  # noqa: E402
from crawler.demo.content import load_stories  # noqa: E402
from pipelines.clean import EMPTY_VALUES  # noqa: E402

START = date(2026, 1, 1)


def characters() -> str:
    text = "".join(p for story in load_stories() for p in story.paragraphs)
    return "".join(sorted(set(text)))


def body(rng: random.Random, alphabet: str) -> str:
    """3-6 paragraphs of 2-4 sentences of 2-5 clauses of 6-18 characters: 400-1200 characters."""
    def sentence() -> str:
        return "，".join("".join(rng.choices(alphabet, k=rng.randint(6, 18))) for _ in range(rng.randint(2, 5))) + "。"

    return "\n\n".join("".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6)))


def record(site: int, number: int, day: date, text: str, fetched: date) -> dict:
    url = f"https://www.site{site}.gov.cn/xw/{day:%Y%m}/t{day:%Y%m%d}_{number}.html"
    article = copy.deepcopy(EMPTY_VALUES)
    article.update(id=f"{number:040x}", url=url, canonical_url=url, site=f"site{site}", site_name=f"站点{site}",
                   title=text[:20], body=text, published_at=f"{day}T09:00:00+08:00", language="zh",
                   fetched_at=f"{fetched}T01:00:00+00:00", content_hash="0" * 40, authors=["王芳"],
                   source="江南日报" if number % 3 else None, extracted_by={"title": "selector"})
    return article


def write_archive(root: Path, articles: int, sites: int, days: int, seed: int) -> int:
    rng, alphabet = random.Random(seed), characters()
    per_day = max(1, articles // days)
    lines, previous = 0, []
    for d in range(days):
        day = START + timedelta(days=d)
        folder = root / "runs" / f"{day:%Y%m%d}T010000Z"
        folder.mkdir(parents=True)
        today = []
        for n in range(per_day):
            number = d * per_day + n
            site = rng.randrange(sites)
            if n % 20 == 0 and previous:
                original = rng.choice(previous)
                text = "本报讯 " + original["body"] + "\n\n（来源：江南日报）"
            else:
                text = body(rng, alphabet)
            today.append(record(site, number, day, text, day))
        again = [dict(a, fetched_at=f"{day}T01:00:00+00:00") for a in previous[: len(previous) // 10]]
        by_site: dict[str, list] = {}
        for article in today + again:
            by_site.setdefault(article["site"], []).append(article)
        for site, rows in by_site.items():
            with (folder / f"{site}.jsonl").open("w", encoding="utf-8") as feed:
                feed.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
            lines += len(rows)
        previous = today
    return lines


def timed(step):
    began = time.perf_counter()
    value = step()
    return value, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        lines = write_archive(root, args.articles, args.sites, args.days, args.seed)
        size = sum(path.stat().st_size for path in root.rglob("*.jsonl"))
        print(f"archive: {lines} lines, {size / 2**20:.1f} MiB in {len(run_files(root, root / 'dataset'))} run files")
        for formats in (["jsonl"], ["jsonl", "jsonl.gz", "csv", "parquet"]):
            result, seconds = timed(lambda chosen=formats: export_dataset(
                root, root / "dataset", chosen, Filters(), threshold=0.5, window_days=7, command="benchmark"))
            print(f"export {','.join(formats)}: {seconds:.1f} s, {lines / seconds:,.0f} lines/s,"
                  f" {result.profile.rows} articles")
        entries, merge_seconds = timed(lambda: merge(read_records(run_files(root, root / "dataset"), InputTally())))
        stories, group_seconds = timed(lambda: group_stories(entries, 0.5, 7))
        grouped = sum(1 for story_id, size in stories.values() if size > 1)
        print(f"read + merge: {merge_seconds:.1f} s; story grouping: {group_seconds:.1f} s;"
              f" {grouped} articles in stories of two or more")
        print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
