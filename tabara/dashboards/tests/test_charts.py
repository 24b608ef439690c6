"""Charts: colour contrast by the WCAG 2.1 formula, text alternatives, escaping; age bands."""

from __future__ import annotations

import re

import pytest

from tabara.dashboards import charts
from tabara.dashboards.bands import BANDS, CODES, age_band, age_band_sql


def luminance(colour: str) -> float:
    """Relative luminance, WCAG 2.1 (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_reference_contrasts() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a known near-miss


def test_every_colour_of_a_chart_reads_at_4_5_to_1_on_white() -> None:
    svg = charts.bar_chart_svg(
        [("Rows", [3, 2, 1]), ("Slow", [4, None, 2])],
        chart_id="c",
        title="T",
        description="D",
        series=["F", "M", "?"],
        highlight="Slow",
        highlight_note="(slowest)",
    )
    colours = set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))
    assert colours >= {charts.INK, charts.SLOW, *charts.STACK}
    for colour in colours:
        assert contrast(colour, "#ffffff") >= 4.5, colour


def test_a_chart_names_itself_escapes_text_and_hides_small_values() -> None:
    svg = charts.bar_chart_svg(
        [("<script>", [10]), ("Hidden", [None])], chart_id="x", title="A & B", description="D"
    )
    assert '<title id="x-t">A &amp; B</title>' in svg and '<desc id="x-d">D</desc>' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 1  # no bar for the hidden value
    assert ">&lt;5</text>" in svg


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "0-8"),
        (8, "0-8"),
        (9, "9-17"),
        (17, "9-17"),
        (18, "18-20"),
        (29, "27-29"),
        (30, "30-38"),
        (47, "39-47"),
        (48, "48+"),
        (101, "48+"),
        (None, "unknown"),
    ],
)
def test_ctdc_age_bands(age: int | None, band: str) -> None:
    assert age_band(age) == band


def test_the_sql_bands_match_the_python_ones() -> None:
    import duckdb

    ages = [*range(110), None]
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER)")
    con.executemany("INSERT INTO t VALUES (?)", [[a] for a in ages])
    rows = con.execute("SELECT a, " + age_band_sql("a") + " FROM t").fetchall()  # noqa: S608
    assert dict(rows) == {a: age_band(a) for a in ages}
    assert CODES[: len(BANDS)] == tuple(code for code, _l, _h in BANDS)
