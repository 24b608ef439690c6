"""A demo file on the demo child's case, so `make run` shows attachments (synthetic).

A drawn picture of a job advertisement, kept through the same inspection as any upload.
Idempotent: nothing is added once any attachment exists.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from tabara.accounts.models import User
from tabara.attachments.files import file_inspect
from tabara.attachments.models import Attachment
from tabara.attachments.services import attachment_add_to_case
from tabara.cases.models import Case
from tabara.core.demo import DemoRun


def advert_picture() -> bytes:
    """A synthetic photo of a job advert: "WORK IN DUBAI, HOUSE HELP, $500, CALL NOW"."""
    image = Image.new("RGB", (480, 320), (250, 240, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 469, 309), outline=(160, 30, 30), width=6)
    for row, text in enumerate(["WORK IN DUBAI", "HOUSE HELP", "$500 / MONTH", "CALL NOW"]):
        draw.text((40, 40 + 60 * row), text, fill=(120, 20, 20))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


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
