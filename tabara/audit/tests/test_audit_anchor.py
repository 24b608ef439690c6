"""Anchors: the chain head published outside the database shows removed newest events."""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tabara.audit.chain import AnchorError, anchors_parse, keyring
from tabara.audit.models import AuditAction, AuditChainHead, AuditEvent
from tabara.audit.services import audit_chain_verify, audit_record
from tabara.audit.tests.tamper import as_schema_owner

KEYS = keyring(["test-only-audit-key-0123456789abcdef"])  # config/django/test.py


def _events(count: int) -> list[AuditEvent]:
    return [audit_record(actor=None, action=AuditAction.LOGIN_FAILED) for _ in range(count)]


def _truncate_and_hide(keep: int) -> None:
    """Remove every event after `keep` and point the head at the new newest one."""
    with as_schema_owner():
        AuditEvent.objects.filter(seq__gt=keep)._raw_delete(AuditEvent.objects.db)
        newest = AuditEvent.objects.get(seq=keep)
        AuditChainHead.objects.update(seq=keep, last_hash=newest.hash)


@pytest.mark.django_db
def test_export_writes_a_signed_line_naming_the_head(tmp_path, capsys) -> None:
    events = _events(3)
    anchor_file = tmp_path / "anchors.txt"
    call_command("audit_anchor_export", str(anchor_file))
    line = anchor_file.read_text().strip()
    assert line == capsys.readouterr().out.strip()
    assert line.startswith(f"tabara-audit-anchor/1 seq=3 hash={events[-1].hash} at=")
    [anchor] = anchors_parse(line, KEYS)
    assert (anchor.seq, anchor.hash) == (3, events[-1].hash)


@pytest.mark.django_db
def test_truncation_hidden_from_the_head_passes_alone_but_fails_the_anchor(tmp_path) -> None:
    _events(3)
    anchor_file = tmp_path / "anchors.txt"
    call_command("audit_anchor_export", str(anchor_file))
    _events(2)
    call_command("audit_anchor_export", str(anchor_file))
    call_command("audit_verify", "--anchor", str(anchor_file))  # both anchors reached
    _truncate_and_hide(keep=4)
    assert audit_chain_verify().ok  # without an anchor nothing inside the database tells
    with pytest.raises(CommandError, match="ends at sequence number 4 but an anchor saw 5"):
        call_command("audit_verify", "--anchor", str(anchor_file))


@pytest.mark.django_db
def test_an_anchored_event_that_differs_fails(tmp_path) -> None:
    _events(3)
    anchor_file = tmp_path / "anchors.txt"
    call_command("audit_anchor_export", str(anchor_file))
    _truncate_and_hide(keep=2)
    audit_record(actor=None, action=AuditAction.LOGIN)  # the site goes on: a new seq 3
    assert audit_chain_verify().ok  # a valid chain, one event short of what was published
    with pytest.raises(CommandError, match="differs from the event anchored at sequence number 3"):
        call_command("audit_verify", "--anchor", str(anchor_file))


@pytest.mark.django_db
def test_a_forged_or_foreign_anchor_line_is_refused(tmp_path) -> None:
    _events(2)
    anchor_file = tmp_path / "anchors.txt"
    call_command("audit_anchor_export", str(anchor_file))
    line = anchor_file.read_text()
    with pytest.raises(AnchorError, match="signature"):
        anchors_parse(line.replace("seq=2", "seq=1"), KEYS)
    with pytest.raises(AnchorError, match="unknown key"):
        anchors_parse(line, keyring(["another-deployment-key-0123456789abcd"]))
    with pytest.raises(AnchorError, match="well-formed"):
        anchors_parse("tabara-audit-anchor/1 seq=two", KEYS)
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n")
    with pytest.raises(CommandError, match="no anchor line"):
        call_command("audit_verify", "--anchor", str(empty))


@pytest.mark.django_db
def test_the_log_line_is_an_anchor_and_a_copy_of_the_log_verifies(tmp_path, caplog) -> None:
    _events(2)
    with caplog.at_level(logging.INFO, logger="tabara.audit.anchor"):
        call_command("audit_anchor_log")
    log = tmp_path / "tabara.log"
    log.write_text(f"2026-12-04 21:00:00 INFO tabara.audit.anchor {caplog.messages[-1]}\n"
                   "2026-12-04 21:00:01 INFO django.request something else\n")  # fmt: skip
    [anchor] = anchors_parse(log.read_text(), KEYS)
    assert anchor.seq == 2
    _truncate_and_hide(keep=1)
    with pytest.raises(CommandError, match="newest events were removed"):
        call_command("audit_verify", "--anchor", str(log))


@pytest.mark.django_db
def test_an_empty_chain_anchors_at_zero(tmp_path) -> None:
    anchor_file = tmp_path / "anchors.txt"
    call_command("audit_anchor_export", str(anchor_file))
    assert f"seq=0 hash={'0' * 64}" in anchor_file.read_text()
    call_command("audit_verify", "--anchor", str(anchor_file))
