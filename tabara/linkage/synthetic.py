"""Seeded synthetic people and the records several agencies keep of them (known truth).

Only synthetic data: names are drawn from common Kinyarwanda name parts and Christian names,
IDs and phones are made up with the right structure. Each record varies as agencies' records
do (docs/linkage.md): names in any order and case, one name dropped, spelling variants
(r/l, g/jy and k/cy before i/e, c/ch, doubled vowels, dropped initial vowel, local forms of
Christian names), typing slips; birth as a full date, a year, an age or nothing; the national
ID often missing and sometimes re-issued; phones in any format, shared or changed; the
district of another stage of the journey. Used by the tests and bench/linkage.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tabara.linkage.records import COLUMNS

PREFIXES = (
    "Uwi", "Uwa", "Muka", "Nyira", "Haki", "Habi", "Nsengi", "Niyo", "Ntaki", "Bizi", "Iraku",
    "Ishi", "Tuyi", "Hage", "Manira", "Nshimi", "Ndayi", "Twagira", "Mbaru", "Kayi", "Ingabi",
    "Ndagi", "Nkuri", "Hategeki", "Munya", "Ruta", "Bamporiki", "Sibo", "Izere", "Umuhoza",
)  # fmt: skip
ROOTS = (
    "mana", "mahoro", "neza", "mwe", "zimana", "rimana", "kiza", "bera", "tesi", "kunda",
    "yezu", "gira", "jyambere", "kiye", "rera", "shimwe", "hire", "rwanda", "mungu", "yabo",
    "rema", "gabo", "tore", "senga", "cyeza", "jeni", "raguha", "hozo", "vuze", "sore",
    "tegeka", "ringiye", "zeyimana", "yisenga", "bagire", "gaba", "hinda", "geri", "kuze",
)  # fmt: skip
COMMON = (
    "Ishimwe", "Irakoze", "Uwase", "Ineza", "Uwineza", "Habimana", "Hakizimana", "Niyonzima",
    "Uwimana", "Mukamana", "Nsengimana", "Mugisha", "Iradukunda", "Niyonsaba", "Uwamahoro",
    "Tuyishime", "Byiringiro", "Nshimiyimana", "Ndayisaba", "Mutoni",
)  # fmt: skip
CHRISTIAN = (
    "Jean", "Marie", "Emmanuel", "Claude", "Paul", "Pierre", "Joseph", "Eric", "Grace",
    "Claire", "Alice", "Olivier", "Patrick", "Diane", "Aline", "Josiane", "Jacques", "Sandrine",
    "Theogene", "Innocent", "Fabrice", "Esperance", "Vestine", "Solange", "Jeanne", "Bosco",
    "Therese", "Augustin", "Francois", "Vincent", "Gilbert", "Chantal", "Clementine", "Yvonne",
    "Divine", "Angelique", "Celestin", "Damascene", "Leonce", "Beatrice", "Jacqueline", "Samuel",
)  # fmt: skip
LOCAL_FORMS = {"Jean": "Yohani", "Pierre": "Petero", "Marie": "Mariya", "Joseph": "Yozefu",
               "Paul": "Pawulo", "Jacques": "Yakobo", "Therese": "Tereza"}  # fmt: skip
DISTRICTS = tuple(str(code) for code in (11, 12, 13, *range(21, 29), *range(31, 38),
                                          *range(41, 46), *range(51, 58)))  # fmt: skip
TODAY = dt.date(2026, 6, 30)


@dataclass(frozen=True, slots=True)
class Variation:
    """How differently agencies record a person (each a probability per record)."""

    drop_name: float = 0.1
    spelling: float = 0.15
    typo: float = 0.04
    full_date: float = 0.4
    year_only: float = 0.3
    age: float = 0.2  # the rest: no birth at all
    nin: float = 0.5
    phone: float = 0.55


HARD = Variation()
# Agencies that record a little more (dates, phones and IDs more often; fewer slips).
MODERATE = Variation(
    drop_name=0.05, spelling=0.1, typo=0.02, full_date=0.5, year_only=0.3, age=0.15, nin=0.6,
    phone=0.7,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    person_id: int
    names: tuple[str, ...]
    sex: str
    birth: dt.date
    nin: str
    phone: str
    district: str


def _zipf(items: tuple[str, ...], rng: random.Random, k: int) -> list[str]:
    return rng.choices(items, weights=[1 / (rank + 1) for rank in range(len(items))], k=k)


def _nin(rng: random.Random, birth: dt.date, sex: str, issue: int = 0) -> str:
    serial = f"{rng.randrange(10**7):07d}"
    check = f"{rng.randrange(100):02d}"
    return f"1{birth.year}{8 if sex == 'M' else 7}{serial}{issue}{check}"


def person_make(person_id: int, rng: random.Random, kinyarwanda: list[str]) -> Person:
    sex = rng.choice("MF")
    birth = TODAY - dt.timedelta(days=rng.randrange(6 * 365, 45 * 365))
    names = [rng.choice(kinyarwanda)]
    christian = rng.random()
    if christian < 0.75:
        names += _zipf(CHRISTIAN, rng, 1 if christian < 0.6 else 2)
    if rng.random() < 0.1:
        names.append(rng.choice(kinyarwanda))
    adult = (TODAY - birth).days >= 16 * 365
    nin = _nin(rng, birth, sex) if adult and rng.random() < 0.8 else ""
    phone = f"07{rng.choice('8932')}{rng.randrange(10**7):07d}"
    return Person(
        person_id, tuple(dict.fromkeys(names)), sex, birth, nin, phone, rng.choice(DISTRICTS)
    )


def _variant(token: str, rng: random.Random) -> str:
    if token in LOCAL_FORMS and rng.random() < 0.5:
        return LOCAL_FORMS[token]
    low = token.lower()
    choices = []
    if "r" in low:
        choices.append(low.replace("r", "l", 1))
    for old, new in (("gi", "jyi"), ("ge", "jye"), ("ki", "cyi"), ("ke", "cye"), ("c", "ch")):
        if old in low:
            choices.append(low.replace(old, new, 1))
    vowels = [i for i, ch in enumerate(low) if ch in "aeiou"]
    if vowels:
        i = rng.choice(vowels)
        choices.append(low[: i + 1] + low[i] + low[i + 1 :])
    if low[0] in "aeiou" and len(low) > 4:
        choices.append(low[1:])
    return rng.choice(choices).capitalize() if choices else token


def _typo(token: str, rng: random.Random) -> str:
    if len(token) < 4:
        return token
    i = rng.randrange(1, len(token) - 1)
    if rng.random() < 0.5:
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    return token[:i] + rng.choice("abcdeghikmnrstuy") + token[i + 1 :]


def _phone_format(phone: str, rng: random.Random) -> str:
    national = phone[1:]
    return rng.choice(
        (phone, f"+250{national}", f"250{national}", f"00250 {national[:3]} {national[3:6]} "
         f"{national[6:]}", national, f"{phone[:4]} {phone[4:7]} {phone[7:]}")
    )  # fmt: skip


def record_make(
    person: Person, source: str, rng: random.Random, hotline: str, vary: Variation = HARD
) -> dict[str, str]:
    """One agency's record of `person`, with the variation agencies' records show."""
    names = list(person.names)
    if len(names) > 1 and rng.random() < vary.drop_name:
        names.pop(rng.randrange(len(names)))
    names = [_variant(n, rng) if rng.random() < vary.spelling else n for n in names]
    names = [_typo(n, rng) if rng.random() < vary.typo else n for n in names]
    if rng.random() < 0.5:
        names[0] = names[0].upper()
    if rng.random() < 0.4:
        rng.shuffle(names)
    age = (TODAY - person.birth).days // 365
    birth_date, age_text, roll = "", "", rng.random()
    if roll < vary.full_date:
        birth_date = person.birth.isoformat()
    elif roll < vary.full_date + vary.year_only:
        birth_date = str(person.birth.year)
    elif roll < vary.full_date + vary.year_only + vary.age:
        age_text = str(age + rng.choice((0, 0, 0, -1, 1)))
    nin = ""
    if person.nin and rng.random() < vary.nin:
        nin = person.nin
        if rng.random() < 0.05:  # re-issued: same first 13 digits, new issue count and check
            nin = nin[:13] + "1" + f"{rng.randrange(100):02d}"
        if rng.random() < 0.5:
            nin = f"{nin[0]} {nin[1:5]} {nin[5]} {nin[6:13]} {nin[13]} {nin[14:]}"
    phone, roll = "", rng.random()
    if roll < vary.phone:
        phone = _phone_format(person.phone, rng)
    elif roll < vary.phone + 0.05:
        phone = _phone_format(hotline, rng)
    district, roll = "", rng.random()
    if roll < 0.65:
        district = person.district
    elif roll < 0.85:
        district = rng.choice(DISTRICTS)
    sex = person.sex if rng.random() < 0.9 else ""
    return {
        "source": source, "full_name": " ".join(names), "sex": sex, "birth_date": birth_date,
        "age": age_text, "nin": nin, "phone": phone, "district": district,
    }  # fmt: skip


def population_records(
    *,
    people: int,
    sources: tuple[str, ...],
    capture: float,
    seed: int,
    variation: Variation = HARD,
) -> Iterator[tuple[int, dict[str, str]]]:
    """(person_id, record) for each capture: every agency records each person with chance
    `capture`, and records a person twice (a within-list duplicate) with chance capture/20."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    kinyarwanda = list(COMMON) * 3 + [p + r for p in PREFIXES for r in ROOTS]
    hotline = "0788000116"
    number = 0
    for person_id in range(people):
        person = person_make(person_id, rng, kinyarwanda)
        for source in sources:
            copies = (rng.random() < capture) + (rng.random() < capture / 20)
            for _ in range(copies):
                number += 1
                record = record_make(person, source, rng, hotline, variation)
                yield person_id, {"record_id": f"r{number}", **record}


def records_write(path: Path, rows: list[tuple[int, dict[str, str]]]) -> dict[str, int]:
    """Write the records as the CSV `tabara link dedupe` reads; the truth record_id -> person."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for _, record in rows:
            writer.writerow(record)
    return {record["record_id"]: person_id for person_id, record in rows}
