"""Dependencies point one way (issue #12), read from the code's own imports.

core is the base every app builds on, so it imports no domain app: an app that needs core
to do something for it (demo data, the home page's news) registers itself with core or owns
the view. Function-level imports count: hiding one in a function does not change which way
the dependency points. (cases never importing referrals: tabara/cases/tests/test_boundaries.py.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TABARA = Path(__file__).resolve().parents[2]


def imports_of(app: str) -> dict[str, set[str]]:
    """Every tabara module imported anywhere in `app`'s code (tests and migrations aside)."""
    found: dict[str, set[str]] = {}
    for path in sorted((TABARA / app).rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(TABARA).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            else:
                continue
            for name in names:
                if name.startswith("tabara."):
                    found.setdefault(name, set()).add(str(path.relative_to(TABARA)))
    return found


def foreign(app: str, allowed: tuple[str, ...]) -> dict[str, set[str]]:
    own = (f"tabara.{app}", *allowed)
    return {
        name: files
        for name, files in imports_of(app).items()
        if not any(name == a or name.startswith(a + ".") for a in own) and name.split(".")[1] != app
    }


def test_core_imports_no_domain_app() -> None:
    assert foreign("core", ()) == {}


@pytest.mark.parametrize(
    "source",
    [
        "from tabara.intake.receipts import receipt_display\n",
        "def f():\n    import tabara.awareness.selectors\n",
        "from tabara import cases\n",
    ],
)
def test_the_check_sees_every_form_of_import(source, tmp_path, monkeypatch) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "sneaky.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.TABARA", tmp_path)
    assert foreign("core", ()) != {}
