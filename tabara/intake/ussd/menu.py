"""The USSD menu as a pure state machine: (state, latest input) -> next screen and state.

Django-free and deterministic, so every path can be walked in tests without a database and
a session can continue on any worker from the state stored after the previous screen.
Steps that need the database (submitting, looking up a receipt) are returned as requests
(`Step.submit`, `Step.lookup`); the adapter performs them and calls `submitted()`,
`submit_failed()` or `looked_up()` for the closing screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tabara.intake.ussd import jobs, texts
from tabara.intake.ussd.data import NUMBER, Places, State, Step, World, pick, say
from tabara.intake.ussd.lists import LISTS, handle_list, render_list
from tabara.intake.ussd.screen import LIMIT, reply, shorten, with_notice

__all__ = [
    "Places",
    "State",
    "Step",
    "World",
    "advance",
    "looked_up",
    "offer_resume",
    "resumable",
    "start",
    "submitted",
]
_NON_DIGITS = re.compile(r"[^0-9]")
AGES = ("child", "adult", "both", "unknown")
RECRUITS = ("social_media", "agency", "relative", "acquaintance", "stranger", "unknown")
MAX_RECEIPT_TRIES = 3
HOME = "00"
OTHER_MAX = 160


def start(lang: str = texts.DEFAULT_LANG) -> Step:
    state: State = {"lang": lang, "s": "main", "a": {}, "p": 0, "tries": 0}
    return Step(reply(say(state, "main"), end=False), state)


def advance(state: State, typed: str, world: World) -> Step:
    """Apply one input to the current screen and return the next screen."""
    new = {**state, "a": dict(state.get("a", {}))}
    if new.get("lang") not in texts.LANGS or new.get("s") not in _HANDLERS:
        return start()
    if typed.strip() == HOME:  # the main menu from every screen, answers dropped
        return start(new["lang"])
    handled = _HANDLERS[new["s"]](new, typed.strip(), world)
    if isinstance(handled, Step):
        return handled
    if handled is None:  # not understood: the same screen and state, with what to type
        notice = say(state, _NOTICES.get(state["s"], "invalid_menu"))
        body = with_notice(notice, render(state, world), short=say(state, "invalid"))
        return Step(reply(body, end=False), state)
    new["s"] = handled
    return Step(reply(render(new, world), end=False), new)


def offer_resume(unfinished: State) -> Step:
    """Offer to continue a report left half-way in a dropped session from the same phone."""
    state: State = {**start(unfinished.get("lang", texts.DEFAULT_LANG)).state, "resume": unfinished}
    state["s"] = "resume"
    return Step(reply(say(state, "resume"), end=False), state)


def resumable(state: State) -> bool:
    """A state worth offering again: somewhere inside the report questions."""
    return str(state.get("s", "")).startswith("r_") and state.get("lang") in texts.LANGS


def submitted(state: State, receipt: str) -> Step:
    return Step(reply(say(state, "receipt").format(receipt=receipt), end=True), state)


def submit_failed(state: State) -> Step:
    return Step(reply(say(state, "failed"), end=True), state)


def looked_up(state: State, found: tuple[str, str] | None) -> Step:
    """The status screen for a receipt, given (status, latest staff message) or None."""
    if found is None:
        new = {**state, "s": "f_receipt", "tries": int(state.get("tries", 0)) + 1}
        if new["tries"] >= MAX_RECEIPT_TRIES:
            return Step(reply(say(state, "too_many"), end=True), new)
        body = with_notice(say(state, "not_found"), say(state, "ask_receipt"))
        return Step(reply(body, end=False), new)
    status, message = found
    label = texts.STATUS.get(status, {}).get(state["lang"], status)
    head = say(state, "status").format(status=label)
    if not message:
        return Step(reply(f"{head}\n{say(state, 'no_message')}", end=True), state)
    prefix = say(state, "latest").format(message="")
    room = LIMIT - len(head) - 1 - len(prefix)
    return Step(reply(f"{head}\n{prefix}{shorten(message, room)}", end=True), state)


def render(state: State, world: World) -> str:
    """The body of the current screen."""
    screen: str = state["s"]
    if screen in LISTS:
        return render_list(state, world)
    if screen == "r_what":
        lines = [say(state, "what")]
        lines += [f"{n} {labels[state['lang']]}" for n, (_c, labels) in enumerate(texts.WHAT, 1)]
        return "\n".join([*lines, say(state, "other"), say(state, "back")])
    if screen == "r_where":
        provinces = "\n".join(f"{c} {n[state['lang']]}" for c, n in texts.PROVINCES.items())
        return say(state, "where").format(provinces=provinces)
    if screen == "l_out":
        outcome = texts.DIFFERENCES[state["a"].get("learn", 0)]
        short = world.learn.get(state["lang"], {}).get(outcome, "")
        return f"{short}\n{say(state, 'back')}"
    if screen.startswith("j_"):
        return jobs.render(state)
    if screen in {"l_signs", "l_job"}:
        return f"{say(state, screen[2:])}\n{say(state, 'back')}"
    return say(state, _SIMPLE[screen])


# Handlers return the next screen's name, None for "not understood", or a finished Step.
Handler = Callable[[State, str, World], "str | Step | None"]


def _resume(state: State, typed: str, world: World) -> str | Step | None:
    unfinished = state.get("resume")
    if typed == "1" and isinstance(unfinished, dict) and resumable(unfinished):
        return Step(reply(render(unfinished, world), end=False), unfinished)
    if typed in {"1", "2"}:
        state.pop("resume", None)
        return "main"
    return None


def _main(state: State, typed: str, world: World) -> str | None:
    return {"1": "r_what", "2": "f_receipt", "3": "l_menu", "4": "lang", "5": "j_menu"}.get(typed)


def _lang(state: State, typed: str, world: World) -> str | None:
    choice = pick(typed, len(texts.LANGS))
    if choice:
        state["lang"] = texts.LANGS[choice - 1]
        return "main"
    return "main" if typed == "0" else None


def _what(state: State, typed: str, world: World) -> str | None:
    choice = pick(typed, len(texts.WHAT) + 1)
    if choice is None:
        return "main" if typed == "0" else None
    if choice > len(texts.WHAT):
        return "r_other"
    state["a"].update(what=texts.WHAT[choice - 1][0], other="")
    return "r_where"


def _other(state: State, typed: str, world: World) -> str | None:
    if typed == "0":
        return "r_what"
    words = shorten(typed, OTHER_MAX)
    if not words:
        return None
    state["a"].update(what="other", other=words)
    return "r_where"


def _where(state: State, typed: str, world: World) -> str | None:
    state["p"] = 0
    choice = pick(typed, 8)
    if choice is None:
        return "r_what" if typed == "0" else None
    for key in ("province", "district", "sector", "border"):
        state["a"].pop(key, None)
    if choice <= len(texts.PROVINCES):
        state["a"].update(loc="rwanda", province=str(choice))
        has_districts = bool(world.places.districts.get(str(choice)))
        return "r_district" if has_districts else "r_who"
    state["a"]["loc"] = {6: "border", 7: "abroad", 8: "unknown"}[choice]
    return "r_border" if choice == 6 and world.places.border_posts else "r_who"


def _who(state: State, typed: str, world: World) -> str | None:
    choice = pick(typed, len(AGES))
    if choice:
        state["a"]["age"] = AGES[choice - 1]
        return "r_count"
    return "r_where" if typed == "0" else None


def _count(state: State, typed: str, world: World) -> str | None:
    if not NUMBER.fullmatch(typed):
        return None
    state["a"]["count"] = int(typed) or None
    return "r_recruit"


def _recruit(state: State, typed: str, world: World) -> str | None:
    choice = pick(typed, len(RECRUITS))
    if choice:
        state["a"]["recruit"] = RECRUITS[choice - 1]
        return "r_call"
    return "r_who" if typed == "0" else None


def _call(state: State, typed: str, world: World) -> str | None:
    if typed in {"1", "2"}:
        state["a"]["call"] = typed == "1"
        return "r_confirm"
    return "r_recruit" if typed == "0" else None


def _confirm(state: State, typed: str, world: World) -> str | Step | None:
    if typed == "1":
        return Step("END ", state, submit=dict(state["a"]))
    if typed == "2":
        return Step(reply(say(state, "cancelled"), end=True), state)
    return "r_call" if typed == "0" else None


def _receipt(state: State, typed: str, world: World) -> str | Step | None:
    if typed == "0":
        return "main"
    return Step("END ", state, lookup=_NON_DIGITS.sub("", typed)[:32])


def _menu(options: dict[str, str]) -> Handler:
    def handle(state: State, typed: str, world: World) -> str | None:
        return options.get(typed)

    return handle


def _diff(state: State, typed: str, world: World) -> str | None:
    choice = pick(typed, len(texts.DIFFERENCES))
    if choice:
        state["a"]["learn"] = choice - 1
        return "l_out"
    return "l_menu" if typed == "0" else None


# What a screen says when its input was not understood (a numbered menu by default).
_NOTICES = {
    "r_count": "invalid_count",
    "r_other": "invalid_text",
    "j_agency": "invalid_text",
    "j_name": "invalid_text",
}
_SIMPLE = {
    "resume": "resume",
    "main": "main",
    "lang": "lang",
    "r_other": "other_text",
    "r_who": "who",
    "r_count": "count",
    "r_recruit": "recruit",
    "r_call": "call",
    "r_confirm": "confirm",
    "f_receipt": "ask_receipt",
    "l_menu": "learn",
    "l_diff": "diff",
    "l_sos": "sos",
}
_HANDLERS: dict[str, Handler] = {
    "resume": _resume,
    "main": _main,
    "lang": _lang,
    "r_what": _what,
    "r_other": _other,
    "r_where": _where,
    "r_district": handle_list,
    "r_sector": handle_list,
    "r_border": handle_list,
    "r_who": _who,
    "r_count": _count,
    "r_recruit": _recruit,
    "r_call": _call,
    "r_confirm": _confirm,
    "f_receipt": _receipt,
    "l_menu": _menu({"1": "l_signs", "2": "l_diff", "3": "l_job", "4": "l_sos", "0": "main"}),
    "l_signs": _menu({"0": "l_menu"}),
    "l_job": _menu({"0": "l_menu"}),
    "l_sos": _menu({"0": "l_menu"}),
    "l_diff": _diff,
    "l_out": _menu({"0": "l_diff"}),
    **jobs.HANDLERS,
}
