"""Publish the shipped default routing rules as version 1 on a fresh database."""

from pathlib import Path

import yaml
from django.db import migrations
from django.utils import timezone

RULES = Path(__file__).resolve().parent.parent / "rules" / "default.yaml"


def load(apps, schema_editor):
    RoutingRuleSet = apps.get_model("referrals", "RoutingRuleSet")
    if RoutingRuleSet.objects.exists():
        return
    rules = yaml.safe_load(RULES.read_text("utf-8"))
    RoutingRuleSet.objects.create(
        version=1, rules=rules, published_at=timezone.now(), note=rules.get("note", "")
    )


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
