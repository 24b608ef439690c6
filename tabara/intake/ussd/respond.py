"""One USSD hop: the stored state plus the gateway's `text` give the next screen.

Africa's Talking sends every input of the session joined by `*`. The inputs already
consumed are counted in the stored state, so the new input is whatever follows them
(joined back with `*`, since a person may type `*` in free text). A repeated request
(a gateway retry) gets the same reply again, also after the session ended. A session the
server does not know, with inputs already present (a dial-string shortcut such as
*384*123*3#), is replayed from the first screen. A fresh dial from a phone whose earlier
session dropped in the middle of a report is offered that report back.

A report is stored with its source key (the session where it was begun), in the same
transaction as the session's final screen: a retry, a second session or a race can never
store it twice, and a stored report always has its receipt screen saved for retries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import DatabaseError, transaction

from tabara.intake.choices import AgeGroup, Channel, LocationKind
from tabara.intake.models import UssdSession
from tabara.intake.receipts import receipt_display
from tabara.intake.selectors import report_status_by_receipt
from tabara.intake.services import ReportAlreadySubmitted, ReportInput, report_submit
from tabara.intake.services.ussd_session import (
    UssdProgress,
    ussd_language_of,
    ussd_language_remember,
    ussd_session_find,
    ussd_session_key,
    ussd_session_save,
    ussd_session_take_unfinished,
    ussd_text_hash,
)
from tabara.intake.ussd import menu, texts
from tabara.intake.ussd.agency import agency_look_up
from tabara.intake.ussd.data import say
from tabara.intake.ussd.screen import reply
from tabara.intake.ussd.world import ussd_world

Phase = UssdSession.Phase
MAX_REPLAY = 60  # inputs replayed for an unknown session; more cannot be a real menu walk
ORIGIN = "o"  # state key: the source key of the report being composed
REMEMBERED = "ml"  # state key: the language stored for this phone


def ussd_respond(*, session_id: str, text: str, phone: str) -> str:
    """The reply (`CON ...` or `END ...`) to one gateway request."""
    parts = text.split("*") if text else []
    progress = ussd_session_find(session_id=session_id)
    if progress is not None:
        if progress.phase == Phase.TAKEN:
            return reply(say(progress.state, "elsewhere"), end=True)
        if progress.phase == Phase.ENDED or progress.last_text_hash == ussd_text_hash(text):
            return progress.last_reply  # a retry, or a request after the end: same screen
        # live, or dropped while the gateway still sends it: it carries on from its state
    if not parts:
        progress = None  # a first screen: a reused sessionId starts over
    step = _next(progress, parts, session_id=session_id, phone=phone)
    step = _with_origin(step, session_id)
    if step.submit is not None:
        return _submit(step, session_id=session_id, text=text, hops=len(parts), phone=phone)
    step = _remember_language(agency_look_up(_look_up(step)), phone)
    ussd_session_save(
        session_id=session_id,
        state=step.state,
        hops=len(parts),
        text=text,
        reply=step.text,
        phone=phone,
        ended=step.end,
    )
    return step.text


def _next(
    progress: UssdProgress | None, parts: list[str], *, session_id: str, phone: str
) -> menu.Step:
    world = ussd_world()
    if progress is not None:
        fresh = parts[progress.hops :] if len(parts) > progress.hops else parts[-1:]
        return menu.advance(progress.state, "*".join(fresh), world)
    remembered = ussd_language_of(phone=phone)
    unfinished = None
    if not parts:
        unfinished = ussd_session_take_unfinished(phone=phone, session_id=session_id)
    if unfinished is not None:
        step = menu.offer_resume(unfinished)
    else:
        step = menu.start(remembered if remembered in texts.LANGS else texts.DEFAULT_LANG)
    step.state[REMEMBERED] = step.state["lang"]  # stored again only when the person changes it
    for typed in parts[:MAX_REPLAY]:
        step = menu.advance(step.state, typed, world)
        if step.end or step.submit is not None or step.lookup is not None or step.agency:
            break
    return step


def _with_origin(step: menu.Step, session_id: str) -> menu.Step:
    """Name the session where the report is being composed, once (a resumed one keeps its own)."""
    if not step.state.get(ORIGIN):
        step.state[ORIGIN] = ussd_session_key(session_id)
    return step


def _remember_language(step: menu.Step, phone: str) -> menu.Step:
    language = step.state.get("lang", "")
    if language in texts.LANGS and language != step.state.get(REMEMBERED):
        ussd_language_remember(phone=phone, language=language)
        step.state[REMEMBERED] = language
    return step


def _look_up(step: menu.Step) -> menu.Step:
    if step.lookup is None:
        return step
    return menu.looked_up(step.state, report_status_by_receipt(step.lookup))


def _submit(step: menu.Step, *, session_id: str, text: str, hops: int, phone: str) -> str:
    """Store the report and its receipt screen together, or neither; never the report twice."""
    data = report_input(step.submit or {}, step.state["lang"], phone, step.state[ORIGIN])
    try:
        with transaction.atomic():
            submitted = report_submit(channel=Channel.USSD, data=data)
            done = menu.submitted(step.state, receipt_display(submitted.receipt))
            ussd_session_save(
                session_id=session_id, state={}, hops=hops, text=text, reply=done.text,
                phone=phone, ended=True,
            )  # fmt: skip
    except ReportAlreadySubmitted:
        again = ussd_session_find(session_id=session_id)
        if again is not None and again.last_text_hash == ussd_text_hash(text):
            return again.last_reply  # a simultaneous retry: the first one's receipt screen
        done = menu.Step(reply(say(step.state, "already"), end=True), step.state)
    except DatabaseError:
        return menu.submit_failed(step.state).text  # nothing stored; the session can retry
    else:
        return done.text
    ussd_session_save(
        session_id=session_id, state={}, hops=hops, text=text, reply=done.text, phone=phone,
        ended=True,
    )  # fmt: skip
    return done.text


def report_input(answers: Mapping[str, Any], lang: str, phone: str, source: str) -> ReportInput:
    """The menu's answers as the same input the web form produces."""
    labels = dict(texts.WHAT)
    what = answers.get("what", "")
    said = answers.get("other") if what == "other" else labels.get(what, {}).get(lang, what)
    if answers.get("offer"):  # the red flags of a job offer checked just before
        said = f"{said} ({answers['offer']})"
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
        source_key=source,
    )
