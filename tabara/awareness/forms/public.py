"""Forms anyone can send: comments, newsletter sign-up, knowledge tests on a phone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.awareness.models import Question

TOO_LONG = _("This is too long: at most %(limit_value)d characters (you wrote %(show_value)d).")


class HoneypotMixin(forms.Form):
    """A field people never see; software that fills every field gets caught by it."""

    website = forms.CharField(required=False, label=_("Leave this empty"))

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class CommentForm(HoneypotMixin):
    name = forms.CharField(
        label=_("Your name (shown with the comment)"),
        max_length=80,
        error_messages={"required": _("Please write your name."), "max_length": TOO_LONG},
    )
    email = forms.EmailField(
        label=_("Your email (never shown; we send you a link to delete your comment)"),
        max_length=200,
        error_messages={
            "required": _("Please write your email."),
            "invalid": _("This does not look like an email address."),
        },
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 3000}),
        error_messages={"required": _("Please write a comment."), "max_length": TOO_LONG},
    )


class EmailOnlyForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=200,
        error_messages={
            "required": _("Please write your email."),
            "invalid": _("This does not look like an email address."),
        },
    )


class SubscribeForm(EmailOnlyForm):
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=[("rw", "Ikinyarwanda"), ("en", "English"), ("fr", "Français")],
        widget=forms.RadioSelect,
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code (8 letters and digits, on your paper or in your message)"),
        max_length=20,
        error_messages={"required": _("Please type your code.")},
    )

    @staticmethod
    def invalid_message() -> str:
        return str(_("This code is not valid or was already used. Check it with the facilitator."))


class AnswersForm(forms.Form):
    """One radio group per question, in the visitor's language."""

    def __init__(self, *args: Any, questions: list[Question], lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text(lang)}",
                choices=question.choices(lang),
                widget=forms.RadioSelect,
                required=False,
            )

    def answers(self) -> dict[str, str]:
        return {
            name[1:]: value for name, value in self.cleaned_data.items() if value and name[0] == "q"
        }
