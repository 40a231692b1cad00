"""Inline SVG charts for the static report: no script, no web font, nothing fetched.

``stacked_bars`` (articles per period, one colour per site),
``horizontal_bars`` (top sources) and ``heatmap`` (field coverage per site).
Each returns an ``<svg>`` element as text; labels are escaped.
"""

from html import escape

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7")
OTHER_COLOUR = "#bab0ac"
FONT = 'font-family="sans-serif" font-size="11"'


def _nice_top(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def series_colours(series: list[str]) -> dict[str, str]:
    return {name: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR) for i, name in enumerate(series)}


def stacked_bars(periods: dict, series: list[str], colours: dict[str, str], height: int = 280) -> str:
    """One bar per period, stacked by series; ``periods`` maps a label to ``{series: count}``."""
    left, bottom, top = 44, 72, 10  # room below for the slanted period labels
    bar = max(6, min(28, 720 // max(len(periods), 1)))
    width = left + bar * len(periods) + 20
    peak = _nice_top(max((sum(counts.values()) for counts in periods.values()), default=1))
    scale = (height - bottom - top) / peak
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for tick in (0, peak // 2, peak):
        y = height - bottom - tick * scale
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" {FONT}>{tick}</text>')
    label_every = max(1, len(periods) // 12)
    for i, (period, counts) in enumerate(periods.items()):
        x, y = left + i * bar, height - bottom
        for name in series:
            if counts.get(name):
                h = counts[name] * scale
                y -= h
                parts.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{bar - 2}" height="{h:.1f}" fill="{colours[name]}">'
                             f'<title>{escape(period)} {escape(name)}: {counts[name]}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text transform="translate({x + bar / 2:.1f},{height - bottom + 8}) rotate(45)" {FONT}>'
                         f'{escape(period)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(items: list[tuple[str, int]], colour: str = PALETTE[0]) -> str:
    """One labelled bar per ``(label, value)``, longest first as given."""
    label_width, row, width = 220, 20, 640
    peak = max((value for _, value in items), default=1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row * len(items) + 10}" role="img">']
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        length = (width - label_width - 50) * value / peak
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" {FONT}>{escape(label)}</text>'
                     f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" fill="{colour}"/>'
                     f'<text x="{label_width + length + 4:.1f}" y="{y + 14}" {FONT}>{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _shade(share: float) -> str:
    """White (0%) to the palette's blue (100%)."""
    red, green, blue = (round(255 - (255 - c) * share) for c in (0x4E, 0x79, 0xA7))
    return f"#{red:02x}{green:02x}{blue:02x}"


def heatmap(rows: list[str], columns: list[str], share) -> str:
    """A grid of ``share(row, column)`` values in 0..1, shaded and printed as percentages."""
    label_width, cell, header = 160, 62, 70
    width, height = label_width + cell * len(columns) + 10, header + 22 * len(rows) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for j, column in enumerate(columns):
        x = label_width + j * cell + cell / 2
        parts.append(f'<text transform="translate({x:.1f},{header - 6}) rotate(-35)" {FONT}>{escape(column)}</text>')
    for i, row in enumerate(rows):
        y = header + i * 22
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" {FONT}>{escape(row)}</text>')
        for j, column in enumerate(columns):
            value = share(row, column)
            ink = "#fff" if value > 0.6 else "#222"
            parts.append(f'<rect x="{label_width + j * cell}" y="{y}" width="{cell - 2}" height="20"'
                         f' fill="{_shade(value)}" stroke="#eee"/>'
                         f'<text x="{label_width + j * cell + cell / 2 - 1:.1f}" y="{y + 14}" text-anchor="middle"'
                         f' fill="{ink}" {FONT}>{value:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)
