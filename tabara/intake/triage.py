"""Which report to read first: the triage order of the staff inbox. Pure and Django-free.

Reports still waiting for staff (received, in review) come before those already handled
(referred, closed). Within each group, the most urgent tier first; then, among waiting
reports, the one that has waited longest, and among handled ones the newest. The tiers,
most urgent first:

0. a child is involved and a screening found trafficking;
1. a child is involved (the reporter said so, or a screening found a child), whatever else;
2. a screening found trafficking (adults);
3. not screened yet, or not enough information to tell;
4. screened, and something other than trafficking was found (smuggling, sex work,
   labour exploitation, no sign of anything).

The inbox query (selectors.report_inbox) orders by the same rule in SQL, built from these
constants; tests check both against a table of reports.
"""

from __future__ import annotations

OPEN_STATUSES = ("received", "in_review")
CHILD_AGE_GROUPS = ("child", "both")
TRAFFICKING = "trafficking"
UNDECIDED_OUTCOMES = ("", "insufficient_information")

CHILD_TRAFFICKING, CHILD, TRAFFICKING_FOUND, UNDECIDED, OTHER_FOUND = range(5)


def urgency_tier(*, child: bool, outcome: str) -> int:
    """The tier of a report (0 is the most urgent), from a child flag and a screening outcome."""
    if child and outcome == TRAFFICKING:
        return CHILD_TRAFFICKING
    if child:
        return CHILD
    if outcome == TRAFFICKING:
        return TRAFFICKING_FOUND
    if outcome in UNDECIDED_OUTCOMES:
        return UNDECIDED
    return OTHER_FOUND
