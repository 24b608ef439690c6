"""USSD screens "Job abroad": look an agency up, and check a job offer. Pure, like menu.py.

A register lookup is a request (`Step.agency`) the adapter answers with `agency_answered()`,
giving the agency's standing as plain values (`AgencyAnswer`). The offer's questions and
red flags come from the published offer rules (tabara/recruitment/offers.py); the result
screen offers "1 Report it", which starts a report with the offer's red flags carried over.
"""

from __future__ import annotations

from dataclasses import dataclass

from tabara.intake.ussd.data import State, Step, World, pick, say
from tabara.intake.ussd.screen import LIMIT, plain, reply, shorten
from tabara.recruitment.offers import (
    AGENCY_STATUS,
    evaluate_offer,
    load_offer_rules,
    offer_marker,
)

MODE = "jm"  # state key: "lookup" (Check an agency) or "offer" (Check a job offer)
QUESTION = "jq"  # state key: index of the offer question on screen
ANSWERS = "jo"  # state key: the offer's answers so far


@dataclass(frozen=True)
class AgencyAnswer:
    """What the register says of the agency found: name, standing, end date, places."""

    name: str
    standing: str  # licensed, not_for_destination, suspended, revoked, expired
    until: str = ""
    places: str = ""


def render(state: State) -> str:
    screen = state["s"]
    if screen == "j_q":
        question = load_offer_rules().questions[int(state.get(QUESTION, 0))]
        lang = state["lang"]
        lines = [question.short[lang]]
        lines += [f"{n} {o.short[lang]}" for n, o in enumerate(question.options, 1)]
        return "\n".join([*lines, say(state, "back")])
    return say(
        state, {"j_menu": "jobs", "j_agency": "ask_agency", "j_name": "offer_agency"}[screen]
    )


def _menu(state: State, typed: str, world: World) -> str | None:
    if typed == "1":
        state[MODE] = "lookup"
        return "j_agency"
    if typed == "2":
        state.update({MODE: "offer", QUESTION: 0, ANSWERS: {}})
        return "j_q"
    return "main" if typed == "0" else None


def _agency(state: State, typed: str, world: World) -> str | Step | None:
    if typed == "0":
        return "j_menu"
    text = shorten(typed, 100)
    return Step("END ", state, agency=text) if text else None


def _question(state: State, typed: str, world: World) -> str | None:
    questions = load_offer_rules().questions
    index = int(state.get(QUESTION, 0))
    if typed == "0":
        if index == 0:
            return "j_menu"
        state[QUESTION] = index - 1
        return "j_q"
    choice = pick(typed, len(questions[index].options))
    if choice is None:
        return None
    state.setdefault(ANSWERS, {})[questions[index].id] = questions[index].options[choice - 1].id
    if index + 1 < len(questions):
        state[QUESTION] = index + 1
        return "j_q"
    return "j_name"


def _name(state: State, typed: str, world: World) -> str | Step | None:
    if typed == "0":
        return offer_result(state, None)
    state["named"] = True
    return _agency(state, typed, world)


def _result(state: State, typed: str, world: World) -> str | None:
    if typed != "1":
        return "main"
    carried = str(state.get("offer_flags", ""))
    state["a"] = {"what": "job_abroad", "offer": carried}
    for key in (MODE, QUESTION, ANSWERS, "offer_flags", "named"):
        state.pop(key, None)
    return "r_where"


def agency_answered(state: State, found: AgencyAnswer | None) -> Step:
    """The closing screen of a lookup, or the offer's result with the agency's standing."""
    if state.get(MODE) == "offer":
        return offer_result(state, found)
    return Step(reply(agency_text(state, found), end=True), state)


def agency_text(state: State, found: AgencyAnswer | None) -> str:
    if found is None:
        return say(state, "agency_none")
    key = {
        "licensed": "agency_licensed",
        "not_for_destination": "agency_other_place",
        "suspended": "agency_suspended",
        "revoked": "agency_revoked",
    }.get(found.standing, "agency_expired")
    template = say(state, key)
    filled = template.format(name="", date=found.until or "?", places=found.places or "-")
    room = max(12, LIMIT - len(plain(filled)))
    return template.format(
        name=shorten(found.name, min(room, 40)), date=found.until or "?", places=found.places or "-"
    )


def offer_result(state: State, found: AgencyAnswer | None) -> Step:
    """The advice level, as many red flags as fit, and "1 Report it"."""
    rules = load_offer_rules()
    lang = state["lang"]
    answers = dict(state.get(ANSWERS, {}))
    if found is not None:
        answers[AGENCY_STATUS] = found.standing
    elif state.get("named"):
        answers[AGENCY_STATUS] = "not_found"
    result = evaluate_offer(answers, rules)
    head, tail = result.level.ussd[lang], say(state, "offer_report")
    lines, room = [head], LIMIT - len(plain(head)) - len(plain(tail)) - 2
    for flag in sorted(result.flags, key=lambda f: -f.rank):  # the most serious first
        line = "- " + flag.ussd[lang]
        if len(plain(line)) + 1 > room:
            break
        lines.append(line)
        room -= len(plain(line)) + 1
    state = {**state, "s": "j_result"}
    titles = shorten(", ".join(f.ussd[lang] for f in result.flags), 120)
    state["offer_flags"] = f"{titles} {offer_marker(result)}".strip()
    return Step(reply("\n".join([*lines, tail]), end=False), state)


HANDLERS = {
    "j_menu": _menu,
    "j_agency": _agency,
    "j_q": _question,
    "j_name": _name,
    "j_result": _result,
}
