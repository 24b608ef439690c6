"""The blind index: keyed tokens that find people without storing anything readable."""

from __future__ import annotations

from django.db import models


class SearchToken(models.Model):
    """One keyed token (HMAC) of a folded name token, a phone or an identity number.

    The token cannot be read back into a name without the search key, which lives outside
    the database (TABARA_SEARCH_KEY); a new key means a rebuilt index (`search_reindex`).

    The person's case, its owner and its opening time are copied here so that a search
    reads only the rows of one token within the searcher's organization, newest first, and
    stops at the page's limit (docs/search.md, "Speed"); `search_owner_moved()` keeps the
    copy right when a case changes hands.
    """

    token = models.CharField(max_length=32)
    person = models.ForeignKey("cases.CasePerson", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    owner_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    opened_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "person"], name="search_token_person"),
        ]
        indexes = [
            # The owner's own cases: one token's rows, newest case first.
            models.Index(
                fields=["token", "owner_org", "-opened_at", "-case", "person"],
                name="search_token_owner",
            ),
            # Cases shared by accepted referrals: probed case by case.
            models.Index(fields=["case", "token"], name="search_token_case"),
        ]

    def __str__(self) -> str:
        return f"token of person {self.person_id}"
