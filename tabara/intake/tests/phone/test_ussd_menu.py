"""The USSD menu walked path by path in every language, without a database.

Each screen's text is checked against the language's texts and its length against the
160-septet limit; the requests for a submit or a lookup are checked field by field.
"""

from __future__ import annotations

import re

import pytest

from tabara.intake.ussd import menu, texts
from tabara.intake.ussd.screen import LIMIT, plain

T = texts.T
DISTRICTS = {
    "2": tuple(
        (f"2{n}", name)
        for n, name in enumerate(
            (
                "Gisagara",
                "Huye",
                "Kamonyi",
                "Muhanga",
                "Nyamagabe",
                "Nyanza",
                "Nyaruguru",
                "Ruhango",
            ),
            1,
        )
    ),
    "1": (("11", "Nyarugenge"), ("12", "Gasabo"), ("13", "Kicukiro")),
}
SECTORS = {
    "22": tuple((f"22{n:02d}", f"Umurenge-muremure-{n}") for n in range(1, 15)),
    "11": (("1101", "Gitega"),),
}
BORDERS = (
    ("gatuna", "Gatuna"),
    ("rusumo", "Rusumo"),
    ("kigali_airport", "Kigali International Airport"),
)
LEARN = {
    lang: {o: f"{lang}-{o}: " + "teaching text " * 9 for o in texts.DIFFERENCES}
    for lang in texts.LANGS
}
WORLD = menu.World(menu.Places(DISTRICTS, SECTORS, BORDERS), LEARN)
LANG_KEY = {"rw": "1", "en": "2", "fr": "3"}


def walk(lang: str, *keys: str) -> list[menu.Step]:
    step = menu.start()
    steps = [step]
    for key in ("4", LANG_KEY[lang], *keys):
        step = menu.advance(step.state, key, WORLD)
        assert len(step.text) - 4 <= LIMIT, step.text  # the body after CON / END
        assert step.text.startswith(("CON ", "END "))
        steps.append(step)
    return steps[3:] if keys else steps[2:]


def body(step: menu.Step) -> str:
    return step.text[4:]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_language_choice_and_main_menu(lang) -> None:
    first = menu.start()
    assert first.text == "CON " + T["rw"]["main"]  # Kinyarwanda by default
    (main,) = walk(lang)
    assert body(main) == T[lang]["main"] and main.state["lang"] == lang
    back = menu.advance(menu.advance(main.state, "4", WORLD).state, "0", WORLD)
    assert body(back) == T[lang]["main"]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_report_through_sector_asks_everything_then_submits(lang) -> None:
    what, where, district, page2, page1, sector, who, count, recruit, call, confirm, done = walk(
        lang, "1", "2", "2", "9", "0", "2", "3", "1", "4", "2", "1", "1"
    )
    assert body(what).startswith(T[lang]["what"]) and texts.WHAT[0][1][lang] in body(what)
    assert texts.PROVINCES["2"][lang] in body(where)
    assert body(district).startswith(T[lang]["district"]) and "1 Gisagara" in body(district)
    assert T[lang]["more"] in body(district) and T[lang]["dunno"] in body(district)
    assert "1 Ruhango" in body(page2) and T[lang]["more"] not in body(page2)
    assert body(page1) == body(district)
    assert body(sector).startswith(T[lang]["sector"]) and "1 Umurenge-muremure-1" in body(sector)
    assert body(who) == T[lang]["who"]
    assert body(count) == T[lang]["count"]
    assert body(recruit) == T[lang]["recruit"]
    assert body(call) == T[lang]["call"]
    assert body(confirm) == T[lang]["confirm"]
    assert done.submit == {
        "what": "forced_work",
        "other": "",
        "loc": "rwanda",
        "province": "2",
        "district": "22",
        "sector": "2203",
        "age": "child",
        "count": 4,
        "recruit": "agency",
        "call": True,
    }
    receipt = menu.submitted(done.state, "1234 5678 9012 3456")
    assert receipt.end and "1234 5678 9012 3456" in receipt.text
    assert body(receipt) == plain(T[lang]["receipt"].format(receipt="1234 5678 9012 3456"))
    assert body(menu.submit_failed(done.state)) == T[lang]["failed"]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_other_border_abroad_and_unknown_places(lang) -> None:
    prompt, where, border = walk(lang, "1", "6", "A man *took* girls from the market", "6")[1:]
    assert body(prompt) == T[lang]["other_text"]
    assert body(where) == T[lang]["where"].format(
        provinces="\n".join(f"{c} {n[lang]}" for c, n in texts.PROVINCES.items())
    )
    assert "3 Kigali International Airport" in body(border)
    *_, done = walk(lang, "1", "6", "Held at a farm", "6", "3", "2", "0", "6", "2", "1")
    assert (
        done.submit and done.submit["what"] == "other" and done.submit["border"] == "kigali_airport"
    )
    assert done.submit["other"] == "Held at a farm" and done.submit["count"] is None
    *_, done = walk(lang, "1", "1", "7", "4", "12", "1", "2", "1")
    assert done.submit and done.submit["loc"] == "abroad" and "district" not in done.submit
    *_, done = walk(lang, "1", "3", "8", "3", "1", "5", "2", "1")
    assert done.submit and done.submit["loc"] == "unknown" and done.submit["call"] is False
    *_, done = walk(lang, "1", "5", "1", "1", "8", "1", "1", "1", "2", "1")
    assert done.submit and done.submit["district"] == "11" and "sector" not in done.submit
    *_, done = walk(lang, "1", "5", "2", "8", "1", "1", "1", "2", "1")
    assert done.submit and done.submit["province"] == "2" and "district" not in done.submit
    *_, done = walk(lang, "1", "5", "6", "8", "1", "1", "1", "2", "1")
    assert done.submit and done.submit["loc"] == "border" and "border" not in done.submit


