"""Form pieces every app shares."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from yos_tracker.uploads import validate_upload


class DateInput(forms.DateInput):
    """The browser's date picker; it posts 2017-03-31, which every date field accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Any number of files, each checked for type, content and size."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                errors.append(f"{upload.name}: {error.messages[0]}")
        if errors:
            raise ValidationError(errors)
        return files


class LinksField(forms.CharField):
    """Web addresses, one per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        links = [line.strip() for line in (value or "").splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(f"“{link}” is not a web address (it should start with https://).") from None
        return links


def apply_validation_error(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        form.add_error(None, error)
