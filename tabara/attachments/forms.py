"""Upload fields: up to three files, each inspected from its bytes, refusals in plain words.

A browser cannot send a file again by itself, so when a form comes back with an error the
page names every file the person must choose again (`files_to_choose_again`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tabara.attachments.files import MAX_BYTES, CleanFile, FileRefused, Refusal, file_inspect

MAX_FILES = 3
ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,.mp3,.ogg,.m4a,image/*,audio/*,application/pdf"


def refusal_message(reason: Refusal, name: str) -> str:
    messages = {
        Refusal.TOO_LARGE: _("“{name}” is larger than 5 MB: choose a smaller file."),
        Refusal.WRONG_TYPE: _(
            "“{name}” is not a photo (JPEG, PNG, WebP), a PDF or a voice note (MP3, OGG, M4A)."
        ),
        Refusal.CORRUPT: _("“{name}” could not be opened: it may be damaged."),
        Refusal.TOO_MANY_PIXELS: _("“{name}” is an image too large to open."),
        Refusal.EMPTY: _("“{name}” is empty."),
    }
    return messages[reason].format(name=name)


def upload_inspect(upload: UploadedFile[bytes]) -> tuple[CleanFile, str]:
    """The clean file and its name, or a ValidationError that names the file."""
    name = (upload.name or "")[:200]
    try:
        if (upload.size or 0) > MAX_BYTES:
            raise FileRefused(Refusal.TOO_LARGE)
        return file_inspect(upload.read(MAX_BYTES + 1)), name
    except FileRefused as refused:
        raise forms.ValidationError(refusal_message(refused.reason, name)) from refused


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Zero to three files; cleans to a list of (CleanFile, name)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[tuple[CleanFile, str]]:
        uploads = [u for u in (data if isinstance(data, list | tuple) else [data]) if u]
        if self.required and not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(_("You can attach at most 3 files."))
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(upload_inspect(upload))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def files_to_choose_again(form: forms.Form, field: str = "attachments") -> list[str]:
    """Names of the files sent with a form that came back with errors (to choose again)."""
    if not form.is_bound or not form.errors:
        return []
    return [(upload.name or "")[:200] for upload in form.files.getlist(field) if upload]


class AttachmentForm(forms.Form):
    attachments = FilesField(
        label=gettext_lazy("Files (photo, PDF or voice note, 5 MB each)"),
        required=True,
        error_messages={"required": gettext_lazy("Choose at least one file.")},
    )
