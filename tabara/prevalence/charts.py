"""Server-drawn SVG charts for the estimation report: no JavaScript, no external assets."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT, PAD, LABELS = 640, 220, 40, 150
Row = tuple[str, float, float | None, float | None]


def _svg(height: float, label: str, body: str) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" style="max-width:100%">{body}</svg>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="{anchor}">{escape(text)}</text>'
    )


def _scale(low: float, high: float, left: float, right: float) -> tuple[float, float]:
    span = (high - low) or 1.0
    return left, (right - left) / span


def histogram_svg(bins: Sequence[Sequence[float]], marks: dict[str, float], *, label: str) -> str:
    """Bars of bootstrap estimates; `bins` are (left, right, count); `marks` are labelled lines."""
    if not bins:
        return ""
    low, high = bins[0][0], bins[-1][1]
    origin, unit = _scale(low, high, PAD, WIDTH - PAD)
    tallest = max(b[2] for b in bins) or 1
    parts = []
    for left, right, count in bins:
        h = count / tallest * (HEIGHT - 2 * PAD)
        x = origin + (left - low) * unit
        w = max((right - left) * unit - 1, 1)
        parts.append(
            f'<rect x="{x:.1f}" y="{HEIGHT - PAD - h:.1f}" width="{w:.1f}" height="{h:.1f}" '
            'fill="#6c8ebf"/>'
        )
    for name, value in marks.items():
        if low <= value <= high:
            x = origin + (value - low) * unit
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{PAD / 2}" y2="{HEIGHT - PAD}" '
                'stroke="#b00" stroke-dasharray="4 3"/>'
            )
            parts.append(_text(x + 3, PAD / 2 + 10, name))
    parts.append(_text(PAD, HEIGHT - 12, f"{low:,.0f}"))
    parts.append(_text(WIDTH - PAD, HEIGHT - 12, f"{high:,.0f}", "end"))
    return _svg(HEIGHT, label, "".join(parts))


def intervals_svg(rows: Sequence[Row], *, label: str) -> str:
    """One row per method: a dot at the estimate and a bar over its interval."""
    values = [v for _name, e, lo, hi in rows for v in (e, lo, hi) if v is not None]
    if not values:
        return ""
    low, high = min(values), max(values)
    origin, unit = _scale(low, high, LABELS, WIDTH - PAD)
    row_h = 28
    height = PAD + row_h * len(rows)
    parts = []
    for index, (name, estimate, lo, hi) in enumerate(rows):
        y = PAD / 2 + index * row_h + row_h / 2
        parts.append(_text(4, y + 4, name))
        if lo is not None and hi is not None:
            x1, x2 = origin + (lo - low) * unit, origin + (hi - low) * unit
            parts.append(
                f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                'stroke="#444" stroke-width="2"/>'
            )
        cx = origin + (estimate - low) * unit
        parts.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="4" fill="#b00"/>')
    parts.append(_text(LABELS, height - 6, f"{low:,.0f}"))
    parts.append(_text(WIDTH - PAD, height - 6, f"{high:,.0f}", "end"))
    return _svg(height, label, "".join(parts))
