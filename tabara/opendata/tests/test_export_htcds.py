"""`tabara export htcds`: a supervisor's organization's consenting cases, identified and audited."""

from __future__ import annotations

import csv

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cli import main
from tabara.opendata.tests.factories import victims_create


def _rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_supervisor_exports_their_organization_s_consenting_cases(
    agencies, supervisor, right_code, tmp_path, capsys
) -> None:
    mine = victims_create(
        agencies["RIB"],
        [
            {
                "consent_to_share": True,
                "gender": "feminine",
                "age": 17,
                "citizenship": "RW",
                "exploitation_type": "domestic_servitude",
                "recruitment_channel": "relative",
                "destination_country": "UG",
                "border_crossed": True,
            },
            {"consent_to_share": False, "gender": "masculine"},
        ],
    )
    victims_create(agencies["NCDA"], [{"consent_to_share": True}])
    right_code(supervisor)
    out = tmp_path / "htcds.csv"
    assert main(["export", "htcds", str(out), "--user", "sup"]) == 0
    rows = _rows(out)
    assert [r["cas_CaseId"] for r in rows] == [f"C-{mine[0].pk:06d}"]
    row = rows[0]
    assert (row["prs_Gender"], row["vic_AgeWhenTrafficked"], row["prs_Citizenship"]) == (
        "Feminine",
        "17",
        "RW",
    )
    assert row["vic_TypeOfExploitation"] == "Servitude"
    assert row["vic_RelationshipToTrafficker"] == "Familial"
    assert row["vic_LocationOfExploitation"] == "UG"
    assert row["vic_TraffickinStatusDecisionMakingOrg"] == "Police"  # RIB investigates
    text = out.read_text(encoding="utf-8")
    assert "Synthetic Person" not in text and "+250788" not in text
    assert "1 cases left out without consent" in capsys.readouterr().out
    event = AuditEvent.objects.get(action=AuditAction.HTCDS_EXPORTED)
    assert event.actor_id == supervisor.pk and event.extra["cases"] == [mine[0].pk]
    assert event.extra["without_consent"] == 1


def test_a_wrong_code_is_refused_audited_and_counted_against_the_account(
    supervisor, code_typed, tmp_path, capsys
) -> None:
    from tabara.accounts.models import SignInThrottle

    code_typed("000000")
    out = tmp_path / "htcds.csv"
    assert main(["export", "htcds", str(out), "--user", "sup"]) == 2
    assert "refused" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert AuditEvent.objects.get(action=AuditAction.OPEN_DATA_REFUSED).extra["reason"] == "code"
    assert SignInThrottle.objects.get(username="sup").failures == 1
    for _attempt in range(4):  # the sign-in throttle forgives four failures, not five
        code_typed("000000")
        main(["export", "htcds", str(out), "--user", "sup"])
    from tabara.accounts.tests.factories import totp_code

    code_typed(totp_code(supervisor))
    assert main(["export", "htcds", str(out), "--user", "sup"]) == 2
    assert not out.exists()
    assert AuditEvent.objects.filter(extra__reason="throttled").count() == 1


def test_staff_without_the_permission_are_refused(
    agencies, make_staff, right_code, tmp_path
) -> None:
    worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"], username="w")
    victims_create(agencies["RIB"], [{"consent_to_share": True}])
    right_code(worker)
    out = tmp_path / "htcds.csv"
    assert main(["export", "htcds", str(out), "--user", "w"]) == 2
    assert not out.exists()
    refusal = AuditEvent.objects.get(action=AuditAction.OPEN_DATA_REFUSED)
    assert refusal.actor_id == worker.pk and refusal.extra["reason"] == "permission"
    assert not AuditEvent.objects.filter(action=AuditAction.HTCDS_EXPORTED).exists()


def test_an_existing_file_is_never_overwritten(supervisor, right_code, tmp_path, capsys) -> None:
    out = tmp_path / "htcds.csv"
    out.write_text("keep me")
    right_code(supervisor)
    assert main(["export", "htcds", str(out), "--user", "sup"]) == 2
    assert out.read_text() == "keep me" and "already exists" in capsys.readouterr().err


def test_bad_arguments_are_a_usage_error(capsys) -> None:
    assert main(["export", "htcds"]) == 2
    assert "tabara export" in capsys.readouterr().err
