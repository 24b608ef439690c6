"""A demo file on the demo child's case, so `make run` shows attachments (synthetic).

A drawn picture of a job advertisement, kept through the same inspection as any upload.
Idempotent: nothing is added once any attachment exists.
"""

from __future__ import annotations

from tabara.accounts.models import User
from tabara.attachments.files import file_inspect
from tabara.attachments.models import Attachment
from tabara.attachments.picture import advert_picture
from tabara.attachments.services import attachment_add_to_case
from tabara.cases.models import Case
from tabara.core.demo import DemoRun


def attachments_demo_step(run: DemoRun) -> None:
    if Attachment.objects.exists():
        run.made["attachments"] = 0
        return
    child = Case.objects.filter(owner_org__short_name="NCDA").order_by("id").first()
    worker = User.objects.filter(username="ncda").first()
    if child is None or worker is None:
        run.made["attachments"] = 0
        return
    attachment_add_to_case(
        user=worker, case_id=child.pk, file=file_inspect(advert_picture()), name="job-advert.jpg"
    )
    run.made["attachments"] = 1
