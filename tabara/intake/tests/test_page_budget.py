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


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_the_report_page_travels_compressed_by_the_app(geography, language) -> None:
    response = Client().get(f"/{language}/report/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) <= settings.REPORT_PAGE_BUDGET_BYTES  # as sent
    assert b'name="what_happened"' in gzip.decompress(response.content)
