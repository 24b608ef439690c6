"""axe-core in Debian's Chromium: the WCAG 2.1 A and AA rules run on a page as a browser shows it.

axe-core comes from the npm registry, pinned by package-lock.json and installed by
`make setup` (`npm ci`) into node_modules; a test injects it into the page it checks with
Playwright's add_script_tag. No page of Tabara ever loads it.

DISABLED lists the rules switched off, each with the reason. It is empty: every WCAG 2.1
A and AA rule of axe-core runs, at every impact level.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[3] / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# rule id → why it is off (shown in docs/accessibility.md too).
DISABLED: dict[str, str] = {}

_RUN = """([tags, disabled]) => axe.run(document, {
  runOnly: {type: "tag", values: tags},
  rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
  resultTypes: ["violations"],
}).then((result) => result.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
})))"""


@dataclass(frozen=True)
class Violation:
    where: str
    rule: str
    impact: str
    help: str
    nodes: list[dict[str, str]]

    def __str__(self) -> str:
        if not self.nodes:
            return f"{self.where}: {self.rule} {self.help}"
        first = self.nodes[0]
        more = f" (+{len(self.nodes) - 1} more)" if len(self.nodes) > 1 else ""
        summary = " ".join(first["summary"].split())
        return (
            f"{self.where}: {self.rule} ({self.impact}) {self.help}: {first['target']}{more}"
            f" — {summary}"
        )


def axe_check(page: Page, where: str) -> list[Violation]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    if not AXE.exists():  # pragma: no cover - a checkout without `make setup`
        raise RuntimeError(f"{AXE} is missing: run `make setup` (npm ci installs axe-core)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(_RUN, [TAGS, list(DISABLED)])
    return [Violation(where, v["id"], v["impact"] or "", v["help"], v["nodes"]) for v in found]
