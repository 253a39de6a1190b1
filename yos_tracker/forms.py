"""Form pieces every app shares, and the core's own forms (memberships)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from yos_tracker import records
from yos_tracker.choices import ORGANISATION_ROLES, Role, roles_in_order
from yos_tracker.history import history_rows
from yos_tracker.uploads import validate_upload


class DateInput(forms.DateInput):
    """The browser's date picker; it posts 2017-03-31, which every date field accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ColourInput(forms.TextInput):
    """The browser's colour picker; it posts #rrggbb, the form scales keep their colours in."""

    input_type = "color"

    # HTML allows neither `required` nor `maxlength` on a colour input (it always has a value); the
    # field still checks both on the server.
    def use_required_attribute(self, initial) -> bool:
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("maxlength", None)
        return context


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


class RecordsField(forms.ModelMultipleChoiceField):
    """Choose several records. A key beyond the database's integer range is simply not one of
    the choices (an IN lookup with one makes SQLite raise OverflowError)."""

    def _check_values(self, value):
        for key in value or ():
            text = str(key).strip()
            if text.lstrip("-").isdecimal() and abs(int(text)) >= 2**63:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": text}
                )
        return super()._check_values(value)


class UniqueWithinMixin:
    """For a ModelForm whose records are unique within a scope the form does not show (a risk's
    number within its organisation, a recommendation's reference within its plan). Django skips
    a unique constraint when one of its fields is not on the form, and the database would then
    refuse the row; check those constraints too, with the model's own message beside the field."""

    unique_within: str | tuple[str, ...]  # the scope field(s), set on the instance by the view

    def validate_unique(self):
        super().validate_unique()
        scope = {self.unique_within} if isinstance(self.unique_within, str) else set(self.unique_within)
        exclude = self._get_validation_exclusions() - scope
        for constraint in self.instance._meta.constraints:
            fields = set(getattr(constraint, "fields", ()))
            if not scope & fields or fields & exclude:
                continue
            try:
                constraint.validate(type(self.instance), self.instance, exclude=exclude)
            except ValidationError as error:
                shown = sorted(fields & set(self.fields))
                self.add_error(shown[0] if len(shown) == 1 else None, error.messages)


class RecordForm(forms.ModelForm):
    """The model form every app's forms build on. Saving a stored record the form leaves as it
    was writes nothing (yos_tracker.records): no history entry, no version bump; what the form
    keeps beside the record (its many-to-many choices, an action's next steps) is still saved,
    and changes only where it differs."""

    def save(self, commit=True):
        if not commit or self.instance.pk is None or records.unsaved_changes(self.instance):
            return super().save(commit=commit)
        self._save_m2m()
        return self.instance


class OptimisticLockMixin:
    """For model forms of records with a `version` field: the version the person loaded travels in
    a hidden field, and a save on top of someone else's later change is refused with who made that
    change, when, and what it was, instead of silently overwriting it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self.instance.version if self.instance.pk else 0
        )

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            current = type(self.instance).objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and data.get("version") != current:
                raise forms.ValidationError(stale_message(self.instance), code="stale")
        return data

    def save(self, commit=True):
        obj = super().save(commit=False)
        if not commit:
            return obj
        with transaction.atomic():
            if obj.pk:
                # Checked again under a row lock: clean() ran before, and a colleague may have
                # saved in between.
                current = (
                    type(obj).objects.select_for_update().filter(pk=obj.pk).order_by().values_list("version", flat=True)
                ).first()
                if current is not None and current != self.cleaned_data.get("version"):
                    raise ValidationError(stale_message(obj), code="stale")
                if not records.unsaved_changes(obj):
                    self._save_m2m()
                    return obj
            obj.version = (self.cleaned_data.get("version") or 0) + 1 if obj.pk else 1
            obj.save()
            self.save_m2m()
        return obj


def stale_message(instance) -> str:
    latest_two = instance.history.order_by("-history_date", "-history_id").values_list("pk", flat=True)[:2]
    rows = history_rows(instance.history.filter(pk__in=list(latest_two)))
    latest = rows[0] if rows else None
    if latest is None:
        return "Someone else changed this record after you opened it; your changes were not saved."
    changes = "; ".join(f"{c.field}: {c.old} → {c.new}" for c in latest.changes) or "no visible fields"
    when = timezone.localtime(latest.when)
    return (
        f"{latest.who} changed this record at {when:%H:%M} on {when:%d/%m/%Y}, after you opened it ({changes}). "
        "Your changes were not saved; they are still in the form below. Reload the page to start from their "
        "version, then make your change again if it is still needed."
    )


# --- Memberships ---------------------------------------------------------------------------------

ROLE_CHOICES = [(role.value, f"{role.label} — {role.description}") for role in ORGANISATION_ROLES]


class RolesField(forms.MultipleChoiceField):
    """Tick one or more of the organisation's roles; cleaned to Role members in the choices' order."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Roles")
        kwargs.setdefault("help_text", "Tick every role the person holds; their access is what any of them allows.")
        kwargs.setdefault("error_messages", {"required": "Choose at least one role."})
        super().__init__(choices=ROLE_CHOICES, **kwargs)

    def clean(self, value) -> list[Role]:
        return roles_in_order(super().clean(value))


class PersonForm(forms.Form):
    """Who to give access: an existing account by its address, or a new one invited by e-mail."""

    # A new account's username is its address, and a username holds 150 characters.
    email = forms.EmailField(
        label="E-mail address", max_length=150, help_text="Their work address; they sign in with it."
    )
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)


class MembershipAddForm(PersonForm):
    roles = RolesField()


class MembershipRolesForm(forms.Form):
    roles = RolesField()


class RegionalGrantForm(PersonForm):
    pass


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?", max_length=100, help_text="e.g. “Power BI dashboard” or “Case system feed”."
    )
