"""Django's own messages (required field, bad number, length limits, password rules) read in rw.

Django ships no Kinyarwanda catalogue; tabara/locale/rw translates the messages a person can
meet through our forms. The expectation comes from Django itself, not from our catalogue: every
message that the installed Django marks for translation in the files below and that Django's own
French catalogue translates must come out in Kinyarwanda too. A Django upgrade that adds or
rewords one fails here until the rw catalogue has it.
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import django
from django.utils import translation

DJANGO = Path(django.__file__).parent
SOURCES = {
    "conf/locale": (
        "forms/forms.py",
        "forms/utils.py",
        "forms/widgets.py",
        "forms/fields.py",
        "forms/models.py",
        "forms/formsets.py",
        "core/validators.py",
        "db/models/fields/__init__.py",
    ),
    "contrib/auth/locale": ("contrib/auth/forms.py", "contrib/auth/password_validation.py"),
}
CALLS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}

Message = tuple[str, str | None]  # msgid and, for a plural message, msgid_plural


def marked(path: Path) -> set[Message]:
    """The literal messages a Django source file passes to gettext (read from its syntax tree)."""
    found: set[Message] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        args = [a.value if isinstance(a, ast.Constant) else None for a in node.args[:2]]
        if name in CALLS and isinstance(args[0], str):
            plural = args[1] if name.startswith("ngettext") and len(args) > 1 else None
            found.add((args[0], plural if isinstance(plural, str) else None))
    return found


def translate(message: Message, n: int) -> str:
    singular, plural = message
    return (
        translation.gettext(singular)
        if plural is None
        else translation.ngettext(singular, plural, n)
    )


def english(message: Message, n: int) -> str:
    return message[0] if message[1] is None or n == 1 else message[1]


def django_messages() -> set[Message]:
    """Every message of those files that Django's French catalogue translates."""
    messages: set[Message] = set()
    for locale, files in SOURCES.items():
        with (DJANGO / locale / "fr" / "LC_MESSAGES" / "django.mo").open("rb") as mo:
            french = gettext.GNUTranslations(mo)
        for name in files:
            for singular, plural in marked(DJANGO / name):
                said = (
                    french.gettext(singular)
                    if plural is None
                    else french.ngettext(singular, plural, 2)
                )
                # "URL", "IPv4", ":" (French only adds a space): nothing to translate
                if said.strip() != english((singular, plural), 2).strip():
                    messages.add((singular, plural))
    return messages


def test_the_reference_list_is_read_from_django() -> None:
    messages = django_messages()
    assert ("This field is required.", None) in messages
    assert ("This password is too common.", None) in messages
    assert len(messages) > 100


def test_every_django_message_a_person_can_meet_reads_in_kinyarwanda() -> None:
    untranslated = []
    with translation.override("rw"):
        for message in sorted(django_messages(), key=str):
            for n in (1, 5) if message[1] else (1,):
                said = translate(message, n)
                if not said.strip() or said == english(message, n):
                    untranslated.append(english(message, n))
    assert untranslated == []
