"""Analysts upload a table, the run happens in the background, the report reads plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tabara.accounts.roles import Role
from tabara.prevalence.models import Estimation
from tabara.prevalence.mse import read_table, run_estimation
from tabara.prevalence.services import estimation_run

DATA = Path(__file__).parent / "data"
UK = (DATA / "uk_2013_5lists.csv").read_bytes()
REFERENCE = json.loads((DATA / "reference-r.json").read_text())["datasets"]["uk_2013_5lists"]


def upload(client, content: bytes = UK, name: str = "uk.csv", **fields):
    data = {
        "title": "UK 2013",
        "method": "stepwise",
        "threshold": "0.02",
        "bootstrap": "40",
        "seed": "7",
        "table": SimpleUploadedFile(name, content, content_type="text/csv"),
    }
    data.update(fields)
    return client.post("/en/staff/prevalence/", data)


@pytest.mark.django_db(transaction=True)
def test_upload_queues_a_background_run_after_commit(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    response = upload(client)
    estimation = Estimation.objects.get()
    assert response["Location"] == f"/en/staff/prevalence/{estimation.pk}/"
    assert estimation.status == "queued" and estimation.lists == REFERENCE["lists"]
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"estimation_id": estimation.pk}
    page = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page  # follows progress without JavaScript


@pytest.mark.django_db
def test_the_run_stores_a_reproducible_report_that_matches_the_library(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    upload(client)
    estimation = estimation_run(estimation_id=Estimation.objects.get().pk)
    expected = run_estimation(read_table(DATA / "uk_2013_5lists.csv"), bootstrap=40, seed=7)
    assert estimation.status == "done"
    assert estimation.result["estimate"] == pytest.approx(expected.estimate)
    assert expected.bootstrap is not None and expected.bootstrap.bca is not None
    assert estimation.result["ci"]["bca"] == pytest.approx(list(expected.bootstrap.bca))
    assert sum(row["count"] for row in estimation.result["overlaps"]) == REFERENCE["n_observed"]
    html = client.get(f"/en/staff/prevalence/{estimation.pk}/").content.decode()
    assert f"{expected.estimate:.0f}" in html
    assert "<svg" in html and "Sensitivity" in html
    for term, coefficient in expected.result.interactions:
        a, b = term.split(":")
        assert f"The {a} and {b} lists overlap {'more' if coefficient > 0 else 'less'}" in html
    assert estimation.data_sha256 in html
    printable = client.get(f"/en/staff/prevalence/{estimation.pk}/?print=1").content.decode()
    assert "<header>" not in printable and f"{expected.estimate:.0f}" in printable
    csv_text = client.get(f"/en/staff/prevalence/{estimation.pk}/export.csv").content.decode()
    assert csv_text.startswith("title,UK 2013") and "stepwise" in csv_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"A,B,count\n1,2,5\n1,1,3\n", "row 2"),
        (b"A,B,count\n1,0,-5\n1,1,3\n", "negative"),
        (b"A,count\n1,5\n", "2 lists"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_bad_tables_are_explained_and_nothing_is_queued(staff_client, content, message) -> None:
    client, _user = staff_client(Role.ANALYST)
    response = upload(client, content=content, title="kept title")
    html = response.content.decode()
    assert response.status_code == 400
    assert "This table cannot be used" in html and message in html
    assert 'value="kept title"' in html
    assert not Estimation.objects.exists()


@pytest.mark.django_db
def test_other_organizations_and_other_roles_cannot_see_estimations(staff_client) -> None:
    owner, _user = staff_client(Role.ANALYST)
    upload(owner)
    estimation = Estimation.objects.get()
    other, _o = staff_client(Role.ANALYST)
    assert other.get(f"/en/staff/prevalence/{estimation.pk}/").status_code == 404
    worker, _w = staff_client(Role.CASE_WORKER)
    assert worker.get("/en/staff/prevalence/").status_code == 404


@pytest.mark.django_db
def test_cautions_are_shown_in_the_readers_language(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    upload(client, bootstrap="0")
    estimation = estimation_run(estimation_id=Estimation.objects.get().pk)
    codes = [c["code"] for c in estimation.result["cautions"]]
    assert "empty_pairs" in codes  # the UK table has a pair of lists with nobody in common
    english = client.get(f"/en/staff/prevalence/{estimation.pk}/").content.decode()
    assert "pairs of lists have nobody in common (LA:GP)" in english


@pytest.mark.django_db
def test_plain_words_follow_the_reader_not_the_worker(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    upload(client, bootstrap="0")
    with translation.override("rw"):  # the worker's own language must not leak into the report
        estimation = estimation_run(estimation_id=Estimation.objects.get().pk)
    kinds = {entry["kind"] for entry in estimation.result["plain_terms"]}
    assert {"more", "less", "empty"} & kinds
    english = client.get(f"/en/staff/prevalence/{estimation.pk}/").content.decode()
    french = client.get(f"/fr/staff/prevalence/{estimation.pk}/").content.decode()
    assert "lists overlap more than chance" in english
    assert "lists overlap more than chance" not in french
