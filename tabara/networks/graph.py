"""The network drawn as SVG on the server: no JavaScript, readable without colour.

Each connected component gets a square cell, cells flow three to a row. Inside a cell the
identifiers sit on an inner ring (a lone identifier at the centre) and the records on an
outer ring, each edge a line from an identifier to a record that mentions it. Identifiers
are diamonds, reports circles, cases squares; every shape has a <title> (its label) and a
text label, and a record the viewer may open is a link. The same facts are in the table
beside the drawing, which is what a screen reader should use.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tabara.networks.selectors import Component

CELL = 360
COLUMNS = 3
INNER, OUTER = 60, 130
KIND_FILL = {
    "phone": "#b5462f",
    "account": "#2f6db5",
    "plate": "#6b4fa3",
    "agency": "#2f8a4f",
    "name": "#8a6d1f",
}


def _ring(count: int, radius: float, cx: float, cy: float) -> list[tuple[float, float]]:
    if count == 1 and radius == INNER:
        return [(cx, cy)]
    return [
        (
            cx + radius * math.cos(2 * math.pi * k / count - math.pi / 2),
            cy + radius * math.sin(2 * math.pi * k / count - math.pi / 2),
        )
        for k in range(count)
    ]


def _cell(component: Component, x0: float, y0: float, caption: str) -> list[str]:
    cx, cy = x0 + CELL / 2, y0 + CELL / 2 + 8
    at_identifier = dict(
        zip(
            [n.pk for n in component.identifiers],
            _ring(len(component.identifiers), INNER, cx, cy),
            strict=True,
        )
    )
    at_record = dict(
        zip(
            [n.key for n in component.records],
            _ring(len(component.records), OUTER, cx, cy),
            strict=True,
        )
    )
    out = [
        f'<text x="{x0 + 8:.0f}" y="{y0 + 16:.0f}" class="cap">{escape(caption)}</text>',
    ]
    for identifier_id, record_key in component.edges:
        (x1, y1), (x2, y2) = at_identifier[identifier_id], at_record[record_key]
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    for node in component.identifiers:
        x, y = at_identifier[node.pk]
        fill = KIND_FILL.get(node.kind, "#555")
        standing = f" ({node.standing_label})" if node.standing else ""
        title = escape(f"{node.kind_label}: {node.label}{standing}")
        out.append(
            f'<g><title>{title}</title><path d="M{x:.1f} {y - 9:.1f}l9 9l-9 9l-9-9z" '
            f'fill="{fill}"/><text x="{x:.1f}" y="{y + 21:.1f}" class="id">'
            f"{escape(node.label)}</text></g>"
        )
    for record in component.records:
        x, y = at_record[record.key]
        shape = (
            f'<rect x="{x - 8:.1f}" y="{y - 8:.1f}" width="16" height="16" class="case"/>'
            if record.kind == "case"
            else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" class="report"/>'
        )
        title = escape(f"{record.reference} · {record.holder} · {record.district}")
        body = (
            f"<title>{title}</title>{shape}"
            f'<text x="{x:.1f}" y="{y + 20:.1f}">{escape(record.reference)}</text>'
        )
        if record.url:
            out.append(f'<a href="{escape(record.url)}">{body}</a>')
        else:
            out.append(f"<g>{body}</g>")
    return out


def network_svg(components: list[Component], *, title: str, captions: list[str]) -> str:
    """The components as one SVG image; `captions[i]` heads component i's cell."""
    rows = max(math.ceil(len(components) / COLUMNS), 1)
    width, height = CELL * min(max(len(components), 1), COLUMNS), CELL * rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" style="max-width:100%;height:auto" '
        f'role="img" aria-labelledby="network-title" class="network">'
        f'<title id="network-title">{escape(title)}</title>'
        "<style>line{stroke:#8a96a3;stroke-width:1.2}text{font:11px sans-serif;"
        "text-anchor:middle;fill:#1a1a1a}text.cap{text-anchor:start;font-weight:700}"
        "text.id{font-size:10px}.report{fill:#fff;stroke:#17324d;stroke-width:2}"
        ".case{fill:#17324d}a text{fill:#0b4f8a;text-decoration:underline}</style>"
    ]
    for index, component in enumerate(components):
        x0 = (index % COLUMNS) * CELL
        y0 = (index // COLUMNS) * CELL
        parts.append(
            f'<rect x="{x0 + 2}" y="{y0 + 2}" width="{CELL - 4}" height="{CELL - 4}" '
            'fill="#fff" stroke="#dde3e8"/>'
        )
        parts.extend(_cell(component, x0, y0, captions[index]))
    parts.append("</svg>")
    return "".join(parts)
