"""Fail the build when a user-facing string lacks a good Kinyarwanda or French translation.

Two kinds of text are checked:

- the gettext catalogues. makemessages runs in a temporary copy of the source tree (Django
  writes each file's strings to the nearest `locale` folder, so only a full copy keeps the real
  catalogues untouched), so a string added to code or a template but not to the .po files is
  caught too. Then every entry is read: fuzzy (whatever other flags share its `#,` line),
  empty, a plural entry without exactly the catalogue's `nplurals` filled forms, or a
  translation whose placeholders (`%(name)s`, `%s`, `{name}`) differ from the English.
- the texts kept as data outside gettext, because each must fit a USSD screen or an SMS and
  is measured in all three languages together: tabara/intake/ussd/texts.py,
  tabara/intake/sms/texts.py and the published screening rule set. Every text needs a
  non-empty Kinyarwanda, English and French version with the same `{name}` placeholders.

tests/test_check_locale.py feeds both checks small catalogues and tables.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("rw", "fr")
DATA_LANGUAGES = ("rw", "en", "fr")
SKIP = ("__pycache__", "*.sqlite3*")
RULESET_DIR = ROOT / "tabara" / "screening" / "rulesets"


def rulesets() -> list[Path]:
    """The published rule sets; a rule set's `.prior.json` beside it holds counts, no texts."""
    return sorted(p for p in RULESET_DIR.glob("*.json") if not p.name.endswith(".prior.json"))


