"""Demo reports (synthetic; see tabara/core/demo.py): three web reports, made once."""

from __future__ import annotations

from tabara.core.demo import DemoRun
from tabara.intake.choices import AgeGroup, Channel, LocationKind, RecruitmentChannel, Sex
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_display
from tabara.intake.services import ReportInput, report_submit


def intake_demo_step(run: DemoRun) -> None:
    """Submit the demo reports if there is no report yet; their receipts are printed."""
    if Report.objects.exists():
        return
    run.receipts += _demo_reports()
    run.lines += [f"Demo report receipt: {receipt_display(r)}" for r in run.receipts]


def _demo_reports() -> list[str]:
    samples = [
        ReportInput(
            what_happened="A woman in our village says a man on Facebook offered her daughter "
            "a hotel job in Nairobi and asked for her ID card. She leaves next week.",
            location_kind=LocationKind.RWANDA,
            sector_code="3301",
            people_count=1,
            age_group=AgeGroup.ADULT,
            sex=Sex.FEMALE,
            recruitment_channel=RecruitmentChannel.SOCIAL_MEDIA,
            platform="facebook",
            destination="Nairobi, Kenya",
            destination_country="KE",
            suspect_identifiers="Facebook profile 'Jobs Abroad Demo', phone 0780 000 001",
        ),
        ReportInput(
            what_happened="Three boys of about 14 were put on a bus at the border by a man who "
            "said they would work on a farm across the border. Their parents were not there.",
            location_kind=LocationKind.BORDER,
            border_post_code="grande_barriere",
            people_count=3,
            age_group=AgeGroup.CHILD,
            sex=Sex.MALE,
            recruitment_channel=RecruitmentChannel.STRANGER,
        ),
        ReportInput(
            what_happened="An agency in town promises domestic work in the Gulf, but keeps the "
            "passports of the girls who sign up.",
            location_kind=LocationKind.RWANDA,
            district_code="12",
            age_group=AgeGroup.ADULT,
            sex=Sex.FEMALE,
            recruitment_channel=RecruitmentChannel.AGENCY,
            agency_name="Demo Travel Agency",
            destination_country="AE",
        ),
    ]
    return [report_submit(channel=Channel.WEB, data=sample).receipt for sample in samples]
