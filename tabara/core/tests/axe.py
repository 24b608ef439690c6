"""axe-core in Debian's Chromium: the WCAG 2.1 A and AA rules run on a page as a browser shows it.

axe-core comes from the npm registry, pinned by package-lock.json and installed by
`make setup` (`npm ci`) into node_modules. `prepare` hands its source to a browser context
once (Playwright's add_init_script): every page the context opens then has it before its
own scripts run. No page of Tabara ever loads it.

A check runs in two halves, so that the browser works on one tab while the test process
serves and reads the next: `axe_start` sets axe-core running on the page as it is now and
returns at once, `axe_result` waits for what it found.

DISABLED lists the rules switched off, each with the reason. It is empty: every WCAG 2.1
A and AA rule of axe-core runs, at every impact level.

`page_checks` adds what axe-core does not look at (or lets pass):
- every id named by aria-describedby, aria-labelledby, aria-controls, aria-errormessage,
  a label's `for` or a cell's `headers` exists in the page (axe-core's
  aria-valid-attr-value passes aria-describedby when one id of several exists);
- in a form with at least one required field, every field that is not required says
  "(optional)" in its label or legend, in the page's language (WCAG 3.3.2;
  tabara/core/labels.py marks them);
- reflow (WCAG 1.4.10): at `REFLOW_WIDTH` CSS pixels, 1280 at 400%, the page does not
  scroll sideways; a table, map or chart may scroll inside a box of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

AXE = Path(__file__).resolve().parents[3] / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# rule id → why it is off (shown in docs/accessibility.md too).
DISABLED: dict[str, str] = {}
REFLOW_WIDTH = 320

_START = """([tags, disabled]) => {
  window.__axeFound = axe.run(document, {
    runOnly: {type: "tag", values: tags},
    rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
    resultTypes: ["violations"],
  }).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  })));
}"""

# Ids named in the page that no element has: [] when all is well.
BROKEN_REFERENCES = """() => {
  const names = ["aria-describedby", "aria-labelledby", "aria-controls",
                 "aria-errormessage", "for", "headers"];
  const broken = [];
  for (const name of names) {
    for (const el of document.querySelectorAll(`[${name}]`)) {
      if (name === "for" && el.tagName !== "LABEL" && el.tagName !== "OUTPUT") continue;
      for (const id of el.getAttribute(name).split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) {
          const what = el.id || el.getAttribute("name") || el.tagName.toLowerCase();
          broken.push(`${name}="${id}" on ${what}`);
        }
      }
    }
  }
  return broken;
}"""

# "(optional)" as each language writes it after a label: the GOV.UK wording, and the words
# Tabara's translators chose for "optional" in Kinyarwanda and French.
OPTIONAL_WORDS = {"rw": "(si ngombwa)", "en": "(optional)", "fr": "(facultatif)"}

# Fields that may be left empty, in a form that has a required field, whose label does not
# say so: [] when all is well.
UNMARKED = """(words) => {
  const word = words[document.documentElement.lang];
  const unmarked = [];
  for (const form of document.querySelectorAll("main form")) {
    const fields = [...form.elements].filter((el) => el.matches("input, select, textarea")
      && !["hidden", "submit", "button", "reset", "image", "checkbox"].includes(el.type)
      && !el.disabled && el.getAttribute("tabindex") !== "-1");
    if (!fields.some((el) => el.required)) continue;
    for (const el of fields) {
      // A list with no empty choice cannot be left empty (Django leaves `required` off it).
      const full = el.tagName === "SELECT" && ![...el.options].some((o) => o.value === "");
      if (el.required || full) continue;
      const text = el.type === "radio"
        ? el.closest("fieldset")?.querySelector("legend")?.textContent ?? ""
        : [...el.labels].map((label) => label.textContent).join(" ");
      if (!text.includes(word)) unmarked.push(`${el.name} ("${text.trim().slice(0, 60)}")`);
    }
  }
  return [...new Set(unmarked)];
}"""

# Why the page scrolls sideways at the width it has now: "" if it does not.
REFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.scrollingElement.scrollWidth <= width) return "";
  const wide = [...document.body.querySelectorAll("*")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.right > width + 1 && box.width > 0 && ![...el.children].some(
      (child) => child.getBoundingClientRect().right > width + 1);
  }).slice(0, 3).map((el) => el.outerHTML.slice(0, 100));
  return `${document.scrollingElement.scrollWidth} px wide at ${width}: ${wide.join(" | ")}`;
}"""


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


def prepare(context: BrowserContext) -> None:
    """Give every page the context opens axe-core, before the page's own scripts."""
    if not AXE.exists():  # pragma: no cover - a checkout without `make setup`
        raise RuntimeError(f"{AXE} is missing: run `make setup` (npm ci installs axe-core)")
    context.add_init_script(path=str(AXE))


def axe_start(page: Page) -> None:
    """Set axe-core running on the page as it is now; `axe_result` waits for it."""
    page.evaluate(_START, [TAGS, list(DISABLED)])


def axe_result(page: Page, where: str) -> list[Violation]:
    """Every WCAG 2.1 A/AA violation axe-core found on the page since `axe_start`."""
    found: list[dict[str, Any]] = page.evaluate("() => window.__axeFound")
    return [Violation(where, v["id"], v["impact"] or "", v["help"], v["nodes"]) for v in found]


def axe_check(page: Page, where: str) -> list[Violation]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):  # a context not `prepare`d
        page.add_script_tag(path=str(AXE))
    axe_start(page)
    return axe_result(page, where)


def page_checks(page: Page, where: str) -> list[Violation]:
    """What axe-core does not check: ids referring to nothing, unmarked optional fields, reflow."""
    found = [
        Violation(where, "broken-reference", "", f"refers to no element: {ref}", [])
        for ref in page.evaluate(BROKEN_REFERENCES)
    ]
    found += [
        Violation(where, "optional-unmarked", "", f"optional field not marked: {field}", [])
        for field in page.evaluate(UNMARKED, OPTIONAL_WORDS)
    ]
    viewport = page.viewport_size
    narrow = viewport is not None and viewport["width"] > REFLOW_WIDTH
    if narrow:
        assert viewport is not None
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": viewport["height"]})
    problem = page.evaluate(REFLOW)
    if narrow:
        assert viewport is not None
        page.set_viewport_size(viewport)
    if problem:
        found.append(Violation(where, "reflow", "", f"scrolls sideways: {problem}", []))
    return found
