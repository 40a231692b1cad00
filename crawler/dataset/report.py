"""report.html: the dataset's figures as charts, one static page that opens offline.

Articles per day (or month) per site, field coverage per site and the top
sources, plus the stories told by more than one article. Charts are inline
SVG (``crawler.dataset.charts``); the page loads nothing.
"""

from collections import Counter
from html import escape

from crawler.dataset.charts import OTHER_COLOUR, heatmap, horizontal_bars, series_colours, stacked_bars
from crawler.dataset.profile import COVERAGE_FIELDS, Profile

SITES_IN_COLOUR = 8
SITES_IN_HEATMAP = 40
TOP_SOURCES = 15
TOP_STORIES = 10
STYLE = """body{font-family:sans-serif;margin:2em auto;max-width:1000px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse;font-size:.9em}
td,th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left}td.n{text-align:right}
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.9em;height:.9em;
margin-right:.3em;vertical-align:middle}.note{color:#666;font-size:.9em}"""


def _series(profile: Profile, periods: dict) -> tuple[list[str], dict]:
    """The biggest sites in colour, the rest together as "other"."""
    ranked = [site for site, _ in profile.by_site.most_common()]
    shown = ranked[:SITES_IN_COLOUR]
    if len(ranked) <= SITES_IN_COLOUR:
        return shown, periods
    merged = {period: Counter({site: counts[site] for site in shown}) for period, counts in periods.items()}
    for period, counts in periods.items():
        merged[period]["other"] = sum(n for site, n in counts.items() if site not in shown)
    return [*shown, "other"], merged


def _legend(colours: dict[str, str], names: dict[str, str]) -> str:
    return '<p class="legend">' + "".join(
        f'<span><i style="background:{colour}"></i>{escape(site)} {escape(names.get(site, ""))}</span>'
        for site, colour in colours.items()) + "</p>"


def html_report(profile: Profile, provenance: dict) -> str:
    unit, periods = profile.timeline()
    series, periods = _series(profile, periods)
    colours = series_colours(series)
    if "other" in colours:
        colours["other"] = OTHER_COLOUR
    heat_sites = [site for site, _ in profile.by_site.most_common(SITES_IN_HEATMAP)]
    sources = profile.sources.most_common(TOP_SOURCES)
    stories = sorted(profile.stories.values(), key=lambda s: (-s.size, s.title))[:TOP_STORIES]
    story_rows = "".join(
        f'<tr><td>{escape(s.title)}</td><td class="n">{s.size}</td><td>{escape(", ".join(sorted(s.sites)))}</td></tr>'
        for s in stories)
    site_rows = "".join(
        f'<tr><td>{escape(site)}</td><td>{escape(profile.site_names[site])}</td><td class="n">{count}</td></tr>'
        for site, count in profile.by_site.most_common())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Local news dataset report</title>
<style>{STYLE}</style></head>
<body>
<h1>Local news dataset</h1>
<p>{profile.rows} articles from {len(profile.by_site)} sites. Stories told by more than one article:
{len(profile.stories)}, with {profile.near_duplicates} later copies marked <code>near_duplicate</code>.
Exported {escape(provenance['made_at'])} UTC with <code>{escape(provenance['command'])}</code>;
README.md beside this page describes every column.</p>
<h2>Articles per {unit} and site</h2>
{_legend(colours, profile.site_names)}
{stacked_bars(periods, series, colours)}
<p class="note">By publication date{'; "unknown": articles without one' if "unknown" in periods else ""}.</p>
<h2>Field coverage per site</h2>
<p class="note">Share of each site's articles with a value in the field.</p>
{heatmap(heat_sites, list(COVERAGE_FIELDS), lambda site, name: profile.coverage(name, site))}
<h2>Top sources</h2>
<p class="note">The <code>source</code> field (来源): where the articles say they come from.</p>
{horizontal_bars(sources) if sources else "<p>No article names a source.</p>"}
<h2>Stories told by more than one article</h2>
{f"<table><tr><th>story</th><th>articles</th><th>sites</th></tr>{story_rows}</table>" if stories else "<p>None.</p>"}
<h2>Sites</h2>
<table><tr><th>site</th><th>name</th><th>articles</th></tr>{site_rows}</table>
</body></html>
"""