@pytest.mark.parametrize("lang", texts.LANGS)
def test_back_from_every_report_screen(lang) -> None:
    keys = ["1", "6", "0", "1", "2", "9", "0", "2", "0", "0", "0", "1", "6", "0", "0", "0"]
    steps = walk(lang, *keys)
    expected = [
        "what", "other_text", "what", "where", "district", "district", "district",
        "sector", "district", "where", "what", "where", "border", "where", "what", "main",
    ]  # fmt: skip
    for step, key in zip(steps, expected, strict=True):
        assert body(step).startswith(T[lang][key].split("\n")[0].split("{")[0])
    pairs = [
        ("1", "what"), ("1", "where"), ("7", "who"), ("0", "where"), ("7", "who"),
        ("1", "count"), ("3", "recruit"), ("0", "who"), ("1", "count"), ("3", "recruit"),
        ("1", "call"), ("0", "recruit"), ("1", "call"), ("1", "confirm"), ("0", "call"),
    ]  # fmt: skip
    walked = walk(lang, *(typed for typed, _ in pairs))
    for step, (_typed, screen) in zip(walked, pairs, strict=True):
        assert body(step).split("\n")[0] == T[lang][screen].split("\n")[0]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_cancel_ends_without_a_report(lang) -> None:
    *_, done = walk(lang, "1", "1", "8", "4", "0", "6", "2", "2")
    assert done.end and body(done) == T[lang]["cancelled"] and done.submit is None
    *_, back = walk(lang, "1", "1", "8", "4", "0", "6", "2", "0")
    assert body(back) == T[lang]["call"]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_follow_up_found_with_and_without_message_and_not_found(lang) -> None:
    ask, lookup = walk(lang, "2", "1234 5678 9012 3456")
    assert body(ask) == T[lang]["ask_receipt"] and lookup.lookup == "1234567890123456"
    found = menu.looked_up(lookup.state, ("in_review", "Muraho. " * 60))
    assert (
        found.end and texts.STATUS["in_review"][lang] in found.text and found.text.endswith("...")
    )
    assert len(found.text) - 4 == LIMIT
    quiet = menu.looked_up(lookup.state, ("received", ""))
    assert body(quiet).endswith(T[lang]["no_message"])
    missing = menu.looked_up(lookup.state, None)
    assert not missing.end and body(missing).startswith(T[lang]["not_found"])
    again = menu.looked_up(menu.advance(missing.state, "1", WORLD).state, None)
    last = menu.looked_up(menu.advance(again.state, "1", WORLD).state, None)
    assert last.end and body(last) == T[lang]["too_many"]
    (_ask, main) = walk(lang, "2", "0")
    assert body(main) == T[lang]["main"]


@pytest.mark.parametrize("lang", texts.LANGS)
def test_learn_menu_every_page(lang) -> None:
    steps = walk(lang, "3", "1", "0", "2", "1", "0", "2", "0", "3", "0", "4", "0", "0", "4", "0")
    learn, signs, _, diff, smuggling, _, sex_work, _, child, _, exploit, _, _, sos, back = [
        body(s) for s in steps
    ]
    assert back == learn and sos == T[lang]["sos"]
    assert learn == T[lang]["learn"]
    assert signs == f"{T[lang]['signs']}\n{T[lang]['back']}"
    assert diff == T[lang]["diff"]
    assert smuggling.startswith(f"{lang}-smuggling") and sex_work.startswith(f"{lang}-sex_work")
    assert child.startswith(f"{lang}-child_labour") and exploit.startswith(f"{lang}-labour_exp")
    *_, job = walk(lang, "3", "3")
    assert body(job) == f"{T[lang]['job']}\n{T[lang]['back']}"
    *_, numbers = walk(lang, "3", "4")
    assert body(numbers) == T[lang]["sos"] and "112" in numbers.text


KEY_LINE = re.compile(r"^(\d{1,2}) ", re.MULTILINE)
# What each kind of screen asks for, so what a "not understood" notice must tell to type.
ASKS = {"r_count": "invalid_count", "r_other": "invalid_text"}


