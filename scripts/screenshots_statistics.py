"""Take the case statistics screenshots in docs/screenshots/ (the method of screenshots.py).

A throwaway server over a fresh SQLite database with the demo data, plus 600 synthetic
cases spread over two years, Rwanda's districts and the demo organizations (so that the
national view has cells of 5 and more to show); the snapshot is rebuilt as the worker does.
Shot on a 1280x800 desktop as the demo 'analyst': the national view, the public releases'
ledger (the demo's first release) and the page as printed, in Kinyarwanda.

Usage: .venv/bin/python scripts/screenshots_statistics.py [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from screenshots import ROOT, demo_site, manage, shoot, staff_submit

from tabara.core.chromium import DESKTOP
from tabara.core.totp_now import code_for

# Run in `manage.py shell`: synthetic cases, victims, referrals and started services.
SYNTHETIC = """
import random
from datetime import timedelta
from django.utils import timezone
from tabara.accounts.models import Organization, User
from tabara.cases.models import Case, CasePerson, CaseService
from tabara.geo.models import AdminUnit
from tabara.referrals.models import Referral
rng = random.Random(15)
orgs = list(Organization.objects.values_list("pk", flat=True))
districts = list(AdminUnit.objects.filter(level="district").values_list("pk", flat=True))
weights = [12 if i < 5 else 1 for i in range(len(districts))]
planner = User.objects.filter(username="supervisor").first()
kinds = ["forced_labour"] * 5 + ["sexual_exploitation"] * 4 + ["domestic_servitude"] * 2 + [
    "forced_marriage", "forced_criminality", "unknown"]
channels = ["social_media"] * 5 + ["agency"] * 3 + ["relative", "acquaintance", "stranger"]
countries = ["AE", "SA", "OM", "KE", "UG", "TZ", "CD", "", ""]
sexes = ["feminine"] * 3 + ["masculine"] * 2
now = timezone.now()
for _ in range(600):
    opened = now - timedelta(days=rng.randrange(730), hours=rng.randrange(24))
    case = Case.objects.create(
        source="direct", owner_org_id=rng.choice(orgs), opened_at=opened, updated_at=opened,
        district_id=rng.choices(districts, weights)[0], exploitation_type=rng.choice(kinds),
        recruitment_channel=rng.choice(channels), destination_country=rng.choice(countries))
    CasePerson.objects.bulk_create([
        CasePerson(case=case, role="presumed_victim", gender=rng.choice(sexes),
                   age=rng.choice([None, *range(6, 45)]), added_at=opened)
        for _ in range(rng.choice([1, 1, 1, 2, 3]))])
    others = [o for o in orgs if o != case.owner_org_id]
    if rng.random() < 0.7 and others:
        sent = opened + timedelta(hours=rng.randrange(2, 60))
        accepted = rng.random() < 0.7
        answer = sent + timedelta(hours=rng.randrange(2, 120)) if accepted else None
        Referral.objects.create(
            case=case, from_org_id=case.owner_org_id, to_org_id=rng.choice(others),
            sent_at=sent, deadline_at=sent + timedelta(hours=24), case_opened_at=opened,
            status="accepted" if accepted else "sent", acknowledged_at=answer, responded_at=answer)
        if accepted and rng.random() < 0.8 and planner:
            started = (answer + timedelta(days=rng.randrange(1, 25))).date()
            CaseService.objects.create(
                case=case, service_type="shelter", provider_org_id=case.owner_org_id,
                status="in_progress", started_on=started,
                created_by=planner, created_at=opened, updated_at=opened)
"""


def add_cases(env: dict[str, str]) -> None:
    manage(env, "shell", "-c", SYNTHETIC)
    manage(env, "dashboards_refresh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with demo_site("analyst", before_serving=add_cases) as (base, browser, account):
        desktop = browser.new_context(viewport=DESKTOP)
        page = desktop.new_page()
        page.goto(f"{base}/en/staff/sign-in/?next=/en/staff/statistics/")
        page.fill("input[name=username]", "analyst")
        page.fill("input[name=password]", account["password"])
        page.fill("input[name=otp_token]", code_for(account["secret"]))
        staff_submit(page, "form button[type=submit]")
        page.goto(f"{base}/en/staff/statistics/")
        shoot(page, out / "statistics-analyst.png")
        page.goto(f"{base}/en/staff/statistics/releases/")
        shoot(page, out / "statistics-releases.png")
        page.emulate_media(media="print")
        page.goto(f"{base}/rw/staff/statistics/?since=2026-01-01")
        shoot(page, out / "statistics-print-rw.png")


if __name__ == "__main__":
    main()
