"""Presumed victims in the layout of CTDC's k-anonymised global dataset (Django-free).

The seven quasi-identifiers (QUASI_IDENTIFIERS) are generalised along LADDERS and then
suppressed by tabara/opendata/kanon.py; every other column is computed from the
generalised values only, so no column knows more than the quasi-identifiers show.
Codes follow CTDC's data dictionary: flags 1/0, missing (or suppressed) -99.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tabara.opendata.kanon import MISSING, Ladder
from tabara.opendata.records import VictimRecord

YEAR = "yearOfRegistration"
GENDER = "gender"
AGE = "ageBroad"
CITIZENSHIP = "citizenship"
EXPLOITATION_COUNTRY = "CountryOfExploitation"
TYPE = "typeOfExploitConcatenated"
RECRUITER = "RecruiterRelationship"
QUASI_IDENTIFIERS = (YEAR, GENDER, AGE, CITIZENSHIP, EXPLOITATION_COUNTRY, TYPE, RECRUITER)

MEANS = (
    "DebtBondage",
    "TakesEarnings",
    "RestrictsFinancialAccess",
    "Threats",
    "PsychologicalAbuse",
    "PhysicalAbuse",
    "SexualAbuse",
    "FalsePromises",
    "PsychoactiveSubstances",
    "RestrictsMovement",
    "RestrictsMedicalCare",
    "ExcessiveWorkingHours",
    "UsesChildren",
    "ThreatOfLawEnforcement",
    "WithholdsNecessities",
    "WithholdsDocuments",
    "Other",
    "NotSpecified",
)
LABOUR = (
    "Agriculture",
    "Aquafarming",
    "Begging",
    "Construction",
    "DomesticWork",
    "Hospitality",
    "IllicitActivities",
    "Manufacturing",
    "MiningOrDrilling",
    "Peddling",
    "Transportation",
    "Other",
    "NotSpecified",
)
SEX = ("Prostitution", "Pornography", "RemoteInteractiveServices", "PrivateSexualServices")
EXPLOIT_FLAGS = (
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "isSexAndLabour",
    "isForcedMarriage",
    "isForcedMilitary",
    "isOrganRemoval",
    "isSlaveryAndPractices",
)
RELATIONS = ("IntimatePartner", "Friend", "Family", "Other", "Unknown")

COLUMNS = (
    YEAR,
    "Datasource",
    GENDER,
    AGE,
    "majorityStatus",
    "majorityStatusAtExploit",
    "majorityEntry",
    CITIZENSHIP,
    *(f"meansOfControl{m}" for m in MEANS),
    "meansOfControlConcatenated",
    *EXPLOIT_FLAGS,
    TYPE,
    *(f"typeOfLabour{t}" for t in LABOUR),
    "typeOfLabourConcatenated",
    *(f"typeOfSex{t}" for t in SEX),
    "typeOfSexConcatenated",
    "isAbduction",
    RECRUITER,
    EXPLOITATION_COUNTRY,
    *(f"recruiterRelation{r}" for r in RELATIONS),
)

# Tabara's exploitation types in CTDC's words; CTDC counts domestic servitude as forced labour.
TYPE_NAMES = {
    "sexual_exploitation": "Sexual exploitation",
    "forced_labour": "Forced labour",
    "domestic_servitude": "Domestic servitude",
    "forced_marriage": "Forced marriage",
    "organ_removal": "Organ removal",
    "forced_criminality": "Forced criminality",
    "illegal_adoption": "Illegal adoption",
    "other": "Other",
}
LABOUR_TYPES = {"Forced labour", "Domestic servitude"}
RECRUITERS = {
    "relative": "Family",
    "acquaintance": "Friend",
    "stranger": "Other",
    "agency": "Other",
    "social_media": "Other",
}
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (8, "0--8"),
    (17, "9--17"),
    (20, "18--20"),
    (23, "21--23"),
    (26, "24--26"),
)
AGE_BANDS += ((29, "27--29"), (38, "30--38"), (47, "39--47"))
MINOR_BANDS = {"0--8", "9--17", "0--17"}
AGE_GROUPS = {"0--8": "0--17", "9--17": "0--17", "0--17": "0--17", "48+": "48+"}
AGE_GROUPS |= dict.fromkeys(("18--20", "21--23", "24--26", "27--29"), "18--29")
AGE_GROUPS |= {"30--38": "30--47", "39--47": "30--47"}

# Countries by region (UN M49 groupings, merged where Rwanda's cases are few).
REGIONS = {
    **dict.fromkeys(("RW", "UG", "KE", "TZ", "BI", "SS", "ET", "SO", "ZM", "MW", "MZ"), "EAF"),
    **dict.fromkeys(("CD", "ZA", "NG", "EG", "LY"), "AFR"),
    **dict.fromkeys(("AE", "SA", "QA", "OM", "KW", "BH", "JO", "LB", "IQ", "TR"), "WAS"),
    **dict.fromkeys(("IN", "CN", "MY", "TH"), "ASI"),
    **dict.fromkeys(("BE", "FR", "DE", "NL", "IT", "GB"), "EUR"),
    **dict.fromkeys(("US", "CA"), "AME"),
}


def age_band(age: int | None, is_child: bool) -> str:
    """CTDC's ageBroad; a child of unrecorded age is "0--17" (a band of the next level)."""
    if age is None:
        return "0--17" if is_child else MISSING
    return next((band for top, band in AGE_BANDS if age <= top), "48+")


