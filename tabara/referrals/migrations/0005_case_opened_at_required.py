from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_opening_time(apps, schema_editor):
    """Fill any referral still without its case's opening time before the column is required."""
    Referral = apps.get_model("referrals", "Referral")
    Case = apps.get_model("cases", "Case")
    opened = Case.objects.filter(pk=OuterRef("case_id")).values("opened_at")[:1]
    Referral.objects.filter(case_opened_at__isnull=True).update(case_opened_at=Subquery(opened))


class Migration(migrations.Migration):

    dependencies = [
        ("referrals", "0004_referral_service"),
    ]

    operations = [
        migrations.RunPython(copy_opening_time, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="referral",
            name="case_opened_at",
            field=models.DateTimeField(),
        ),
    ]
