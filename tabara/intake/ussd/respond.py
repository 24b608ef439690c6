"""One USSD hop: the stored state plus the gateway's `text` give the next screen.

Africa's Talking sends every input of the session joined by `*`. The inputs already
consumed are counted in the stored state, so the new input is whatever follows them
(joined back with `*`, since a person may type `*` in free text). A repeated request
(a gateway retry) gets the same reply again. A session the server does not know, with
inputs already present (a dial-string shortcut such as *384*123*3#), is replayed from
the first screen. A fresh dial from a phone whose earlier session dropped in the middle
of a report is offered that report back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import DatabaseError

from tabara.intake.choices import AgeGroup, Channel, LocationKind
from tabara.intake.receipts import receipt_display
from tabara.intake.selectors import report_status_by_receipt
from tabara.intake.services import ReportInput, report_submit
from tabara.intake.services.ussd_session import (
    ussd_session_end,
    ussd_session_find,
    ussd_session_save,
    ussd_session_take_unfinished,
    ussd_text_hash,
)
from tabara.intake.ussd import menu, texts
from tabara.intake.ussd.world import ussd_world

MAX_REPLAY = 60  # inputs replayed for an unknown session; more cannot be a real menu walk


def ussd_respond(*, session_id: str, text: str, phone: str) -> str:
    """The reply (`CON ...` or `END ...`) to one gateway request."""
    parts = text.split("*") if text else []
    progress = ussd_session_find(session_id=session_id)
    if progress is not None and progress.last_text_hash == ussd_text_hash(text):
        return progress.last_reply
    if not parts:
        progress = None  # a first screen: a reused sessionId starts over
    world = ussd_world()
    unfinished = None
    if progress is None and not parts:
        unfinished = ussd_session_take_unfinished(phone=phone, session_id=session_id)
    if unfinished is not None:
        step = menu.offer_resume(unfinished)
    elif progress is None:
        step = menu.start()
        for typed in parts[:MAX_REPLAY]:
            step = menu.advance(step.state, typed, world)
            if step.end or step.submit is not None or step.lookup is not None:
                break
    else:
        fresh = parts[progress.hops :] if len(parts) > progress.hops else parts[-1:]
        step = menu.advance(progress.state, "*".join(fresh), world)
    step = _perform(step, phone=phone)
    if step.end:
        ussd_session_end(session_id=session_id)
    else:
        ussd_session_save(
            session_id=session_id,
            state=step.state,
            hops=len(parts),
            text=text,
            reply=step.text,
            phone=phone,
        )
    return step.text


def _perform(step: menu.Step, *, phone: str) -> menu.Step:
    """Carry out what the menu asked for: submit the report or look up a receipt."""
    if step.lookup is not None:
        return menu.looked_up(step.state, report_status_by_receipt(step.lookup))
    if step.submit is None:
        return step
    try:
        submitted = report_submit(
            channel=Channel.USSD, data=report_input(step.submit, step.state["lang"], phone)
        )
    except DatabaseError:
        return menu.submit_failed(step.state)
    return menu.submitted(step.state, receipt_display(submitted.receipt))


def report_input(answers: Mapping[str, Any], lang: str, phone: str) -> ReportInput:
    """The menu's answers as the same input the web form produces."""
    labels = dict(texts.WHAT)
    what = answers.get("what", "")
    said = answers.get("other") if what == "other" else labels.get(what, {}).get(lang, what)
    location = answers.get("loc", LocationKind.UNKNOWN)
    call_back = bool(answers.get("call"))
    return ReportInput(
        what_happened=f"[USSD: {what}] {said}",
        location_kind=location if location in LocationKind.values else LocationKind.UNKNOWN,
        district_code=answers.get("district", ""),
        sector_code=answers.get("sector", ""),
        border_post_code=answers.get("border", ""),
        people_count=answers.get("count"),
        age_group=answers.get("age", AgeGroup.UNKNOWN),
        recruitment_channel=answers.get("recruit", "unknown"),
        wants_contact=call_back,
        contact_phone=phone if call_back else "",
        sender_phone=phone,
        language=lang,
    )
