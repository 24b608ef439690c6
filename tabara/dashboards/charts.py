"""Horizontal bar charts as server-rendered SVG, with the figures as text. Django-free.

Every chart names itself (<title>), says where its table is (<desc>), writes each value
beside its bar, and uses colours with a contrast of at least 4.5:1 on white (the text is
near-black; bars are dark enough to read as text would), so it prints in grey too. A
suppressed value (None) draws no bar and reads "<5".
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

INK = "#1a1a1a"  # 17.4:1 on white
BAR = "#1f5f8b"  # 6.9:1 on white
SLOW = "#a50f15"  # 8.4:1 on white
STACK = ("#1f5f8b", "#8a4500", "#4d4d4d")  # 6.9:1, 6.6:1, 8.5:1 on white
ROW = 18
LABEL_W = 190
BAR_W = 250
WIDTH = LABEL_W + BAR_W + 120


def _value_text(value: float | int | None, hidden: str = "<5") -> str:
    if value is None:
        return hidden
    return f"{value:g}" if isinstance(value, float) else str(value)


def _label(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


def bar_chart_svg(
    rows: Sequence[tuple[str, Sequence[float | int | None]]],
    *,
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[str] = (),
    highlight: str = "",
    highlight_note: str = "",
    hidden: str = "<5",
) -> str:
    """Bars (stacked when a row has several values) for `rows` of (label, values).

    `highlight` names a row drawn in the alert colour, `highlight_note` written after it;
    `hidden` is written for a value not shown (None).
    """
    legend = ROW if len(series) > 1 else 0
    height = legend + ROW * max(len(rows), 1) + 6
    totals = [sum(v for v in values if v is not None) for _label_text, values in rows]
    top = max(totals, default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" '
        f'font-family="sans-serif" font-size="11">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    ]
    for i, name in enumerate(series if legend else ()):
        left = LABEL_W + i * 90
        parts.append(
            f'<rect x="{left}" y="3" width="10" height="10" fill="{STACK[i % len(STACK)]}"/>'
            f'<text x="{left + 14}" y="12" fill="{INK}">{escape(name)}</text>'
        )
    for index, ((name, values), total) in enumerate(zip(rows, totals, strict=True)):
        y = legend + index * ROW + 3
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + 11}" text-anchor="end" fill="{INK}">'
            f"{escape(_label(name))}</text>"
        )
        x = float(LABEL_W)
        for position, value in enumerate(values):
            if not value:
                continue
            width = BAR_W * value / top
            colour = SLOW if name == highlight else STACK[position % len(STACK)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{max(width, 1):.1f}" height="{ROW - 5}" '
                f'fill="{colour}"/>'
            )
            x += width
        if len(values) == 1:
            text = _value_text(values[0], hidden)
        elif any(v is None for v in values):
            text = " + ".join(_value_text(v, hidden) for v in values)
        else:
            text = _value_text(total)
        note = f" {highlight_note}" if name == highlight and highlight_note else ""
        weight = ' font-weight="bold"' if note else ""
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 11}" fill="{SLOW if note else INK}"{weight}>'
            f"{escape(text + note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
