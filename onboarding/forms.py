from django import forms

from improvement.choices import DEFAULT_RAG_SCALE, RAG_SCALE_CHOICES
from performance.choices import (
    AUDIT_GRADE_SCALE_CHOICES,
    DEFAULT_AUDIT_GRADE_SCALE,
    DEFAULT_RATING_KEY_SCALE,
    RATING_KEY_SCALE_CHOICES,
)
from yos_tracker.choices import FIRST_PERSON_ROLES
from yos_tracker.forms import RecordForm, RolesField
from yos_tracker.models import Organisation


class SetupChoicesForm(forms.Form):
    """What a new service chooses: the scales of the source documents, and whether to start with
    the YJB's indicators. Everything can be changed later under Settings."""

    rag_scale = forms.ChoiceField(
        label="RAG scale for actions", choices=RAG_SCALE_CHOICES, initial=DEFAULT_RAG_SCALE, widget=forms.RadioSelect
    )
    audit_scale = forms.ChoiceField(
        label="Case-audit grades",
        choices=AUDIT_GRADE_SCALE_CHOICES,
        initial=DEFAULT_AUDIT_GRADE_SCALE,
        widget=forms.RadioSelect,
    )
    rating_key = forms.ChoiceField(
        label="Key for rating an indicator by judgement, where no target computes its RAG",
        choices=RATING_KEY_SCALE_CHOICES,
        initial=DEFAULT_RATING_KEY_SCALE,
        widget=forms.RadioSelect,
        required=False,  # the three colours, unless another is chosen
    )

    def clean_rating_key(self) -> str:
        return self.cleaned_data["rating_key"] or DEFAULT_RATING_KEY_SCALE

    starter_indicators = forms.BooleanField(
        label="Track the YJB's national measures and the 2023 key performance indicators to start with",
        required=False,
        initial=True,
    )


class NewServiceForm(SetupChoicesForm, RecordForm):
    first_email = forms.EmailField(
        label="First person's e-mail address",
        max_length=150,
        required=False,
        help_text="Optional. They are e-mailed a link to sign in (and to choose a password if they are new).",
    )
    first_first_name = forms.CharField(label="Their first name", max_length=150, required=False)
    first_last_name = forms.CharField(label="Their last name", max_length=150, required=False)
    # Both unless one is unticked: the first person runs the service's records and adds its people.
    first_roles = RolesField(label="Their roles", initial=[role.value for role in FIRST_PERSON_ROLES], required=False)

    class Meta:
        model = Organisation
        fields = ["name", "slug", "local_authority", "region"]
        labels = {"name": "Name of the service", "slug": "Short name for addresses"}
        help_texts = {
            # Help texts are shown as HTML: no angle brackets.
            "slug": "Lower-case letters, digits and hyphens, used in the service's addresses (/tower-hamlets/…). "
            "Left empty, it is made from the name (Tower Hamlets Youth Justice Service: tower-hamlets)."
        }

    field_order = [
        *Meta.fields,
        "rag_scale",
        "audit_scale",
        "rating_key",
        "starter_indicators",
        "first_email",
        "first_first_name",
        "first_last_name",
        "first_roles",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"] or Organisation.slug_from_name(self.cleaned_data.get("name", ""))

    def clean(self):
        data = super().clean()
        if data.get("first_email") and not (data.get("first_first_name") and data.get("first_last_name")):
            self.add_error("first_first_name", "Give the first person's name as well as their address.")
        if data.get("first_email") and not data.get("first_roles"):
            self.add_error("first_roles", "Choose at least one role for the first person.")
        return data

    @property
    def setup(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] for k in ("rag_scale", "audit_scale", "rating_key", "starter_indicators")}

    @property
    def first_person(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("first_email"):
            return None
        return {
            "email": data["first_email"],
            "first_name": data["first_first_name"],
            "last_name": data["first_last_name"],
            "roles": data["first_roles"],
        }


class WorkbookForm(forms.Form):
    file = forms.FileField(
        label="Workbook",
        help_text="Your tracker as an .xlsx workbook: a sheet for each of the action plan, indicator values, the risk "
        "register and case audits, laid out as you keep them.",
    )
