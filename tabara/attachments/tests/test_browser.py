"""A geotagged photo sent with a public report (JavaScript off) reaches staff without EXIF.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image
from playwright.sync_api import BrowserContext, FilePayload

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.attachments.models import Attachment
from tabara.attachments.tests import samples
from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit
from tabara.intake.models import Report

pytestmark = BROWSER_TEST


def test_a_photo_sent_without_javascript_is_opened_by_staff_without_its_position(
    live_server,
    geography: None,
    phone: BrowserContext,
    desktop: BrowserContext,
    make_staff: Callable[..., User],
) -> None:
    base = live_server.url
    original = samples.photo()
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif().get_ifd(samples.GPS_IFD)
    public = phone.new_page()
    public.goto(f"{base}/en/report/")
    public.fill("textarea[name=what_happened]", "A recruiter posted this job advert (synthetic).")
    public.set_input_files(
        "input[name=attachments]",
        files=[FilePayload(name="job-advert.jpg", mimeType="image/jpeg", buffer=original)],
    )
    assert submit(public).status == 200
    assert "receipt" in public.content().lower()
    report = Report.objects.get()
    attachment = Attachment.objects.get(report=report)

    officer = make_staff(roles=[Role.INTAKE_OFFICER])
    page = desktop.new_page()
    sign_in(page, base, officer)
    page.goto(f"{base}/en/staff/reports/{report.pk}/")
    link = page.locator("#files a", has_text="job-advert.jpg")
    href = link.get_attribute("href")
    assert href == f"/en/staff/files/{attachment.pk}/"
    served = desktop.request.get(f"{base}{href}")
    assert served.status == 200 and served.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(served.body())) as image:
        assert image.size == (64, 48)
        assert len(image.getexif()) == 0 and not image.getexif().get_ifd(samples.GPS_IFD)
