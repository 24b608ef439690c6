"""The translation check (scripts/check_locale.py) catches what issue #12 lists.

Each fixture is a small catalogue written as gettext writes them (flags joined on one `#,`
line, `msgid_plural` with `msgstr[n]`, Plural-Forms in the header; GNU gettext manual,
"The Format of PO Files"), or a small text table shaped like the USSD, SMS and rule-set texts.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tabara.intake.sms import texts as sms
from tabara.intake.ussd import texts as ussd

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_locale.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_locale", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_locale"] = module
    spec.loader.exec_module(module)
    return module


check = _load()

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def po(*entries: str, header: str = HEADER) -> str:
    return header + "\n\n".join(entries) + "\n"


GOOD = po(
    '#: a.py:1\nmsgid "Report"\nmsgstr "Raporo"',
    '#, python-format\nmsgid "Hi %(name)s, case %(ref)s"\nmsgstr "Case %(ref)s: salut %(name)s"',
    '#, python-format\nmsgid "%s of %s"\nmsgstr "%s sur %s"',
    '#, python-format\nmsgid "100%% of %(n)s"\nmsgstr "%(n)s : 100 %%"',
    '#, python-brace-format\nmsgid "Receipt {receipt}"\nmsgstr "Recu {receipt}"',
    'msgid ""\n"A long text "\n"on two lines"\nmsgstr ""\n"Un long texte "\n"sur deux lignes"',
    '#, python-format\nmsgid "%(count)s case"\nmsgid_plural "%(count)s cases"\n'
    'msgstr[0] "un dossier"\nmsgstr[1] "%(count)s dossiers"',
    '#~ msgid "Old"\n#~ msgstr ""',
)


def test_a_complete_catalogue_has_no_problem() -> None:
    assert check.problems(GOOD) == []


@pytest.mark.parametrize(
    "flags", ["#, fuzzy", "#, fuzzy, python-format", "#, python-format, fuzzy", "#, fuzzy,no-c"]
)
def test_a_fuzzy_entry_is_caught_whatever_flags_share_its_line(flags) -> None:
    text = po(f'{flags}\nmsgid "Send %(n)s"\nmsgstr "Envoyer %(n)s"')
    assert check.problems(text) == ["fuzzy: Send %(n)s"]


def test_an_empty_translation_over_several_lines_is_caught() -> None:
    text = po('msgid ""\n"Two "\n"lines"\nmsgstr ""')
    assert check.problems(text) == ["missing: Two lines"]


@pytest.mark.parametrize(
    "forms",
    [
        'msgstr[0] "un dossier"\nmsgstr[1] ""',  # second form empty
        'msgstr[0] "un dossier"',  # second form absent
        'msgstr[0] "un"\nmsgstr[1] "deux"\nmsgstr[2] "trois"',  # more than nplurals
    ],
)
def test_a_plural_entry_needs_exactly_nplurals_filled_forms(forms) -> None:
    text = po(f'msgid "one case"\nmsgid_plural "many cases"\n{forms}')
    assert check.problems(text) == ["plural (needs 2 forms): one case"]


def test_plural_forms_follow_the_catalogue_header() -> None:
    three = HEADER.replace("nplurals=2; plural=(n != 1)", "nplurals=3; plural=(n%10==1 ? 0 : 1)")
    entry = 'msgid "one case"\nmsgid_plural "many cases"\nmsgstr[0] "a"\nmsgstr[1] "b"'
    assert check.problems(po(entry, header=three)) == ["plural (needs 3 forms): one case"]
    assert check.problems(po(entry + '\nmsgstr[2] "c"', header=three)) == []


@pytest.mark.parametrize(
    "entry",
    [
        '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Bonjour %(nom)s"',  # renamed
        '#, python-format\nmsgid "%s of %s"\nmsgstr "%s"',  # one dropped
        '#, python-format\nmsgid "Case %(ref)s"\nmsgstr "Dossier"',  # none left
        '#, python-brace-format\nmsgid "Receipt {receipt}"\nmsgstr "Recu {recu}"',
        'msgid "Receipt {receipt}"\nmsgstr "Recu"',  # a format field without a flag
        '#, python-format\nmsgid "%(count)s case"\nmsgid_plural "%(count)s cases"\n'
        'msgstr[0] "un dossier"\nmsgstr[1] "%(nombre)s dossiers"',
    ],
)
def test_a_translation_with_other_placeholders_is_caught(entry) -> None:
    (problem,) = check.problems(po(entry))
    assert problem.startswith("placeholders differ: ")


def test_a_plural_form_may_leave_out_the_count_but_not_invent_one() -> None:
    entry = (
        '#, python-format\nmsgid "%(count)s case"\nmsgid_plural "%(count)s cases"\n'
        'msgstr[0] "un dossier"\nmsgstr[1] "%(count)s dossiers"'
    )
    assert check.problems(po(entry)) == []


def test_a_text_table_needs_three_languages_with_the_same_fields() -> None:
    table = {
        "ok": {"rw": "Nomero {receipt}", "en": "Receipt {receipt}", "fr": "Recu {receipt}"},
        "short": {"rw": "Yego", "en": "Yes"},
        "blank": {"rw": " ", "en": "Yes", "fr": "Oui"},
        "fields": {"rw": "{status}", "en": "{status}", "fr": "{statut}"},
    }
    assert check.table_problems("t", table) == [
        "t: short has no fr text",
        "t: blank has no rw text",
        "t: fields has other placeholders in fr",
    ]


def test_a_language_first_table_is_checked_key_by_key() -> None:
    table = {"rw": {"help": "Ubufasha", "stop": "Hagarika"}, "en": {"help": "Help"}, "fr": {}}
    assert sorted(check.table_problems("sms", check.by_key(table))) == [
        "sms: help has no fr text",
        "sms: stop has no en text",
        "sms: stop has no fr text",
    ]


def test_the_shipped_ussd_sms_and_rule_set_texts_pass() -> None:
    assert check.data_problems() == []


def test_a_ussd_screen_left_untranslated_is_caught(monkeypatch) -> None:
    french = {**ussd.T["fr"], "status": ""}
    monkeypatch.setitem(ussd.T, "fr", french)
    assert check.data_problems() == ["ussd: status has no fr text"]


def test_an_sms_with_a_renamed_field_is_caught(monkeypatch) -> None:
    english = {**sms.SMS["en"], "received": "Tabara: your receipt is {number}."}
    monkeypatch.setitem(sms.SMS, "en", english)
    assert check.data_problems() == ["sms: received has other placeholders in en"]


def test_a_rule_set_text_without_kinyarwanda_is_caught(monkeypatch, tmp_path) -> None:
    # The screening rule set; the files beside it (offer-*.json, ...) are checked too.
    (published,) = [p for p in check.rulesets() if p.name == "rw-2026.1.json"]
    data = json.loads(published.read_text(encoding="utf-8"))
    del data["indicators"][0]["question"]["rw"]
    (tmp_path / published.name).write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(check, "RULESET_DIR", tmp_path)
    assert check.data_problems() == [
        f"rule set {published.stem}: /indicators[0]/question has no rw text"
    ]
