"""Alert texts written in each reader's language, with Kigali times and absolute links.

A service that alerts several people cannot write the text once: the intake officer who
causes a referral may read English while the shelter's worker reads Kinyarwanda. It builds
a `Text` (a lazily translated template and its values) and each recipient's copy is written
in the language they chose (User.language) by `staff_notify`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import translation

from tabara.core.links import absolute_url
from tabara.core.times import kigali_time

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Link:
    """A page of the site by URL name, written as an absolute address in the reader's language."""

    viewname: str
    args: tuple[object, ...] = ()


@dataclass(frozen=True)
class Text:
    """A gettext_lazy template with named placeholders, and the values that fill them.

    Values may be lazy strings (choice labels), other Texts, Links or aware datetimes
    (written on Kigali's clock); anything else is written with str().
    """

    template: StrOrPromise
    values: Mapping[str, object] = field(default_factory=dict)

    def render(self, language: str) -> str:
        with translation.override(language):
            if not self.values:
                return str(self.template)
            return str(self.template) % {
                name: _written(value, language) for name, value in self.values.items()
            }


def _written(value: object, language: str) -> str:
    if isinstance(value, Text):
        return value.render(language)
    if isinstance(value, Link):
        return absolute_url(reverse(value.viewname, args=value.args))
    if isinstance(value, datetime):
        return kigali_time(value)
    return str(value)
