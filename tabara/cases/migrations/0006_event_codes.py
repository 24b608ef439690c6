"""Timeline entries keep codes, named in the reader's language, instead of the writer's labels.

Existing entries whose note is a label written in any of the three languages (or a label
and an organization's short name) get the matching codes and keep only the words that
have no translation; a note that matches nothing is left as it was.
"""

import functools
import re

from django.db import migrations, models
from django.utils import translation

from tabara.cases.event_labels import CODE_SETS

LANGUAGES = ("rw", "en", "fr")
# Which code sets an entry's note was written from, by kind, in order.
PARTS = {
    "status_changed": ["status"],
    "person_added": ["role"],
    "closed": ["closure"],
    "assessed": ["assessment", "level"],
    "service_planned": ["service", None],  # None: the provider's short name, kept as a note
    "service_updated": ["service", "service_status"],
    "follow_up_done": ["months", "follow_up"],
}


@functools.cache
def _labels() -> dict[str, dict[str, str]]:
    """Every label of each code set, in every language, mapped back to its code."""
    found: dict[str, dict[str, str]] = {name: {} for name in CODE_SETS}
    for language in LANGUAGES:
        with translation.override(language):
            for name, choices in CODE_SETS.items():
                for value, label in choices.choices:
                    found[name][str(label)] = value
    return found


def split_note(kind: str, note: str) -> tuple[list[list[str]], str] | None:
    """The codes and the remaining note of an old entry, or None if it does not parse."""
    labels = _labels()
    if kind == "consent" and note in {"True", "False"}:
        return [["consent", "yes" if note == "True" else "no"]], ""
    parts = PARTS.get(kind)
    if parts is None or not note:
        return None
    if kind == "follow_up_done":
        match = re.search(r"(\d+)[^:]*: (.+)$", note)
        pieces = [match.group(1), match.group(2)] if match else []
    elif kind == "assessed":
        pieces = note.split(": ", 1)
    else:
        pieces = note.split(" · ", len(parts) - 1) if len(parts) > 1 else [note]
    if len(pieces) != len(parts):
        return None
    codes, rest = [], ""
    for code_set, piece in zip(parts, pieces, strict=True):
        if code_set is None:
            rest = piece
        elif code_set == "months":
            codes.append(["months", piece])
        elif piece in labels[code_set]:
            codes.append([code_set, labels[code_set][piece]])
        else:
            return None
    return codes, rest


def forwards(apps, schema_editor):
    CaseEvent = apps.get_model("cases", "CaseEvent")
    kinds = [*PARTS, "consent"]
    for event in CaseEvent.objects.filter(kind__in=kinds).iterator():
        parsed = None if event.codes else split_note(event.kind, event.note)
        if parsed is not None:
            event.codes, event.note = parsed
            event.save(update_fields=["codes", "note"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_casework")]

    operations = [
        migrations.AddField(
            model_name="caseevent",
            name="codes",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