# Python's printf-style conversions (%% is a literal percent sign) and str.format fields.
PERCENT = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[sdiouxXeEfFgGcr%]")
BRACE = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^{}]*)?\}(?!\})")
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@dataclass
class Entry:
    """One catalogue entry: its flags, msgid (and plural) and translations by form index."""

    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)
    forms: dict[int, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")


def _unquote(literal: str) -> str:
    body = literal.strip()[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


def entries(po_text: str) -> Iterator[Entry]:
    """The live entries of a .po file (obsolete `#~` entries are skipped)."""
    for block in re.split(r"\n\s*\n", po_text):
        entry, current = Entry(), ""
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            elif line.startswith("#") or not line:
                continue
            elif found := KEYWORD.match(line):
                keyword, index, literal = found.groups()
                current = keyword
                if keyword.startswith("msgstr"):
                    current = f"msgstr[{index or 0}]"
                    entry.forms[int(index or 0)] = _unquote(literal)
                else:
                    entry.fields[keyword] = _unquote(literal)
            elif line.startswith('"') and current.startswith("msgstr"):
                number = int(current[7:-1])
                entry.forms[number] = entry.forms[number] + _unquote(line)
            elif line.startswith('"') and current:
                entry.fields[current] += _unquote(line)
        if "msgid" in entry.fields:
            yield entry


def placeholders(text: str, flags: set[str]) -> Counter[str]:
    """The placeholders of one string: named and positional printf ones, and format fields."""
    found: Counter[str] = Counter()
    if "python-format" in flags:
        for match in PERCENT.finditer(text):
            if match[0] != "%%":
                found[match[0] if match[1] is None else f"%({match[1]})"] += 1
    if "python-brace-format" in flags or "python-format" not in flags:
        found.update("{" + name + "}" for name in BRACE.findall(text))
    return found


def _plural_count(header: Entry | None) -> int | None:
    if header is None:
        return None
    found = NPLURALS.search(header.forms.get(0, ""))
    return int(found[1]) if found else None


def problems(po_text: str) -> list[str]:
    """What is wrong with a catalogue's translations, one line per fault."""
    found = []
    parsed = list(entries(po_text))
    header = next((e for e in parsed if not e.msgid and "msgctxt" not in e.fields), None)
    nplurals = _plural_count(header)
    for entry in parsed:
        key = entry.msgid
        if not key:
            continue
        label = key[:70].replace("\n", "\\n")
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {label}")
            continue
        plural = "msgid_plural" in entry.fields
        if plural and nplurals is None:
            found.append(f"plural without a Plural-Forms header: {label}")
            continue
        wanted = range(nplurals) if plural and nplurals is not None else range(1)
        if not all(entry.forms.get(index) for index in wanted) or set(entry.forms) - set(wanted):
            kind = f"plural (needs {nplurals} forms)" if plural else "missing"
            found.append(f"{kind}: {label}")
            continue
        source = placeholders(key, entry.flags)
        if plural:
            allowed = source | placeholders(entry.fields["msgid_plural"], entry.flags)
            wrong = any(
                set(placeholders(entry.forms[i], entry.flags)) - set(allowed) for i in wanted
            )
        else:
            wrong = placeholders(entry.forms[0], entry.flags) != source
        if wrong:
            found.append(f"placeholders differ: {label}")
    return found


def table_problems(name: str, table: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Faults of a text table {key: {language: text}}: a missing language, other placeholders."""
    found = []
    for key, versions in table.items():
        reference = None
        for lang in DATA_LANGUAGES:
            text = versions.get(lang, "")
            if not text.strip():
                found.append(f"{name}: {key} has no {lang} text")
                continue
            fields = Counter(BRACE.findall(text))
            if reference is None:
                reference = fields
            elif fields != reference:
                found.append(f"{name}: {key} has other placeholders in {lang}")
    return found


def by_key(by_language: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """Turn {language: {key: text}} into {key: {language: text}} (every key of any language)."""
    keys = {key for texts in by_language.values() for key in texts}
    return {key: {lang: texts.get(key, "") for lang, texts in by_language.items()} for key in keys}


def ruleset_texts(data: Any, path: str = "") -> dict[str, dict[str, str]]:
    """Every translated text of a rule set: any mapping with a language key, by its path."""
    found: dict[str, dict[str, str]] = {}
    if isinstance(data, dict):
        if set(data) & set(DATA_LANGUAGES):
            return {path: data}
        for key, value in data.items():
            found |= ruleset_texts(value, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found |= ruleset_texts(value, f"{path}[{index}]")
    return found


def data_problems() -> list[str]:
    """The USSD, SMS and rule-set texts, which live outside gettext."""
    from tabara.intake.sms import texts as sms
    from tabara.intake.ussd import texts as ussd

    found = table_problems("ussd", by_key(ussd.T))
    found += table_problems("ussd status", ussd.STATUS)
    found += table_problems("ussd what", dict(ussd.WHAT))
    found += table_problems("ussd province", ussd.PROVINCES)
    found += table_problems("sms", by_key(sms.SMS))
    keywords = {m: {k: " ".join(v) for k, v in langs.items()} for m, langs in sms.KEYWORDS.items()}
    found += table_problems("sms keyword", keywords)
    for path in rulesets():
        data = json.loads(path.read_text(encoding="utf-8"))
        found += table_problems(f"rule set {path.stem}", ruleset_texts(data))
    return found


def catalogue_problems() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        for part in ("tabara", "config", "scripts"):
            shutil.copytree(ROOT / part, tree / part, ignore=shutil.ignore_patterns(*SKIP))
        shutil.copy2(ROOT / "manage.py", tree / "manage.py")
        copy = tree / "tabara" / "locale"
        env = {**os.environ, "TABARA_LOCALE_DIR": str(copy)}
        done = subprocess.run(
            [sys.executable, "scripts/makemessages.py", *LANGUAGES],
            cwd=tree,
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            return [f"makemessages failed:\n{done.stdout}{done.stderr}"]
        found = []
        for lang in LANGUAGES:
            text = (copy / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
            found += [f"{lang}: {problem}" for problem in problems(text)]
        return found


def main() -> int:
    failures = catalogue_problems() + data_problems()
    for problem in failures:
        print(problem)
    if failures:
        print(f"{len(failures)} translation faults: run scripts/makemessages.py and fix them.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