@pytest.mark.parametrize("lang", texts.LANGS)
@pytest.mark.parametrize(
    ("keys", "typed"),
    [((), "x7"), (("1",), "x7"), (("1", "1"), "x7"), (("1", "1", "2"), "x7"),
     (("1", "1", "2", "2"), "x7"), (("1", "1", "2", "2", "9"), ""), (("1", "1", "6"), "x7"),
     (("1", "6"), ""), (("1", "1", "8"), "x7"), (("1", "1", "8", "1"), "x7"),
     (("1", "1", "8", "1", "2"), "x7"), (("1", "1", "8", "1", "2", "1"), "x7"),
     (("1", "1", "8", "1", "2", "1", "1"), "x7"), (("3",), "x7"), (("3", "1"), "x7"),
     (("3", "2"), "x7"), (("3", "2", "1"), "x7"), (("3", "4"), ""), (("4",), "x7"),
     (("5",), "x7"), (("5", "2"), "9"), (("5", "2", "1"), "x7")],
)  # fmt: skip
def test_not_understood_says_what_to_type_and_keeps_the_screen(lang, keys, typed) -> None:
    *_, screen = walk(lang, *keys)
    again = menu.advance(screen.state, typed, WORLD)
    assert again.state == screen.state and not again.end  # the session stays where it was
    shown = body(again)
    assert len(shown) <= LIMIT
    notice = plain(T[lang][ASKS.get(screen.state["s"], "invalid_menu")])
    first, rest = shown.split("\n", 1)
    # Every key of the screen is still offered, so the person sees what they may type.
    assert KEY_LINE.findall(rest) == KEY_LINE.findall(body(screen))
    if first != notice:  # the short notice only where the long one cannot fit beside the keys
        assert first == plain(T[lang]["invalid"])
        key_lines = [line for line in body(screen).split("\n") if KEY_LINE.match(line)]
        assert len("\n".join([notice, *key_lines])) > LIMIT


@pytest.mark.parametrize("lang", texts.LANGS)
def test_not_understood_twice_then_a_good_answer_goes_on(lang) -> None:
    *_, who = walk(lang, "1", "1", "8")
    once = menu.advance(who.state, "7", WORLD)
    twice = menu.advance(once.state, "abc", WORLD)
    assert body(twice) == body(once) == f"{plain(T[lang]['invalid_menu'])}\n{body(who)}"
    assert body(menu.advance(twice.state, "1", WORLD)) == T[lang]["count"]


def test_unknown_or_corrupt_state_starts_over() -> None:
    assert menu.advance({"lang": "xx", "s": "main"}, "1", WORLD).text == menu.start().text
    assert menu.advance({"lang": "en", "s": "nowhere"}, "1", WORLD).text == menu.start().text


@pytest.mark.parametrize("lang", texts.LANGS)
def test_an_unfinished_report_is_offered_back(lang) -> None:
    *_, halfway = walk(lang, "1", "2", "7", "1")
    assert menu.resumable(halfway.state) and not menu.resumable(walk(lang, "3")[-1].state)
    offer = menu.offer_resume(halfway.state)
    assert body(offer) == T[lang]["resume"] and len(offer.text) <= LIMIT
    again = menu.advance(offer.state, "1", WORLD)
    assert again.state == halfway.state and body(again) == T[lang]["count"]
    fresh = menu.advance(offer.state, "2", WORLD)
    assert body(fresh) == T[lang]["main"] and "resume" not in fresh.state
    assert body(menu.advance(offer.state, "5", WORLD)).endswith(T[lang]["resume"])


SCREENS = [(), ("1",), ("1", "1"), ("1", "1", "2"), ("1", "1", "2", "2"), ("1", "1", "6"),
           ("1", "6"), ("1", "1", "8"), ("1", "1", "8", "1"), ("1", "1", "8", "1", "2"),
           ("1", "1", "8", "1", "2", "1"), ("1", "1", "8", "1", "2", "1", "1"), ("2",), ("3",),
           ("3", "1"), ("3", "2"), ("3", "2", "1"), ("3", "3"), ("3", "4"), ("4",)]  # fmt: skip


@pytest.mark.parametrize("lang", texts.LANGS)
@pytest.mark.parametrize("keys", SCREENS)
def test_double_zero_returns_to_the_main_menu_from_every_screen(lang, keys) -> None:
    *_, screen = walk(lang, *keys)
    home = menu.advance(screen.state, "00", WORLD)
    assert body(home) == T[lang]["main"] and home.state["s"] == "main" and not home.end
    assert home.state["a"] == {} and home.state["lang"] == lang  # answers dropped, language kept


@pytest.mark.parametrize("lang", texts.LANGS)
def test_double_zero_also_leaves_a_resume_offer(lang) -> None:
    *_, unfinished = walk(lang, "1", "1", "8")
    offer = menu.offer_resume(unfinished.state)
    assert body(menu.advance(offer.state, "00", WORLD)) == T[lang]["main"]
