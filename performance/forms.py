from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from performance import rag
from performance.catalogue_data import KPI_COUNTS
from performance.choices import VIOLENT_OFFENCES, CohortConvention
from performance.kpi_return import SECTIONS, kpi_figures
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Cohort,
    Comparator,
    Indicator,
    OutcomeKind,
    QualifyingOutcome,
    RatingStep,
    Reoffence,
    Target,
)
from performance.models.audits import AUDIT_AREAS
from performance.models.cohorts import reoffence_problem
from yos_tracker.dates import refuse_future
from yos_tracker.forms import ColourInput, DateInput, OptimisticLockMixin, RecordForm, UniqueWithinMixin


def _plain(number):
    """15.0000 → 15 and 39.7436 → 39.7436, for people reading the form."""
    if number is None:
        return None
    return format(number.normalize(), "f")


def _plain_decimal(number):
    """The same number without its trailing zeros, still a Decimal: a field compares it with what
    is posted back to tell whether the person changed it."""
    return None if number is None else Decimal(_plain(number))


class MeasurementRowForm(forms.Form):
    """One indicator's row of the period grid: a value, or a ratio's two parts."""

    value = forms.DecimalField(required=False, max_digits=14, decimal_places=4)
    numerator = forms.DecimalField(required=False, max_digits=14, decimal_places=2, min_value=0)
    denominator = forms.DecimalField(required=False, max_digits=14, decimal_places=2, min_value=0)
    note = forms.CharField(required=False, max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator, measurement=None, period=None, **kwargs):
        """`period`: the period the row is for, where the grid shows several side by side; it
        names the cell's fields and labels ("Custody count, March 2017: value")."""
        self.indicator = indicator
        self.measurement = measurement
        initial = {"version": measurement.version if measurement else 0}
        if measurement:
            initial.update(
                value=_plain_decimal(measurement.value),
                numerator=_plain_decimal(measurement.numerator),
                denominator=_plain_decimal(measurement.denominator),
                note=measurement.note,
            )
        prefix = f"i{indicator.pk}-{period:%Y%m}" if period else f"i{indicator.pk}"
        super().__init__(*args, prefix=prefix, initial=initial, **kwargs)
        for name in ("value", "numerator", "denominator", "note"):
            self.fields[name].widget.attrs.update({"class": "form-control form-control-sm"})
        self.cell = f"{indicator.name}, {rag.period_name(period, indicator.frequency)}" if period else indicator.name
        self.fields["value"].label = f"{self.cell}: value"
        self.fields["numerator"].label = f"{self.cell}: {indicator.numerator_label or 'numerator'}"
        self.fields["denominator"].label = f"{self.cell}: {indicator.denominator_label or 'denominator'}"
        self.fields["note"].label = f"{self.cell}: note"
        self.fields["note"].widget.attrs["placeholder"] = "Note"

    @property
    def carried(self) -> tuple[str, ...]:
        """The cells this row shows, so posts: a ratio's two parts, or a value; and its note."""
        return ("numerator", "denominator", "note") if self.indicator.is_ratio else ("value", "note")

    @property
    def is_blank(self) -> bool:
        data = self.cleaned_data
        return all(data.get(k) in (None, "") for k in ("value", "numerator", "denominator"))

    def has_changed(self) -> bool:
        """Whether the person changed a cell of this row; a cell the row does not show (a ratio's
        value, worked out from its parts) is never posted, so never counts as changed."""
        return any(name in self.changed_data for name in self.carried)

    def clean(self):
        data = super().clean()
        if self.indicator.is_ratio:
            parts = [data.get("numerator"), data.get("denominator")]
            if any(p is not None for p in parts) and not all(p is not None for p in parts):
                raise forms.ValidationError(
                    f"Give both the {self.indicator.numerator_label} and the {self.indicator.denominator_label}."
                )
            if data.get("denominator") == 0:
                self.add_error("denominator", "The denominator must be more than zero.")
        return data


class IndicatorsTrackForm(forms.Form):
    """The catalogue's tick-boxes: track, or stop tracking, every indicator ticked."""

    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.none(),
        error_messages={"required": "Tick the indicators first.", "invalid_choice": "There is no indicator %(value)s."},
    )
    tracked = forms.ChoiceField(choices=[("on", "Track"), ("off", "Stop tracking")])

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = Indicator.objects.available_to(organisation)


