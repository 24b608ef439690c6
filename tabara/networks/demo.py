"""Demo data for the network page (synthetic; see tabara/core/demo.py), made once.

Two more reports, from other districts, repeat the first demo report's recruiter phone and
the third one's agency, so the analysts' page of `make run` shows a network; then every
demo record is indexed (the worker would do it after commit; the demo does not wait).
"""

from __future__ import annotations

from tabara.core.demo import DemoRun
from tabara.intake.choices import Channel, LocationKind, RecruitmentChannel
from tabara.intake.services import ReportInput, report_submit
from tabara.networks.models import IdentifierOccurrence
from tabara.networks.services import network_backfill

SAMPLES = [
    ReportInput(
        what_happened="My cousin got a call from +250 780 000 001 about hotel work in Nairobi; "
        "he wants her to travel through Gatuna this month (synthetic).",
        location_kind=LocationKind.RWANDA,
        district_code="41",
        recruitment_channel=RecruitmentChannel.STRANGER,
        destination_country="KE",
    ),
    ReportInput(
        what_happened="Girls from our cell were promised cleaning jobs in Dubai by DEMO TRAVEL "
        "AGENCY LTD; the recruiter's WhatsApp is wa.me/250780000001 (synthetic).",
        location_kind=LocationKind.RWANDA,
        district_code="34",
        recruitment_channel=RecruitmentChannel.AGENCY,
        agency_name="Demo Travel Agency Ltd",
        destination_country="AE",
    ),
]


def networks_demo_step(run: DemoRun) -> None:
    """Add the two reports and index every demo record, once."""
    if IdentifierOccurrence.objects.exists():
        return
    for sample in SAMPLES:
        run.receipts.append(report_submit(channel=Channel.WEB, data=sample).receipt)
    result = network_backfill(alert=True)
    run.lines.append(f"Recruiter network: {result.added} identifier occurrences indexed.")
