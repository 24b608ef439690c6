"""Tabara's case data in the Human Trafficking Case Data Standard v2.0 (Django-free).

Field names and value names are HTCDS 2.0's (IOM, CC BY 4.0; docs/htcds/SOURCE.md).
docs/open-data.md tables the mapping and tests/test_htcds_mapping.py holds this module to it.
Identifying fields (names, phones, identity numbers, addresses) are never exported.
"""

from __future__ import annotations

from tabara.opendata.records import VictimRecord

COLUMNS = (
    "cas_CaseId",
    "cas_CaseOwner",
    "cas_Status",
    "cas_ReasonForCaseClosure",
    "con_Consent",
    "prs_Gender",
    "prs_Citizenship",
    "vic_AgeWhenTrafficked",
    "vic_TraffickingStatus",
    "vic_TraffickinStatusDecisionMakingOrg",
    "vic_MethodOfRecruitment",
    "vic_RelationshipToTrafficker",
    "vic_TypeOfExploitation",
    "vic_LocationOfExploitation",
)

CASE_STATUS = {
    "active": "Active",
    "follow_up": "FollowUp",
    "closed": "Closed",
    "closed_referred": "ClosedReferred",
}
GENDER = {"feminine": "Feminine", "masculine": "Masculine", "unknown": "NonSpecifiedUnknown"}
TRAFFICKING_STATUS = {
    "presumed_victim": "ActualVictimOfTrafficking",
    "possible_victim": "PossibleVictimOfTrafficking",
    "not_a_victim": "NotAVictimOfTrafficking",
}
DECISION_ORG = {
    "investigation": "Police",
    "police": "Police",
    "prosecution": "CourtOrProsecution",
    "immigration": "NonPoliceGovernmentalOrganization",
    "child_protection": "NonPoliceGovernmentalOrganization",
    "one_stop_centre": "NonPoliceGovernmentalOrganization",
    "ministry": "NonPoliceGovernmentalOrganization",
    "shelter": "NGO",
    "civil_society": "NGO",
    "international": "Other",
}
RECRUITMENT = {
    "social_media": "ThroughOnlineSocialNetworks",
    "agency": "AtAPlaceOfBusiness",
    "relative": "ThroughFamilyOrFamilyEvents",
    "acquaintance": "ThroughFriendsOrSocialEvents",
    "stranger": "Other",
}
RELATIONSHIP = {"relative": "Familial", "acquaintance": "Acquainted", "stranger": "Unaquainted"}
EXPLOITATION = {
    "sexual_exploitation": "SexualExploitation",
    "forced_labour": "ForcedLabour",
    "domestic_servitude": "Servitude",
    "forced_marriage": "ForcedMarriage",
    "organ_removal": "OrganRemoval",
    "forced_criminality": "ForcedBegging",
    "illegal_adoption": "ForcedAdoption",
    "other": "Other",
}
# cas_ReasonForCaseClosure is free text in HTCDS 2.0: the reason in English words.
CLOSURE = {
    "reintegrated": "Services completed: the person is reintegrated",
    "referred": "Referred on: another organization now leads the case",
    "moved": "The person moved away or left the country",
    "declined_services": "The person no longer wants services",
    "lost_contact": "Contact lost",
    "not_trafficking": "Not a case of trafficking",
    "deceased": "The person died",
    "other": "Other",
}


def htcds_row(record: VictimRecord) -> dict[str, str]:
    """One HTCDS row: codes Tabara does not record (or has no HTCDS value for) stay empty."""
    return {
        "cas_CaseId": f"C-{record.case_id:06d}",
        "cas_CaseOwner": record.owner_name,
        "cas_Status": CASE_STATUS.get(record.case_status, ""),
        "cas_ReasonForCaseClosure": CLOSURE.get(record.closure_reason, ""),
        "con_Consent": "Yes" if record.consent_to_share else "No",
        "prs_Gender": GENDER.get(record.gender, "NonSpecifiedUnknown"),
        "prs_Citizenship": record.citizenship,
        "vic_AgeWhenTrafficked": "" if record.age is None else str(record.age),
        "vic_TraffickingStatus": TRAFFICKING_STATUS.get(record.screening_outcome, ""),
        "vic_TraffickinStatusDecisionMakingOrg": DECISION_ORG.get(record.owner_kind, ""),
        "vic_MethodOfRecruitment": RECRUITMENT.get(record.recruitment_channel, ""),
        "vic_RelationshipToTrafficker": RELATIONSHIP.get(record.recruitment_channel, ""),
        "vic_TypeOfExploitation": ";".join(
            EXPLOITATION[t] for t in record.exploitation_types if t in EXPLOITATION
        ),
        "vic_LocationOfExploitation": record.exploitation_country,
    }
