"""Copy each token's case, owner and opening time next to it, for fast need-to-know search."""

import django.db.models.deletion
from django.db import migrations, models

FILL = [
    "UPDATE search_searchtoken SET case_id = (SELECT p.case_id FROM cases_caseperson p"
    " WHERE p.id = search_searchtoken.person_id)",
    "UPDATE search_searchtoken SET owner_org_id = (SELECT c.owner_org_id FROM cases_case c"
    " WHERE c.id = search_searchtoken.case_id), opened_at = (SELECT c.opened_at"
    " FROM cases_case c WHERE c.id = search_searchtoken.case_id)",
]


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cases", "0003_list_indexes"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchtoken",
            name="case",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cases.case",
            ),
        ),
        migrations.AddField(
            model_name="searchtoken",
            name="owner_org",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.organization",
            ),
        ),
        migrations.AddField(
            model_name="searchtoken",
            name="opened_at",
            field=models.DateTimeField(null=True),
        ),
        *(migrations.RunSQL(sql, migrations.RunSQL.noop) for sql in FILL),
        migrations.AlterField(
            model_name="searchtoken",
            name="case",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cases.case",
            ),
        ),
        migrations.AlterField(
            model_name="searchtoken",
            name="owner_org",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.organization",
            ),
        ),
        migrations.AlterField(
            model_name="searchtoken",
            name="opened_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="searchtoken",
            index=models.Index(
                fields=["token", "owner_org", "-opened_at", "-case", "person"],
                name="search_token_owner",
            ),
        ),
        migrations.AddIndex(
            model_name="searchtoken",
            index=models.Index(fields=["case", "token"], name="search_token_case"),
        ),
    ]
