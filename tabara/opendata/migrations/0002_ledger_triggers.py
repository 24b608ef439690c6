"""The privacy ledger becomes append-only in the database itself, and a budget only grows.

SQLite and PostgreSQL get their own triggers (tabara/opendata/triggers.py). Nothing in
Tabara updates or deletes a spend or lowers a budget; the test suite lifts the triggers
only while it empties its own test database (conftest.py).
"""

from django.db import migrations

from tabara.opendata.triggers import CREATE, DROP, statements


def _run(which):
    def run(apps, schema_editor):
        for sql in statements(which, schema_editor.connection.vendor):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("opendata", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
