"""The public report page fits the first round trip of a slow link: 14 KB compressed, all in."""

from __future__ import annotations

import gzip
import re

import pytest
from django.conf import settings
from django.test import Client

ASSET = re.compile(r'(?:src|href)="([^"#]+)"')


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["rw", "en", "fr"])
@pytest.mark.parametrize("path", ["report/", "follow-up/"])
def test_everything_needed_to_render_and_submit_fits_14_kb(geography, language, path) -> None:
    client = Client()
    html = client.get(f"/{language}/{path}").content
    total = len(gzip.compress(html, compresslevel=6))
    # Any same-site stylesheet, script or icon would count too; none may be third-party.
    for url in ASSET.findall(html.decode()):
        if url.startswith("/static/"):
            total += len(gzip.compress(client.get(url).content))
        assert not url.startswith(("http://", "https://", "//")), url
    assert b"<script" not in html
    assert b"@font-face" not in html
    assert total <= settings.REPORT_PAGE_BUDGET_BYTES, total
