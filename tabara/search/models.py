"""The blind index: keyed tokens that find people without storing anything readable."""

from __future__ import annotations

from django.db import models


class SearchToken(models.Model):
    """One keyed token (HMAC) of a folded name token, a phone or an identity number.

    The token cannot be read back into a name without the search key, which lives outside
    the database (TABARA_SEARCH_KEY); a new key means a rebuilt index (`search_reindex`).
    """

    token = models.CharField(max_length=32)
    person = models.ForeignKey("cases.CasePerson", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "person"], name="search_token_person"),
        ]

    def __str__(self) -> str:
        return f"token of person {self.person_id}"