def _region(code: str) -> str:
    return REGIONS.get(code, "OTH")


def _home_or_abroad(code: str) -> str:
    return "RW" if code == "RW" else "ABROAD"


def _years(span: int) -> Callable[[str], str]:
    def period(year: str) -> str:
        start = int(year) // span * span
        return f"{start}--{start + span - 1}"

    return period


def _type_group(value: str) -> str:
    """The exploitation types as CTDC's three groups: sexual, labour, other."""
    parts = value.split(";")
    groups = ["Sexual exploitation"] if "Sexual exploitation" in parts else []
    if any(part in LABOUR_TYPES for part in parts):
        groups.append("Forced labour")
    if any(part not in LABOUR_TYPES and part != "Sexual exploitation" for part in parts):
        groups.append("Other")
    return ";".join(groups)


LADDERS: dict[str, Ladder] = {
    YEAR: (_years(2), _years(5)),
    GENDER: (),
    AGE: (lambda a: AGE_GROUPS[a], lambda a: "0--17" if a in MINOR_BANDS else "18+"),
    CITIZENSHIP: (_region, _home_or_abroad),
    EXPLOITATION_COUNTRY: (_region, _home_or_abroad),
    TYPE: (_type_group,),
    RECRUITER: (lambda r: "Known" if r in {"Family", "Friend"} else r,),
}


def quasi_identifiers(record: VictimRecord) -> dict[str, str]:
    """The seven quasi-identifiers of a record at level 0 (MISSING when not recorded)."""
    types = [TYPE_NAMES[t] for t in record.known_types if t in TYPE_NAMES]
    return {
        YEAR: str(record.opened_on.year),
        GENDER: {"feminine": "Woman", "masculine": "Man"}.get(record.gender, MISSING),
        AGE: age_band(record.age, record.is_child),
        CITIZENSHIP: record.citizenship or MISSING,
        EXPLOITATION_COUNTRY: record.exploitation_country or MISSING,
        TYPE: ";".join(dict.fromkeys(types)) or MISSING,
        RECRUITER: RECRUITERS.get(record.recruitment_channel, MISSING),
    }


def _flag(known: bool, value: bool) -> str:
    return ("1" if value else "0") if known else MISSING


def ctdc_row(qi: Mapping[str, str], type_level: int = 0) -> dict[str, str]:
    """A full CTDC row computed from (generalised) quasi-identifiers alone.

    `type_level` is the generalisation level of the exploitation types (the same for every
    row): above 0 the detailed flags are unknown.
    """
    row = dict.fromkeys(COLUMNS, MISSING)
    row.update(qi)
    row["Datasource"] = "Case Management"
    age = qi[AGE]
    if age != MISSING:
        row["majorityStatus"] = "Minor" if age in MINOR_BANDS else "Adult"
    parts = set(qi[TYPE].split(";")) if qi[TYPE] != MISSING else set()
    known = bool(parts)
    labour = bool(parts & LABOUR_TYPES)
    sexual = "Sexual exploitation" in parts
    row["isForcedLabour"] = _flag(known, labour)
    row["isSexualExploit"] = _flag(known, sexual)
    row["isOtherExploit"] = _flag(known, bool(parts - LABOUR_TYPES - {"Sexual exploitation"}))
    row["isSexAndLabour"] = _flag(known, labour and sexual)
    detailed = known and type_level == 0
    row["isForcedMarriage"] = _flag(detailed, "Forced marriage" in parts)
    row["isOrganRemoval"] = _flag(detailed, "Organ removal" in parts)
    row["typeOfLabourDomesticWork"] = _flag(detailed, "Domestic servitude" in parts)
    recruiter = qi[RECRUITER]
    if recruiter != MISSING:
        named = recruiter != "Known"
        row["recruiterRelationFamily"] = _flag(named, recruiter == "Family")
        row["recruiterRelationFriend"] = _flag(named, recruiter == "Friend")
        row["recruiterRelationOther"] = _flag(True, recruiter == "Other")
        row["recruiterRelationUnknown"] = "0"
    else:
        row["recruiterRelationUnknown"] = "1"
    return row
