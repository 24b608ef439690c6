"""A day's casework in Chromium: a supervisor assigns and reassigns, a worker writes a note,
and a shelter with a limited view records the shelter service it provides.

Chromium comes from Debian; Playwright never downloads a browser. TABARA_SCREENSHOTS=1 also
refreshes docs/screenshots/case-work*.png.
"""

from __future__ import annotations

import os
import urllib.request

from playwright.sync_api import Browser, BrowserContext

from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole, ServiceType, ViewScope
from tabara.cases.models import CaseNote, CaseService
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit
from tabara.notifications.models import Notification
from tabara.referrals.services import referral_accept, referral_send

pytestmark = BROWSER_TEST


def test_assign_reassign_write_a_note_and_record_a_shelter_stay(
    shots, live_server, geography, chromium: Browser, desktop: BrowserContext, make_staff
) -> None:
    agencies = agencies_create()
    boss = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    first = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    second = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    shelter = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    case = case_create(intake, consent_to_share=True)
    case_person_add(
        user=intake, case_id=case.pk, role=PersonRole.PRESUMED_VICTIM, full_name="Ineza Synth"
    )
    base = live_server.url
    urllib.request.urlopen(f"{base}/en/staff/sign-in/", timeout=60).close()  # noqa: S310

    page = desktop.new_page()
    assert sign_in(page, base, boss).status == 200
    page.goto(f"{base}/en/staff/cases/mine/")
    assert case.reference in page.inner_text("#unassigned")
    page.click(f"#unassigned a:text-is('{case.reference}') >> xpath=../.. >> a:text-is('Assign')")
    page.select_option("select[name=worker]", str(first.pk))
    page.select_option("select[name=supervisor]", str(boss.pk))
    assert submit(page, "#assign-form button[type=submit]").status == 200
    assert first.get_full_name() in page.inner_text("#case-worker")
    page.click("#assign")
    page.select_option("select[name=worker]", str(second.pk))
    assert submit(page, "#assign-form button[type=submit]").status == 200
    assert second.get_full_name() in page.inner_text("#case-worker")
    told = set(
        Notification.objects.filter(event_key__contains=":assignment:").values_list(
            "user_id", flat=True
        )
    )
    assert {first.pk, second.pk, boss.pk} <= told

    worker = chromium.new_context(viewport={"width": 1280, "height": 800})
    worker.set_default_timeout(30_000)
    try:
        note_page = worker.new_page()
        assert sign_in(note_page, base, second).status == 200
        note_page.goto(f"{base}/en/staff/cases/mine/")
        note_page.click(f"#my-cases a:text-is('{case.reference}')")
        note_page.click("#write-note")
        note_page.fill("textarea[name=text]", "Met Ineza at the one-stop centre; she is safe.")
        assert submit(note_page, "#note-form button[type=submit]").status == 200
        assert "she is safe" in note_page.inner_text("#notes")
        assert CaseNote.objects.get().author == second
        sent = referral_send(
            user=second,
            case_id=case.pk,
            to_org=agencies["HOPE"],
            scope=ViewScope.VICTIM_NEEDS,
            service_type=ServiceType.SHELTER,
        )
        referral_accept(user=shelter, referral_id=sent.pk)
        note_page.reload()
        if os.environ.get("TABARA_SCREENSHOTS"):
            note_page.screenshot(path=str(shots / "case-work.png"), full_page=True)
    finally:
        worker.close()

    partner = chromium.new_context(viewport={"width": 1280, "height": 800})
    partner.set_default_timeout(30_000)
    try:
        stay = partner.new_page()
        assert sign_in(stay, base, shelter).status == 200
        stay.goto(f"{base}/en/staff/referrals/{sent.pk}/")
        stay.click("#record-service")
        stay.select_option("select[name=status]", "in_progress")
        stay.fill("textarea[name=note]", "Arrived; bed in the girls' dormitory.")
        assert submit(stay, "#service-update button[type=submit]").status == 200
        assert "girls' dormitory" in stay.inner_text("#service-history")
        stay.goto(f"{base}/en/staff/cases/{case.pk}/")
        assert stay.locator("#limited").is_visible()
        assert stay.locator("#notes").count() == 0  # a limited partner never sees notes
        assert "In progress" in stay.inner_text("#services")
        if os.environ.get("TABARA_SCREENSHOTS"):
            stay.screenshot(path=str(shots / "case-work-shelter.png"), full_page=True)
    finally:
        partner.close()
    assert CaseService.objects.get().status == "in_progress"
