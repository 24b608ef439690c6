"""The public job-offer checker: no login, nothing stored, no JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from tabara.core.public import public_form_valid, public_route
from tabara.core.views import posted
from tabara.recruitment.offer_check import offer_check, report_prefill
from tabara.recruitment.offer_forms import OfferForm
from tabara.recruitment.offers import load_offer_rules
from tabara.recruitment.public import described


@require_http_methods(["GET", "POST"])
@public_route(group="offer-check")
def offer_check_page(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "rw"
    rules = load_offer_rules()
    form = OfferForm(posted(request), rules=rules, lang=lang)
    if request.method == "POST" and public_form_valid(request, form):
        agency_text = form.cleaned_data["agency"].strip()
        phone = form.cleaned_data["agency_phone"]
        today = timezone.localdate()
        check = offer_check(
            answers=form.answers(), agency_text=agency_text, agency_phone=phone, today=today
        )
        destination = check.answers.get("destination", "")
        context = {
            "check": check,
            "level": check.result.level,
            "level_label": check.result.level.label[lang],
            "advice": check.result.level.advice[lang],
            "flags": [(f.title[lang], f.explain[lang]) for f in check.result.flags],
            "named": bool(agency_text or phone),
            "agency": described(check.agency, today, destination) if check.agency else None,
            "prefill": report_prefill(check, lang, agency_text, phone),
            "lang": lang,
        }
        return render(request, "recruitment/offer_result.html", context)
    status = 400 if form.errors else 200
    return render(request, "recruitment/offer_form.html", {"form": form}, status=status)
