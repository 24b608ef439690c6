"""Rwanda's 30 districts as an SVG choropleth, drawn from the boundaries in the repository.

The GeoJSON (tabara/geo/data/districts.geojson, CC BY 4.0 © WASAC Ltd.) is read once per
process, projected (equirectangular, scaled by cos of the mean latitude, which is exact
enough this close to the equator), and simplified with Douglas-Peucker to about half a
pixel, so the whole map is a few tens of kilobytes with no map tiles and no script.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

GEOJSON = Path(__file__).resolve().parent / "data" / "districts.geojson"
WIDTH = 400.0
TOLERANCE = 0.6  # pixels
# Sequential green scale (light → dark), readable when printed in grey too.
SHADES = ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c")
EMPTY = "#f2f2f2"

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class DistrictShape:
    """One district: its code, name, SVG path data and a point to put a label on."""

    code: str
    name: str
    path: str
    label_x: float
    label_y: float


def _simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:  # a closed ring: measure from its first point
                distance = math.hypot(px - x1, py - y1)
            else:
                distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_path(ring: Sequence[Point]) -> str:
    """SVG path data of a closed ring; a ring too small to see after simplifying is dropped."""
    if len(ring) < 4:
        return ""
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in ring[:-1]) + "Z"


def _centroid(ring: Sequence[Point]) -> Point:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-9:
        return ring[0]
    return cx / (3 * area), cy / (3 * area)


@lru_cache(maxsize=1)
def district_shapes() -> tuple[tuple[DistrictShape, ...], float]:
    """The projected, simplified districts and the map's height (width is WIDTH)."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    rings_by_feature = []
    xs: list[float] = []
    ys: list[float] = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        rings = [ring for polygon in polygons for ring in polygon]
        rings_by_feature.append((feature["properties"], rings))
        for ring in rings:
            xs.extend(x for x, _y in ring)
            ys.extend(y for _x, y in ring)
    shrink = math.cos(math.radians((min(ys) + max(ys)) / 2))
    scale = WIDTH / ((max(xs) - min(xs)) * shrink)
    height = (max(ys) - min(ys)) * scale
    x0, y1 = min(xs), max(ys)
    shapes = []
    for properties, rings in rings_by_feature:
        parts = []
        largest: list[Point] = []
        for ring in rings:
            projected = [((x - x0) * shrink * scale, (y1 - y) * scale) for x, y in ring]
            simple = _simplify(projected, TOLERANCE)
            if len(simple) > len(largest):
                largest = simple
            parts.append(ring_path(simple))
        label_x, label_y = _centroid(largest)
        code = f"{int(properties['id']):02d}"
        shapes.append(
            DistrictShape(code, str(properties["name"]), "".join(parts), label_x, label_y)
        )
    return tuple(sorted(shapes, key=lambda s: s.code)), height


def shade(value: int, top: int) -> str:
    """The fill for a value: five steps up to the largest value; none for zero."""
    if value <= 0 or top <= 0:
        return EMPTY
    step = min(len(SHADES) - 1, int(len(SHADES) * value / (top + 1)))
    return SHADES[step]


def district_map_svg(
    values: Mapping[str, int],
    *,
    title: str,
    label: str = "",
    texts: Mapping[str, str] | None = None,
) -> str:
    """An accessible SVG map: each district filled by its value, named in a <title>.

    `label` is a format string with {name} and {value} for each district's tooltip; all
    text is escaped. `texts` replaces the number written on a district (e.g. "<5" for a
    count that may not be shown; such a district is left unshaded).
    """
    texts = texts or {}
    shapes, height = district_shapes()
    top = max(values.values(), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {height:.0f}" '
        f'role="img" aria-labelledby="map-title" class="map">'
        f'<title id="map-title">{escape(title)}</title>'
    ]
    for shape in shapes:
        value = int(values.get(shape.code, 0))
        shown = texts.get(shape.code, str(value))
        tooltip = (label or "{name}: {value}").format(name=shape.name, value=shown)
        parts.append(
            f'<path id="d{shape.code}" d="{shape.path}" fill="{shade(value, top)}" '
            f'stroke="#555" stroke-width=".6" data-value="{value}">'
            f"<title>{escape(tooltip)}</title></path>"
        )
    for shape in shapes:
        value = int(values.get(shape.code, 0))
        shown = texts.get(shape.code, str(value) if value else "")
        if shown:
            # A white halo keeps the number readable (>= 4.5:1) on the darkest shade.
            parts.append(
                f'<text x="{shape.label_x:.0f}" y="{shape.label_y:.0f}" font-size="9" '
                f'text-anchor="middle" fill="#000" stroke="#fff" stroke-width="2.5" '
                f'paint-order="stroke">{escape(shown)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
