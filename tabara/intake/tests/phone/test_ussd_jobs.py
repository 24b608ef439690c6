"""USSD "Job abroad": every screen in every language within the menu's limit, the agency
lookup and the offer check through the gateway, and the report that carries the flags."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tabara.intake.models import Report
from tabara.intake.tests.phone.gateway import UssdPhone
from tabara.intake.ussd import jobs, menu, texts
from tabara.intake.ussd.screen import LIMIT, plain
from tabara.recruitment.offers import load_offer_rules
from tabara.recruitment.tests.factories import make_agency

T = texts.T
WORLD = menu.World()
LANG_KEY = {"rw": "1", "en": "2", "fr": "3"}
QUESTIONS = load_offer_rules().questions
# One answer per question: the option with the most red flags a person could give.
RISKY = ["2", "7", "4", "2", "3", "3", "2", "2", "2", "2", "2", "2"]


def walk(lang: str, *keys: str) -> list[menu.Step]:
    step = menu.start()
    steps = []
    for key in ("4", LANG_KEY[lang], *keys):
        step = menu.advance(step.state, key, WORLD)
        assert len(plain(step.text[4:])) <= LIMIT and step.text[4:] == plain(step.text[4:])
        steps.append(step)
    return steps[2:]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_every_offer_question_fits_and_back_goes_one_question_back(lang) -> None:
    steps = walk(lang, "5", "2", *["1"] * len(QUESTIONS))
    shown = [s.text[4:].split("\n")[0] for s in steps[1 : 1 + len(QUESTIONS)]]
    assert shown == [plain(q.short[lang]) for q in QUESTIONS]
    assert steps[-1].text[4:] == T[lang]["offer_agency"]
    back = menu.advance(steps[3].state, "0", WORLD)
    assert back.text == steps[2].text
    assert menu.advance(steps[1].state, "0", WORLD).text[4:] == T[lang]["jobs"]
    assert menu.advance(steps[0].state, "0", WORLD).text[4:] == T[lang]["main"]
    for step in steps[:-1]:
        home = menu.advance(step.state, "00", WORLD)
        assert home.text[4:] == T[lang]["main"]
        again = menu.advance(step.state, "x9", WORLD)
        assert again.state["s"] == step.state["s"] and not again.end


@pytest.mark.parametrize("lang", texts.LANGS)
def test_the_riskiest_offer_fits_shows_the_worst_flags_first_and_reports(lang) -> None:
    *_, result = walk(lang, "5", "2", *RISKY, "0")
    body = result.text[4:]
    assert result.state["s"] == "j_result" and not result.end
    assert body.startswith(plain(load_offer_rules().level(3).ussd[lang]))
    assert body.split("\n")[1] == "- " + plain(load_offer_rules().flags[1].ussd[lang])  # passport
    assert body.endswith(T[lang]["offer_report"])
    report = menu.advance(result.state, "1", WORLD)
    assert report.text[4:].startswith(T[lang]["where"].split("\n")[0])
    assert report.state["a"]["what"] == "job_abroad"
    assert plain(load_offer_rules().flags[0].ussd[lang]) in report.state["a"]["offer"]


@pytest.mark.parametrize("lang", texts.LANGS)
@pytest.mark.parametrize("standing", ["licensed", "not_for_destination", "suspended", "revoked",
                                      "expired", None])  # fmt: skip
def test_every_lookup_answer_fits_even_with_long_names(lang, standing) -> None:
    *_, asking = walk(lang, "5", "1")
    request = menu.advance(asking.state, "Ubumwe", WORLD)
    assert request.agency == "Ubumwe"
    found = None if standing is None else jobs.AgencyAnswer(
        "Ubumwe Overseas Employment and Manpower Services International Ltd", standing,
        "09/01/2027", "Leta Zunze Ubumwe z'Abarabu, Arabiya Sawudite, Katari, Omani, Koweti",
    )  # fmt: skip
    answer = jobs.agency_answered(request.state, found)
    assert answer.end and len(plain(answer.text[4:])) <= LIMIT
    if standing is None:
        assert answer.text[4:] == T[lang]["agency_none"]


@pytest.mark.django_db
def test_lookup_and_offer_through_the_gateway(geography) -> None:
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                status_since=date(2026, 4, 1), phones=("+250788100142",))  # fmt: skip
    phone = UssdPhone()
    phone.dial()
    with time_machine.travel("2026-05-01 08:00Z", tick=False):
        said = phone.press("4", "2", "5", "1", "0788 100 142")
    assert said == "END Isoko Manpower: licence suspended. It may not recruit."
    phone = UssdPhone(phone="+250788999111")
    phone.dial()
    safe = ["1", "2", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"]
    with time_machine.travel("2026-05-01 08:00Z", tick=False):
        result = phone.press("5", "2", *safe, "isoko manpower")
        assert result.startswith("CON Ibimenyetso by'icuruzwa")  # a suspended agency: report
        assert "Uruhushya rwahagaritswe" in result
        phone.press("1", "8", "4", "2", "1", "2")
        assert phone.press("1").startswith("END Murakoze")
    report = Report.objects.get()
    assert report.what_happened.startswith("[USSD: job_abroad] Akazi")
    assert "(Uruhushya rwahagaritswe [offer-2026.1: agency_stopped])" in report.what_happened
