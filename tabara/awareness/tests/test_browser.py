"""The programme in a real browser: an officer on a desktop, a visitor on a phone without JS.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import BrowserContext, Page

from tabara.accounts.roles import Role
from tabara.awareness.models import Activity, Attempt, Comment, Subscriber
from tabara.awareness.tests.factories import csv_bytes
from tabara.core.tests.browser import sign_in
from tabara.core.tests.browser import submit as shared_submit

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads committed rows


@pytest.fixture
def contexts(
    desktop: BrowserContext, phone: BrowserContext
) -> Iterator[tuple[BrowserContext, BrowserContext]]:
    cache.clear()
    yield desktop, phone
    cache.clear()


def submit(page: Page, button: str) -> int:
    return shared_submit(page, button).status


def test_training_article_comment_subscription_and_map(
    live_server, geography, make_staff, contexts, tmp_path: Path
) -> None:
    desktop, phone = contexts
    base = live_server.url
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    staff = desktop.new_page()
    assert sign_in(staff, base, officer).status == 200

    # The officer records a training in Rusizi (district 36) ...
    staff.goto(f"{base}/en/staff/awareness/activities/new/")
    staff.fill("input[name=title]", "Training of transporters (synthetic)")
    staff.select_option("select[name=kind]", "training")
    staff.fill("input[name=held_on]", "2026-10-20")
    staff.select_option("select[name=district]", "36")
    staff.check("input[name=audiences][value=transporters]")
    assert submit(staff, "form.card button[type=submit]") == 200
    assert "Rusizi" in staff.inner_text("#place")

    # ... imports its register with paper pre/post scores (one bad row) ...
    register = tmp_path / "register.csv"
    register.write_bytes(
        csv_bytes(
            [
                ["1", "", "F", "25-35", "transporters", "Rusizi", "25", "75", "no", "yes"],
                ["2", "", "M", "36-59", "transporters", "Rusizi", "50", "75", "no", "yes"],
                ["3", "", "M", "18-24", "transporters", "Rusizi", "50", "100", "yes", "yes"],
                ["4", "", "?", "", "", "", "", "", "", ""],
            ]
        )
    )
    staff.set_input_files("input[name=file]", str(register))
    assert submit(staff, "form[enctype] button[type=submit]") == 200
    report = staff.inner_text("#import-report")
    assert "3 participants imported, 6 test scores recorded, 1 rows rejected." in report
    assert "Sex “?” is not F or M." in report
    assert "Knowledge gain: 41.7 points" in staff.inner_text("#learning")
    activity = Activity.objects.get()
    assert Attempt.objects.filter(test__activity=activity).count() == 6

    # ... and publishes an article.
    staff.goto(f"{base}/en/staff/awareness/articles/new/")
    staff.fill("input[name=slug]", "transporters-trained")
    staff.select_option("select[name=kind]", "news")
    staff.fill("input[name=title_en]", "Transporters trained in Rusizi")
    staff.fill("textarea[name=body_en]", "Drivers learned the **signs** of trafficking.")
    staff.check("input[name=published]")
    assert submit(staff, "button[value=preview]") == 200
    assert staff.inner_html(".preview").count("<strong>signs</strong>") == 1
    assert submit(staff, "button[value=save]") == 200

    # A visitor on a phone comments and subscribes.
    visitor = phone.new_page()
    visitor.goto(f"{base}/en/news/transporters-trained/")
    visitor.fill("input[name=name]", "Claudine")
    visitor.fill("input[name=email]", "claudine@example.org")
    visitor.fill("textarea[name=body]", "Thank you, we will tell the moto drivers too.")
    assert submit(visitor, "form button[type=submit]") == 200
    assert visitor.is_visible("#posted")
    visitor.goto(f"{base}/en/newsletter/")
    visitor.fill("input[name=email]", "claudine@example.org")
    visitor.check("input[name=language][value=rw]")
    assert submit(visitor, "form button[type=submit]") == 200
    assert visitor.is_visible("#sent")
    assert Subscriber.objects.get().status == "pending"

    # The officer approves the comment; the visitor now sees it, without the email.
    comment = Comment.objects.get()
    staff.goto(f"{base}/en/staff/awareness/comments/")
    assert submit(staff, f"#comment-{comment.pk} button[value=approved]") == 200
    visitor.goto(f"{base}/en/news/transporters-trained/")
    comments = visitor.inner_text("main")
    assert "we will tell the moto drivers" in comments
    assert "claudine@example.org" not in visitor.content()

    # The dashboard's map shades Rusizi with the three people reached.
    staff.goto(f"{base}/en/staff/awareness/")
    rusizi = staff.locator("svg.map path#d36")
    assert rusizi.get_attribute("data-value") == "3"
    assert rusizi.get_attribute("fill") != "#f2f2f2"
    assert staff.locator("svg.map path[data-value='0']").count() == 29
    assert staff.inner_text("#kpi-people") == "3"
