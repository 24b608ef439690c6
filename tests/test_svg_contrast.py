"""Text inside every chart and map has a contrast of at least 4.5:1 (WCAG 2.1, 1.4.3).

axe-core does not compute contrast inside SVG, so this test does, without a browser: it
draws each server-made SVG (the statistics bar chart, the estimation histogram and
interval chart, the district map, the network graph) from a little data, finds the colour
of every <text> (its `fill`, else the SVG's own <style>, else black, as SVG paints it)
and what it is read against: its own halo (a stroke painted under it, `paint-order`)
when it has one, else every background a chart is shown on (a white card, the staff
page's grey). The ratio is WCAG's: relative luminance of sRGB colours, (L1 + 0.05) /
(L2 + 0.05).

How it fails, with the statistics chart's ink made #999999 to try it:

    AssertionError: bar chart: "Open" #999999 on #ffffff is 2.85:1

and with the map's white halo taken off and its numbers made #777:

    AssertionError: district map: "40" #777 on #ffffff is 4.48:1
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tabara.dashboards.charts import bar_chart_svg
from tabara.geo.svgmap import district_map_svg
from tabara.networks.graph import network_svg
from tabara.networks.selectors import Component, IdentifierNode, RecordNode
from tabara.prevalence.charts import histogram_svg, intervals_svg

# WCAG 2.1 success criterion 1.4.3: normal text needs 4.5:1 (chart text is small).
MINIMUM = 4.5
# What a chart can sit on: a card (tabara/templates/*/base.html `.card`, background #fff)
# or the staff page itself (`body`, #f6f7f6).
PAGE_BACKGROUNDS = ("#ffffff", "#f6f7f6")
NAMED = {"black": "#000000", "white": "#ffffff"}


def _rgb(colour: str) -> tuple[int, int, int]:
    value = NAMED.get(colour.strip().lower(), colour.strip().lower())
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(2 * c for c in value[1:])
    assert re.fullmatch(r"#[0-9a-f]{6}", value), f"a colour this test cannot read: {colour}"
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    channels = []
    for c in _rgb(colour):
        s = c / 255
        channels.append(s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Published ratios (WebAIM's contrast checker; WCAG's own examples) that the formula must give.
@pytest.mark.parametrize(
    ("fore", "back", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # just fails 4.5:1
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
    ],
)
def test_the_ratio_is_wcag_s(fore: str, back: str, ratio: float) -> None:
    assert round(contrast(fore, back), 2) == ratio


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


Rule = tuple[set[str], set[str], tuple[int, int], str]  # ancestors, classes, specificity, fill


def _css_fills(svg: ElementTree.Element) -> list[Rule]:
    """The rules of the SVG's <style> that give a <text> its fill."""
    rules: list[Rule] = []
    for style in svg.iter():
        if _local(style.tag) != "style":
            continue
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", style.text or ""):
            fill = re.search(r"(?:^|;)\s*fill\s*:\s*([^;]+)", body)
            for selector in selectors.split(",") if fill else []:
                *ancestors, last = selector.split()
                tag, *classes = last.split(".")
                if tag == "text":
                    specificity = (len(classes), len(ancestors) + 1)
                    rules.append((set(ancestors), set(classes), specificity, fill.group(1)))
    return rules


def _colour(
    text: ElementTree.Element, ancestors: list[ElementTree.Element], rules: list[Rule]
) -> str:
    """The fill SVG paints `text` with: its own, the <style>'s, an ancestor's, or black."""
    if text.get("fill"):
        return str(text.get("fill"))
    classes = set((text.get("class") or "").split())
    above = {_local(a.tag) for a in ancestors}
    matching = [(s, fill) for want, cls, s, fill in rules if want <= above and cls <= classes]
    if matching:
        return max(matching)[1].strip()
    return next((str(a.get("fill")) for a in ancestors if a.get("fill")), "#000000")


def texts_and_backgrounds(markup: str) -> list[tuple[str, str, list[str]]]:
    """(text, its colour, what it is read against) for every <text> of an SVG."""
    svg = ElementTree.fromstring(markup)  # noqa: S314 - our own SVG, made by the code above
    parents = {child: parent for parent in svg.iter() for child in parent}
    rules = _css_fills(svg)
    found = []
    for text in svg.iter():
        if _local(text.tag) != "text":
            continue
        ancestors = []
        node = text
        while node in parents:
            node = parents[node]
            ancestors.append(node)
        halo = text.get("stroke")
        width = float(text.get("stroke-width", 0))
        if halo and text.get("paint-order") == "stroke" and width >= 2:
            backgrounds = [halo]
        else:
            backgrounds = list(PAGE_BACKGROUNDS)
        found.append(("".join(text.itertext()), _colour(text, ancestors, rules), backgrounds))
    return found


def _network() -> str:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    component = Component(
        number=1,
        record_total=2,
        identifier_total=1,
        identifiers=[IdentifierNode(1, "phone", "Phone", "+250 78x", 2)],
        records=[
            RecordNode("r1", "R-1", "report", "Org", "Gasabo", at, "/en/staff/reports/1/"),
            RecordNode("c1", "C-1", "case", "Org", "Gasabo", at, ""),
        ],
        edges=[(1, "r1"), (1, "c1")],
    )
    return network_svg([component], title="Network", captions=["Group 1"])


CHARTS: dict[str, Callable[[], str]] = {
    "bar chart": lambda: bar_chart_svg(
        [("Kigali", [12, 3]), ("Rubavu", [None, 7])],
        chart_id="c",
        title="Cases",
        description="Cases by district",
        series=["Open", "Closed"],
        highlight="Rubavu",
        highlight_note="slow",
    ),
    "histogram": lambda: histogram_svg(
        [(100.0, 110.0, 5), (110.0, 120.0, 9)], {"estimate": 112.0}, label="Bootstrap"
    ),
    "intervals": lambda: intervals_svg(
        [("stepwise", 110.0, 95.0, 130.0), ("independence", 100.0, None, None)], label="Methods"
    ),
    "district map": lambda: district_map_svg(
        {"11": 40, "12": 3, "21": 1}, title="Reports", texts={"12": "<5"}
    ),
    "network": _network,
}


@pytest.mark.parametrize("name", CHARTS)
def test_every_text_of_the_chart_reads_at_4_5_to_1(name: str) -> None:
    found = texts_and_backgrounds(CHARTS[name]())
    assert found, f"{name}: no text drawn, nothing checked"
    low = [
        f'{name}: "{text}" {colour} on {back} is {contrast(colour, back):.2f}:1'
        for text, colour, backgrounds in found
        for back in backgrounds
        if contrast(colour, back) < MINIMUM
    ]
    assert not low, "\n".join(low)


# The code that writes SVG <text>, all of it drawn by CHARTS above.
DRAWN = {
    "tabara/dashboards/charts.py",
    "tabara/prevalence/charts.py",
    "tabara/geo/svgmap.py",
    "tabara/networks/graph.py",
}


def test_every_module_that_writes_svg_text_is_drawn_here() -> None:
    root = Path(__file__).resolve().parents[1]
    writers = {
        str(path.relative_to(root))
        for pattern in ("tabara/**/*.py", "tabara/**/*.html")
        for path in root.glob(pattern)
        if "tests" not in path.parts and "<text " in path.read_text(encoding="utf-8")
    }
    assert writers == DRAWN
