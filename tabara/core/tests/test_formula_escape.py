"""Spreadsheet formula injection: the escaping rule, and a guard that every export uses it.

The dangerous first characters are OWASP's list for CSV injection: = + - @ tab and carriage
return. Each export has its own test beside its app (test_exports_escape.py in awareness and
prevalence); EXPORTS below names them, and the guard fails when a module starts writing CSV
or XLSX without the shared helper or without being listed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tabara.core.spreadsheets import SafeCsvWriter, cell_escape

ROOT = Path(__file__).resolve().parents[3]
EXPORTS = {
    # module writing CSV or XLSX -> the test that opens each of its exports
    "tabara/awareness/reporting.py": "tabara/awareness/tests/test_exports_escape.py",
    "tabara/awareness/importing.py": "tabara/awareness/tests/test_exports_escape.py",
    "tabara/prevalence/views.py": "tabara/prevalence/tests/test_exports_escape.py",
    "tabara/audit/views.py": "tabara/audit/tests/test_audit_viewer.py",
    "tabara/dashboards/exporting.py": "tabara/dashboards/tests/test_exports_escape.py",
    "tabara/linkage/cli.py": "tabara/linkage/tests/test_exports_escape.py",
    "tabara/linkage/exports.py": "tabara/linkage/tests/test_exports_escape.py",
    "tabara/linkage/synthetic.py": "tabara/linkage/tests/test_cli.py",
    "tabara/networks/exports.py": "tabara/networks/tests/test_exports_escape.py",
    "tabara/opendata/exports.py": "tabara/opendata/tests/test_exports_escape.py",
}
WRITES = re.compile(r"SafeCsvWriter\(|xlsx_append\(|csv\.writer\(|csv\.DictWriter\(|Workbook\(")
RAW = re.compile(
    r"csv\.writer\(|csv\.DictWriter\(|\b(?:sheet|ws|worksheet)\.append\(|\.cell\([^)]*value="
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil.example","Open")', '\'=HYPERLINK("http://evil.example","Open")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("-3.5", "-3.5"),  # a plain number runs nothing
        ("+250788123456", "+250788123456"),
        ("1e-3", "1e-3"),
        ("a=b", "a=b"),
        ("", ""),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_cells_a_spreadsheet_would_run_are_escaped(value: object, expected: object) -> None:
    assert cell_escape(value) == expected


def test_the_csv_writer_escapes_every_cell() -> None:
    out = io.StringIO()
    SafeCsvWriter(out).writerows([["=1", "ok"], ["@x", -1]])
    assert out.getvalue().splitlines() == ["'=1,ok", "'@x,-1"]


def test_every_module_that_writes_a_spreadsheet_uses_the_helper_and_is_tested() -> None:
    writers = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tabara").rglob("*.py")
        if "tests" not in path.parts
        and path.name != "spreadsheets.py"
        and WRITES.search(path.read_text(encoding="utf-8"))
    }
    assert writers == set(EXPORTS), "list the new export in EXPORTS and test it"
    for module in writers:
        text = (ROOT / module).read_text(encoding="utf-8")
        assert not RAW.search(text), f"{module} writes rows without the shared escaping"
        assert (ROOT / EXPORTS[module]).exists()
