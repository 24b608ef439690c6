from django.db import migrations, models


class Migration(migrations.Migration):
    """The action vocabulary lives in AuditAction (code), not in the column's choices."""

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(max_length=40),
        ),
    ]
