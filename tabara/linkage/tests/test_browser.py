"""Clerical review in a browser: the analyst accepts a pair, sees the decision kept and
precision and recall computed from it."""

from __future__ import annotations

import os
from types import SimpleNamespace

from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit
from tabara.linkage.models import PairDecision
from tabara.linkage.services import RunInput, link_run_create, link_run_execute

pytestmark = BROWSER_TEST


def test_analyst_accepts_a_pair_and_sees_quality_update(
    shots, live_server, desktop, linkage_world: SimpleNamespace
) -> None:
    w = linkage_world
    w.analyst.language = "en"
    w.analyst.save(update_fields=["language"])
    run = link_run_create(
        user=w.analyst,
        data=RunInput(title="Cases and shelter", include_cases=True, list_ids=(w.list.pk,),
                      threshold=0.5),
    )  # fmt: skip
    run = link_run_execute(run_id=run.pk)
    page = desktop.new_page()
    assert sign_in(page, live_server.url, w.analyst).status == 200
    page.goto(f"{live_server.url}/en/staff/linkage/runs/{run.pk}/review/")
    current = "#quality tr[aria-current]"
    assert page.inner_text(f"{current} .precision") == "—"
    assert page.inner_text(f"{current} .recall") == "—"
    first = page.locator(".pair").first
    pair_id = int((first.get_attribute("id") or "").removeprefix("pair-"))
    pair = run.pairs.get(pk=pair_id)
    assert submit(page, f"#pair-{pair_id} button[value=match]").status == 200

    assert PairDecision.objects.get().verdict == "match"
    kept = page.locator(f"#reviewed-{pair_id}")
    assert "reviewed: the same person" in kept.inner_text()
    assert page.locator(f"#pair-{pair_id}").count() == 0
    assert "Pairs reviewed: 1 (the same person: 1;" in page.inner_text("#quality")
    # One confirmed link: recall 1 where the model links it, 0 where it does not;
    # precision 1 wherever it links anything reviewed.
    linked = pair.match_probability >= run.threshold
    assert page.inner_text(f"{current} .recall") == ("1.00" if linked else "0.00")
    assert page.inner_text(f"{current} .precision") == ("1.00" if linked else "—")
    page.reload()  # kept on the server, not in the page
    assert page.locator(f"#reviewed-{pair_id}").count() == 1

    if os.environ.get("TABARA_SCREENSHOTS"):  # TABARA_SCREENSHOTS=1 refreshes docs/screenshots
        page.screenshot(path=str(shots / "linkage-review-en.png"), full_page=True)
        page.goto(f"{live_server.url}/rw/staff/linkage/runs/{run.pk}/")
        page.screenshot(path=str(shots / "linkage-run-rw.png"), full_page=True)
