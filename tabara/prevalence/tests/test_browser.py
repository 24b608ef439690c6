"""An analyst uploads the UK table, runs a bootstrap estimate and reads the report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tabara.accounts.roles import Role
from tabara.core.tests.browser import sign_in, submit
from tabara.prevalence.models import Estimation

UK = Path(__file__).parent / "data" / "uk_2013_5lists.csv"

pytestmark = pytest.mark.django_db(transaction=True)


def test_analyst_uploads_runs_and_reads_the_report(shots, live_server, desktop, make_staff):
    analyst = make_staff(roles=[Role.ANALYST])
    page = desktop.new_page()
    assert sign_in(page, live_server.url, analyst).status == 200
    page.goto(f"{live_server.url}/en/staff/prevalence/")
    page.fill("input[name=title]", "UK 2013, five lists")
    page.set_input_files("input[name=table]", str(UK))
    page.select_option("select[name=method]", "stepwise")
    page.fill("input[name=bootstrap]", "200")
    assert submit(page).status == 200
    assert "Waiting for the worker" in page.inner_text("#progress")

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")  # the worker
    estimation = Estimation.objects.get()
    assert estimation.status == "done", estimation.error

    # The waiting page refreshes itself every 3 s: leave it first, so that its refresh
    # cannot cut the reload short (net::ERR_ABORTED on a busy machine).
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    assert page.inner_text("#estimate") == f"{estimation.result['estimate']:,.0f}".replace(",", "")
    assert page.locator("svg[role=img]").count() == 2  # bootstrap histogram and sensitivity
    assert page.locator("#bca-low").inner_text() != ""
    # The histogram's text alternative: a linked table of its bars, which hold the central
    # 99% of the 200 replicates asked for.
    assert page.locator('a[href="#table-bootstrap"]').count() == 1
    replicates = page.locator("#table-bootstrap tbody td:nth-child(3)").all_inner_texts()
    assert len(replicates) == len(estimation.result["histogram"])
    assert 190 <= sum(int(n) for n in replicates) <= 200
    assert "overlap more than chance" in page.content()  # in English, whatever the worker spoke
    if os.environ.get("TABARA_SCREENSHOTS"):  # TABARA_SCREENSHOTS=1 refreshes docs/screenshots
        page.screenshot(path=str(shots / "prevalence-report.png"), full_page=True)