class CaseAuditForm(RecordForm):
    class Meta:
        model = CaseAudit
        fields = ["month", "case_reference", "case_type", *[area for area, _ in AUDIT_AREAS], "overall", "notes"]
        widgets = {"month": DateInput, "notes": forms.Textarea(attrs={"rows": 2})}
        labels = dict(AUDIT_AREAS)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        areas = [area for area, _ in AUDIT_AREAS] + ["overall"]
        recorded = [getattr(self.instance, name) for name in areas if getattr(self.instance, f"{name}_id")]
        grades = AuditGrade.objects.for_org(organisation).choosable(*recorded)
        for name in areas:
            self.fields[name].queryset = grades
            self.fields[name].empty_label = "Not applicable" if name != "overall" else None
        self.fields["case_reference"].help_text = "The pseudonymous reference, e.g. LW-2017-014. Never a name."

    def clean_month(self):
        return self.cleaned_data["month"].replace(day=1)

    def clean(self):
        data = super().clean()
        # The organisation is not a field of the form, so Django skips the unique constraint here.
        month, reference = data.get("month"), data.get("case_reference")
        if month and reference:
            duplicate = CaseAudit.objects.for_org(self.instance.organisation).filter(
                month=month, case_reference__iexact=reference
            )
            if duplicate.exclude(pk=self.instance.pk).exists():
                self.add_error("case_reference", "This case has already been audited this month.")
        return data


class AuditGradeForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = AuditGrade
        fields = ["code", "label", "colour", "is_good", "is_inadequate"]
        widgets = {"colour": ColourInput}
        help_texts = {
            "code": "Lower-case letters, digits, hyphens and underscores, as typed in imports: e.g. good.",
            "is_good": "Counted in the dashboard's “% good or better”.",
            "is_inadequate": "Counted in the dashboard's “% inadequate”.",
        }


class OutcomeKindForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = OutcomeKind
        fields = ["code", "label", "colour"]
        widgets = {"colour": ColourInput}
        help_texts = {
            "code": "Lower-case letters, digits, hyphens and underscores, as an extract may give it: e.g. caution.",
            "label": "As the tracker shows it, and as an extract may give it.",
        }


class RatingStepForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = RatingStep
        fields = ["code", "label", "colour", "meaning"]
        widgets = {"colour": ColourInput}
        help_texts = {"code": "Lower-case letters, digits, hyphens and underscores: e.g. purple."}


class LocalIndicatorForm(UniqueWithinMixin, RecordForm):
    """A service's own indicator, beside the shared catalogue."""

    unique_within = "organisation"

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "category",
            "unit",
            "polarity",
            "frequency",
            "definition",
            "computation",
            "numerator_label",
            "denominator_label",
            "multiplier",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "computation": "Entered directly, or computed from a numerator and a denominator you enter.",
            "multiplier": "For a ratio: 100 for a percentage, 100,000 for a rate per 100,000.",
        }

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class TargetForm(UniqueWithinMixin, RecordForm):
    unique_within = ("organisation", "indicator")

    class Meta:
        model = Target
        fields = ["applies_from", "value", "tolerance"]
        widgets = {"applies_from": DateInput}
        labels = {"applies_from": "Applies from", "value": "Target"}
        help_texts = {
            "applies_from": "The first period it applies to; it applies until the next target starts.",
            "tolerance": "How far short of the target still counts as Amber (0 or more, in the indicator's unit).",
        }

    def clean_applies_from(self):
        return rag.period_start(self.cleaned_data["applies_from"], self.instance.indicator.frequency)

    def clean_tolerance(self):
        # The check constraint says so too, but its error would stand at the top of the form,
        # away from the field it is about.
        tolerance = self.cleaned_data["tolerance"]
        if tolerance is not None and tolerance < 0:
            raise forms.ValidationError("The tolerance cannot be negative.")
        return tolerance


class ComparatorForm(UniqueWithinMixin, RecordForm):
    unique_within = ("organisation", "indicator")

    class Meta:
        model = Comparator
        fields = ["period", "kind", "value"]
        widgets = {"period": DateInput}
        labels = {"kind": "Compared with"}

    def clean_period(self):
        return rag.period_start(self.cleaned_data["period"], self.instance.indicator.frequency)


class CohortForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = Cohort
        fields = [
            "name",
            "period_start",
            "period_end",
            "convention",
            "follow_up_months",
            "wait_months",
            "feeds_dashboard",
        ]
        widgets = {"period_start": DateInput, "period_end": DateInput}
        labels = {
            "period_start": "Outcomes from",
            "period_end": "Outcomes to",
            "follow_up_months": "Follow-up (months)",
            "wait_months": "Wait to prove an offence (months)",
            "feeds_dashboard": "Feeds the dashboard's live-tracker indicators",
        }
        help_texts = {
            "period_start": "Children whose first caution, conviction or release from custody falls in this period.",
            "follow_up_months": "The YJB's measure follows each child for 12 months.",
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation

    def clean(self):
        data = super().clean()
        if data.get("feeds_dashboard") and data.get("convention") != CohortConvention.LIVE:
            self.add_error(
                "feeds_dashboard", "Only a live-tracker cohort feeds the dashboard's live-tracker indicators."
            )
        return data


GRAVITY_HELP = "1 to 8, as the YJB's gravity matrix scores the offence."


class CaseForm(OptimisticLockMixin, UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = Case
        fields = ["reference", "team", "case_manager", "assessed"]
        help_texts = {"reference": "The pseudonymous reference, e.g. LW-2017-014. Never a name or a date of birth."}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation

    def clean_reference(self):
        reference = self.cleaned_data["reference"]
        others = Case.objects.for_org(self.instance.organisation).filter(reference__iexact=reference)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("This service already has a case with this reference.")
        return reference


class OutcomeForm(RecordForm):
    class Meta:
        model = QualifyingOutcome
        fields = ["date", "kind", "gravity"]
        widgets = {"date": DateInput}
        help_texts = {"gravity": GRAVITY_HELP}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        kept = [self.instance.kind] if self.instance.kind_id else []
        self.fields["kind"].queryset = OutcomeKind.objects.for_org(case.organisation).choosable(*kept)
        self.fields["kind"].empty_label = None

    def clean(self):
        data = super().clean()
        if data.get("date"):
            try:
                refuse_future(data["date"], what="An outcome")
            except forms.ValidationError as error:
                self.add_error(None, error)
        return data


class ReoffenceForm(RecordForm):
    class Meta:
        model = Reoffence
        fields = ["offence_date", "proven_date", "offence_type", "gravity", "violent"]
        widgets = {"offence_date": DateInput, "proven_date": DateInput}
        help_texts = {
            "violent": "Violence against the person and robbery are violent whatever is ticked.",
            "gravity": GRAVITY_HELP,
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case

    def clean(self):
        data = super().clean()
        offence = data.get("offence_date")
        if offence and (problem := reoffence_problem(offence, self.instance.case.first_outcome_on)):
            self.add_error("offence_date", problem[0].upper() + problem[1:] + ".")
        if data.get("proven_date"):
            try:
                refuse_future(data["proven_date"], what="A proven date", field="proven_date")
            except forms.ValidationError as error:
                self.add_error(None, error)
        if data.get("offence_type") in VIOLENT_OFFENCES:
            data["violent"] = True
        return data


class KpiReturnForm(forms.Form):
    """The counts of the YJB's quarterly KPI return (performance.kpi_return), by section. A count
    left empty leaves the measures it feeds unrecorded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in KPI_COUNTS.items():
            self.fields[key] = forms.IntegerField(
                label=label[0].upper() + label[1:], min_value=0, max_value=1_000_000, required=False
            )

    def sections(self) -> list[tuple[str, list]]:
        return [(title, [self[key] for key in keys]) for title, keys in SECTIONS]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                kpi_figures(cleaned)
            except ValidationError as error:
                for problem in error.error_list:
                    self.add_error(problem.code, problem.message)
        return cleaned


class JudgementForm(forms.Form):
    """Rate an indicator for a period on the service's own key."""

    period = forms.DateField(widget=DateInput, help_text="A day in the month, quarter or year rated.")
    step = forms.ModelChoiceField(
        queryset=RatingStep.objects.none(), label="Rating", empty_label=None, widget=forms.RadioSelect
    )
    note = forms.CharField(max_length=500, required=False, label="What the rating rests on")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = RatingStep.objects.for_org(organisation).filter(retired=False)
        self.fields["step"].label_from_instance = str

    def clean(self):
        data = super().clean()
        if data.get("period"):
            try:
                refuse_future(data["period"], what="A rating", field="period")
            except forms.ValidationError as error:
                self.add_error(None, error)
        return data
