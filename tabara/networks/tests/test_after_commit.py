"""Records are read for the index after their transaction commits, by the task worker."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tabara.networks.models import IdentifierOccurrence
from tabara.networks.tests.conftest import new_report, open_case


@pytest.fixture
def immediate_tasks(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_a_submitted_report_is_indexed_only_once_committed(
    world, immediate_tasks, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = new_report("34", suspect_identifiers="0788 100 200")
    assert not IdentifierOccurrence.objects.exists()
    for callback in callbacks:
        callback()
    assert IdentifierOccurrence.objects.get().report_id == report.pk


def test_a_suspect_added_to_a_case_is_indexed_after_commit(
    world, immediate_tasks, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case(
            world.rib_worker, world.kigali, phone="0788100200", full_name="Kalisa Eric"
        )
    assert set(IdentifierOccurrence.objects.values_list("case_id", "fields")) == {
        (case.pk, "suspect:phone"),
        (case.pk, "suspect:name"),
    }


def test_the_command_backfills_records_made_before(world, capsys) -> None:
    new_report("34", suspect_identifiers="0788 100 200")
    call_command("network_extract")
    assert "1 occurrences added" in capsys.readouterr().out
    assert IdentifierOccurrence.objects.count() == 1
