"""Audit events become append-only in the database itself: triggers refuse UPDATE and DELETE.

SQLite and PostgreSQL get their own triggers (tabara/audit/triggers.py); PostgreSQL also
refuses TRUNCATE. Nothing in Tabara updates or deletes audit rows; the test suite lifts the
triggers only while it empties its own test database (conftest.py).
"""

from django.db import migrations, models

from tabara.audit.triggers import CREATE, DROP, statements


def _run(which):
    def run(apps, schema_editor):
        for sql in statements(which, schema_editor.connection.vendor):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_rechain_with_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(unique=True),
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["seq"]},
        ),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
