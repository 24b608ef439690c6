"""The analyst's pages: upload and map a list, start a run, read clusters and evidence,
review pairs; and what they never show of a case the organization could not open."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse as django_reverse
from django.utils import translation
from openpyxl import load_workbook

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in
from tabara.audit.models import AuditEvent
from tabara.linkage.models import ImportedList, LinkRun, PairDecision
from tabara.linkage.services import link_run_execute
from tabara.linkage.tests.conftest import OTHER_VICTIM, OWN_VICTIM, list_csv

pytestmark = pytest.mark.django_db


def reverse(name: str, args: list[int] | None = None) -> str:
    with translation.override("en"):
        return django_reverse(name, args=args)


def _english(w: SimpleNamespace):
    w.analyst.language = "en"
    w.analyst.save(update_fields=["language"])
    return signed_in(w.analyst)


def test_upload_map_and_read_problems_by_line(linkage_world: SimpleNamespace) -> None:
    client = _english(linkage_world)
    lists_url = reverse("linkage:lists")
    assert client.get(lists_url).status_code == 200
    content = list_csv([["b1", "Ingabire Grace", "F", "2001", "", "12", ""]])
    answer = client.post(
        lists_url, {"agency": "Hope shelter", "table": SimpleUploadedFile("hope.csv", content)}
    )
    imported = ImportedList.objects.get(agency="Hope shelter")
    assert answer.status_code == 302 and answer["Location"].endswith(f"/{imported.pk}/")
    page = client.get(answer["Location"]).content.decode()
    assert "Which column holds what?" in page
    assert 'value="1" selected' in page  # "Names" proposed for the full name
    # Two fields on one column: refused, with every choice kept.
    data = {"record_id": "0", "full_name": "1", "sex": "1", "phone": "5"}
    refused = client.post(answer["Location"], data)
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "This column is already mapped to Full name." in body
    assert body.count("selected") >= 4
    done = client.post(answer["Location"], {"record_id": "0", "full_name": "1", "phone": "5"})
    assert done.status_code == 302
    page = client.get(answer["Location"]).content.decode()
    lines = content.decode().count("\n")
    assert f"<td>{lines}</td><td>the phone number is not valid: ignored</td>" in page
    assert AuditEvent.objects.filter(action="linkage_list_imported").count() == 2


def test_a_bad_file_is_refused_with_the_agency_kept(linkage_world: SimpleNamespace) -> None:
    client = _english(linkage_world)
    answer = client.post(
        reverse("linkage:lists"),
        {"agency": "Hope shelter", "table": SimpleUploadedFile("hope.xlsx", b"not a workbook")},
    )
    assert answer.status_code == 400
    body = answer.content.decode()
    assert "This file cannot be used: This .xlsx file could not be opened." in body
    assert 'value="Hope shelter"' in body


def _run_through_pages(w: SimpleNamespace, client) -> LinkRun:
    answer = client.post(
        reverse("linkage:runs"),
        {"title": "Cases and shelter", "include_cases": "on", "lists": [str(w.list.pk)],
         "threshold": "0.5"},
    )  # fmt: skip
    assert answer.status_code == 302
    run = LinkRun.objects.get(title="Cases and shelter")
    return link_run_execute(run_id=run.pk)  # what the background task does


def test_run_page_shows_clusters_evidence_and_hides_other_organizations_cases(
    linkage_world: SimpleNamespace, make_staff
) -> None:
    w = linkage_world
    client = _english(w)
    run = _run_through_pages(w, client)
    assert run.status == LinkRun.Status.DONE
    before = AuditEvent.objects.filter(action="linkage_person_viewed").count()
    page = client.get(reverse("linkage:run", args=[run.pk])).content.decode()
    # RIB's own victim: its case number and fields, evidence by field with weights.
    assert w.own_case.reference in page and OWN_VICTIM["full_name"] in page
    assert "the same number" in page  # the NIN level in words
    # NAR's victim, linked with the list's v2: shown as another organization's case only.
    assert "a case of another organization" in page
    assert "Jean Bosco HABYARIMANA" in page  # the list's own row
    for secret in (OTHER_VICTIM["full_name"], OTHER_VICTIM["identity_number"],
                   OTHER_VICTIM["phone"], "0722987654", w.other_case.reference,
                   reverse("cases:detail", args=[w.other_case.pk])):  # fmt: skip
        assert secret not in page
    viewed = AuditEvent.objects.filter(action="linkage_person_viewed")
    assert viewed.count() == before + 1
    assert viewed.order_by("-seq")[0].target_id == str(w.own_victim.pk)
    # Analysts cannot open cases: no link to the own case either.
    assert reverse("cases:detail", args=[w.own_case.pk]) not in page
    _clusters_export(w, client, run, make_staff)


def _clusters_export(w: SimpleNamespace, client, run: LinkRun, make_staff) -> None:
    """The clusters as CSV/XLSX: the records as the page shows them; names only with
    case.view, and only of records the reader may see; each download audited."""
    url = reverse("linkage:clusters_export", args=[run.pk])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert rows[0] == ["Cluster", "Record (as you may see it)", "Source", "Match probability"]
    own = next(r for r in rows if r[1] == f"case {w.own_case.reference}")
    assert {r[2] for r in rows[1:] if r[0] == own[0]} == {"Tabara", "Shelter"}  # with v1
    assert run.threshold <= float(own[3]) <= 1
    assert "a case of another organization" in {r[1] for r in rows}
    body = repr(rows)
    for secret in (OWN_VICTIM["full_name"], OTHER_VICTIM["full_name"], "HABYARIMANA",
                   w.other_case.reference):  # fmt: skip
        assert secret not in body
    exported = AuditEvent.objects.filter(action="linkage_clusters_exported")
    assert exported.get().extra == {"format": "csv", "records": len(rows) - 1, "names": False}
    reader = make_staff(roles=[Role.ANALYST, Role.SUPERVISOR], organization=w.agencies["RIB"])
    answer = signed_in(reader).get(url, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(answer.content)).active
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0][-1] == "Name" and len(table) == len(rows)
    names = {row[-1] for row in table[1:]}
    assert {OWN_VICTIM["full_name"], "Jean Bosco HABYARIMANA"} <= names
    assert OTHER_VICTIM["full_name"] not in names
    assert exported.count() == 2
    assert client.get(url, {"format": "pdf"}).status_code == 404


def test_review_keeps_the_decision_and_updates_quality(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    client = _english(w)
    run = _run_through_pages(w, client)
    url = reverse("linkage:review", args=[run.pk])
    page = client.get(url).content.decode()
    nearest = min(run.pairs.all(), key=lambda p: (abs(p.match_probability - 0.5), p.pk))
    assert page.index(f'id="pair-{nearest.pk}"') < page.index("Reviewed</h2>")
    assert client.post(url, {"pair": nearest.pk, "verdict": "match"}).status_code == 302
    assert PairDecision.objects.get().verdict == "match"
    page = client.get(url).content.decode()
    assert f'id="reviewed-{nearest.pk}"' in page and f'id="pair-{nearest.pk}"' not in page
    assert "Pairs reviewed: 1 (the same person: 1;" in page
    refused = client.post(url, {"pair": nearest.pk, "verdict": "perhaps"})
    assert refused.status_code == 400
    assert "Say whether the two records are the same person." in refused.content.decode()
    assert client.post(url, {"pair": 10**9, "verdict": "match"}).status_code == 404


def test_the_analyst_chooses_the_threshold(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    client = _english(w)
    run = _run_through_pages(w, client)
    url = reverse("linkage:run", args=[run.pk])
    refused = client.post(url, {"threshold": "1.5"})
    assert refused.status_code == 400 and 'value="1.5"' in refused.content.decode()
    assert client.post(url, {"threshold": "0.95"}).status_code == 302
    run.refresh_from_db()
    assert run.threshold == 0.95


def test_pages_read_in_kinyarwanda(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    client = signed_in(w.analyst)  # the default language
    run = _run_through_pages(w, client)
    page = client.get(f"/rw/staff/linkage/runs/{run.pk}/review/").content.decode()
    assert "Isuzuma rikozwe n'umuntu" in page
