"""The commands an operator runs by hand, run in process: what they print must be true.

- `demo_load` prints demo accounts: each printed password signs in, and each printed TOTP
  secret gives the code that account's authenticator device expects.
- `geo_load --down-to district` loads Rwanda's 5 provinces (Kigali City counted as one) and
  30 districts, the figures of the 2006 territorial reform (Organic Law N° 29/2005).
- `search_reindex` prints the number of tokens it wrote, which is what the index holds.
"""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.core.totp_now import code_for
from tabara.search.models import SearchToken

pytestmark = pytest.mark.django_db

ACCOUNT = re.compile(r"^\s+(\S+)\s+password (\S+)\s+role .* TOTP secret (\S+)$", re.MULTILINE)


def test_the_printed_demo_accounts_sign_in_with_their_printed_secrets() -> None:
    out = io.StringIO()
    call_command("demo_load", "--no-villages", stdout=out)
    accounts = ACCOUNT.findall(out.getvalue())
    assert len(accounts) >= 5
    for username, password, secret in accounts:
        user = authenticate(username=username, password=password)
        assert user is not None, username
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        assert device.verify_token(code_for(secret)), username


def test_geo_load_loads_rwandas_provinces_and_districts() -> None:
    out = io.StringIO()
    call_command("geo_load", "--down-to", "district", stdout=out)
    assert "province: 5" in out.getvalue()
    assert "district: 30" in out.getvalue()


def test_search_reindex_says_how_many_tokens_the_index_holds() -> None:
    call_command("demo_load", "--no-villages", stdout=io.StringIO())
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    written = int(re.search(r"rebuilt: (\d+) tokens", out.getvalue()).group(1))  # type: ignore[union-attr]
    assert written == SearchToken.objects.count() > 0
