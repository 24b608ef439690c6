"""A test run leaves docs/screenshots alone: browser tests save through the `shots` fixture.

`shots` is the test's temporary folder unless TABARA_SCREENSHOTS=1 asks to refresh the
documentation's images; a test naming docs/screenshots itself would write there on every run
and leave the working tree changed.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMED = re.compile(r"""["']docs["']\s*/\s*["']screenshots["']|docs/screenshots/[\w-]+\.png["']""")


def test_no_test_module_writes_into_docs_screenshots() -> None:
    modules = [*ROOT.glob("tabara/**/tests/*.py"), *ROOT.glob("tests/*.py")]
    naming = [str(p.relative_to(ROOT)) for p in modules if NAMED.search(p.read_text("utf-8"))]
    assert naming == []
