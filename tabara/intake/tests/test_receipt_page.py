"""The receipt page cannot be left by a link before the person confirms noting the receipt."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tabara.intake.tests.factories import complete_form


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["rw", "en", "fr"])
def test_the_receipt_page_has_no_link_only_a_confirmed_continue(geography, lang) -> None:
    response = Client().post(f"/{lang}/report/", complete_form())
    page = response.content.decode()
    assert 'id="receipt"' in page
    assert "<a " not in page  # no language switch, no home link, nothing to tap away
    forms = re.findall(r"<form[^>]*>.*?</form>", page, flags=re.S)
    assert len(forms) == 1
    assert 'method="get"' in forms[0] and f'action="/{lang}/follow-up/"' in forms[0]
    assert re.search(r'<input type="checkbox"[^>]* required', forms[0])
