from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Max

from improvement import services
from improvement.models import (
    Action,
    ImprovementPlan,
    Inspection,
    JudgementLevel,
    RagStatus,
    Recommendation,
    ReminderSettings,
)
from yos_tracker.forms import (
    ColourInput,
    DateInput,
    EvidenceFilesField,
    LinksField,
    OptimisticLockMixin,
    RecordForm,
    UniqueWithinMixin,
)
from yos_tracker.ranges import ORDERS


class ProgressUpdateForm(forms.Form):
    date = forms.DateField(widget=DateInput)
    status = forms.ModelChoiceField(queryset=RagStatus.objects.none(), empty_label=None, widget=forms.RadioSelect)
    narrative = forms.CharField(label="Activities to date", widget=forms.Textarea(attrs={"rows": 4}))
    files = EvidenceFilesField(
        label="Evidence files", help_text="PDF, Word, Excel, PowerPoint, images, CSV or text; 10 MB each."
    )
    links = LinksField(label="Evidence links", help_text="One web address per line.")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = RagStatus.objects.for_org(organisation).current()
        self.fields["status"].label_from_instance = lambda s: f"{s.label} — {s.meaning}" if s.meaning else s.label


class UpdateCorrectionForm(forms.Form):
    date = forms.DateField(widget=DateInput)
    status = forms.ModelChoiceField(queryset=RagStatus.objects.none(), empty_label=None, widget=forms.RadioSelect)
    narrative = forms.CharField(label="Activities to date", widget=forms.Textarea(attrs={"rows": 4}))
    reason = forms.CharField(label="Why the correction", max_length=100, help_text="Kept in the update's history.")

    def __init__(self, *args, organisation, current_status=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = RagStatus.objects.for_org(organisation).choosable(current_status)


class PlanApprovalForm(forms.Form):
    approved_by = forms.CharField(max_length=200, initial="Youth Justice Management Board")
    role = forms.CharField(
        max_length=200, required=False, help_text="Who signed for them, e.g. Chair of the management board."
    )
    approved_on = forms.DateField(label="Approved on", widget=DateInput)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="e.g. the minute.")


class InspectionForm(RecordForm):
    report_url = forms.URLField(label="Link to the published report", required=False, assume_scheme="https")

    class Meta:
        model = Inspection
        fields = [
            "framework",
            "inspection_type",
            "inspectorate",
            "fieldwork_start",
            "fieldwork_end",
            "published_on",
            "lead_inspector",
            "report_url",
            "overall_judgement",
            "overall_narrative",
            "strengths",
            "areas_for_improvement",
        ]
        widgets = {
            "fieldwork_start": DateInput,
            "fieldwork_end": DateInput,
            "published_on": DateInput,
            "overall_narrative": forms.Textarea(attrs={"rows": 3}),
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "areas_for_improvement": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        level, framework = cleaned.get("overall_judgement"), cleaned.get("framework")
        if level and framework and level.framework_id != framework.pk:
            self.add_error("overall_judgement", f"Choose a judgement of the framework “{framework}”.")
        if (
            framework
            and self.instance.pk
            and framework.pk != self.instance.framework_id
            and self.instance.judgements.exists()
        ):
            self.add_error("framework", "Its standards are rated on the present framework: clear those ratings first.")
        if framework and framework.is_scored:
            # HMIP adds the standards' ratings up to the overall rating: it is never typed.
            same = self.instance.pk and framework.pk == self.instance.framework_id
            cleaned["overall_judgement"] = self.instance.score().overall if same else None
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overall_judgement"].queryset = JudgementLevel.objects.select_related("framework")
        self.fields["overall_judgement"].label_from_instance = lambda lvl: f"{lvl.label} — {lvl.framework.name}"
        self.fields[
            "overall_judgement"
        ].help_text = (
            "For frameworks that score their standards (2018 on) this is computed from the standards' ratings."
        )


class StandardRatingsForm(forms.Form):
    """A rating and a note for each standard of a framework, grouped by domain: an inspection's
    judgements and a board's self-assessment are both entered on it. A standard left "Not rated"
    has no rating."""

    note_attr = "narrative"
    note_label = "what the inspectors found"

    def __init__(self, *args, framework, current=None, standards=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        self.framework = framework
        self.standards = list(framework.standards.all()) if standards is None else standards
        levels = framework.levels.all()
        for standard in self.standards:
            rated = current.get(standard.pk)
            self.fields[f"level_{standard.pk}"] = forms.ModelChoiceField(
                queryset=levels,
                required=False,
                empty_label="Not rated",
                label=f"{standard.code} {standard.title}",
                initial=rated.level_id if rated else None,
            )
            self.fields[f"note_{standard.pk}"] = forms.CharField(
                label=f"{standard.code}: {self.note_label}",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=getattr(rated, self.note_attr) if rated else "",
            )

    def clean(self):
        cleaned = super().clean()
        for standard in self.standards:
            rating = f"level_{standard.pk}"
            if rating in self.fields and cleaned.get(f"note_{standard.pk}") and not cleaned.get(rating):
                self.add_error(rating, "Give a rating, or clear the note.")
        return cleaned

    def extra_fields(self, standard) -> list:
        """Further fields shown under a standard's note (a self-assessment's evidence)."""
        return []

    def domains(self) -> list[tuple[str, list]]:
        """[(domain, [(standard, rating field or None, note field, further fields)])] for the template."""
        grouped: dict[str, list] = {}
        for standard in self.standards:
            level = f"level_{standard.pk}"
            grouped.setdefault(standard.domain, []).append(
                (
                    standard,
                    self[level] if level in self.fields else None,
                    self[f"note_{standard.pk}"],
                    self.extra_fields(standard),
                )
            )
        return list(grouped.items())

    def ratings(self) -> dict:
        """{standard: (level, note)} for every standard given a rating."""
        return {
            s: (self.cleaned_data[f"level_{s.pk}"], self.cleaned_data[f"note_{s.pk}"])
            for s in self.standards
            if self.cleaned_data.get(f"level_{s.pk}")
        }


class InspectionJudgementsForm(StandardRatingsForm):
    """An inspection's judgements: a rating and a note for each standard its framework rates, and
    strengths and areas for improvement, with no scale, for each it does not (a Short Quality
    Screening's themes, HMIP's letter to Southwark, seed 002)."""

    def __init__(self, *args, inspection, current=None, **kwargs):
        framework = inspection.framework
        super().__init__(
            *args,
            framework=framework,
            current=current,
            standards=framework.standards_for(inspection.inspection_type),
            **kwargs,
        )
        current = current or {}
        for standard in self.unrated:
            given = current.get(standard.pk)
            del self.fields[f"level_{standard.pk}"]
            self.fields[f"note_{standard.pk}"].label = f"{standard.code}: commentary"
            for part, label in (("strengths", "strengths"), ("areas_for_improvement", "areas for improvement")):
                self.fields[f"{part}_{standard.pk}"] = forms.CharField(
                    label=f"{standard.code}: {label}",
                    help_text="One per line.",
                    widget=forms.Textarea(attrs={"rows": 5}),
                    required=False,
                    initial=getattr(given, part) if given else "",
                )

    @property
    def unrated(self) -> list:
        return [s for s in self.standards if not s.rated]

    def extra_fields(self, standard) -> list:
        if standard.rated:
            return []
        return [self[f"strengths_{standard.pk}"], self[f"areas_for_improvement_{standard.pk}"]]

    def findings(self) -> dict:
        """{standard: (strengths, areas for improvement, note)} for each theme given no rating that has any."""
        found = {
            s: (
                self.cleaned_data[f"strengths_{s.pk}"],
                self.cleaned_data[f"areas_for_improvement_{s.pk}"],
                self.cleaned_data[f"note_{s.pk}"],
            )
            for s in self.unrated
        }
        return {s: texts for s, texts in found.items() if any(texts)}


class PlanForm(RecordForm):
    class Meta:
        model = ImprovementPlan
        fields = ["title", "inspection", "period_start", "period_end", "status", "approved_by", "stale_after_days"]
        widgets = {"period_start": DateInput, "period_end": DateInput}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspection"].queryset = Inspection.objects.for_org(organisation)


class NextStepsMixin(RecordForm):
    """A "next steps" box, one planned activity per line, saved through services.next_steps_set."""

    next_steps_text = forms.CharField(
        label="Next steps",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Planned activities for the next period, one per line.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["next_steps_text"].initial = "\n".join(s.text for s in self.instance.next_steps.all())

    def clean_next_steps_text(self) -> str:
        if len(self._next_steps()) > ORDERS.highest + 1:  # each takes the next place
            raise forms.ValidationError(f"Give at most {ORDERS.highest + 1:,} next steps.")
        return self.cleaned_data["next_steps_text"]

    def _next_steps(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["next_steps_text"].splitlines() if line.strip()]

    def _save_m2m(self):
        # Django calls this once the record itself is saved, so a new record has its id by now.
        super()._save_m2m()
        services.next_steps_set(owner=self.instance, texts=self._next_steps())


class RecommendationForm(UniqueWithinMixin, NextStepsMixin):
    unique_within = "plan"

    class Meta:
        model = Recommendation
        fields = ["kind", "reference", "addressed_to", "text", "theme", "theme_lead", "inspection", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "theme_lead": "Written for you when a board member is made this recommendation's theme lead on the "
            "board's page; type a lead here only if they do not sit on the board: it is kept, before the board's."
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspection"].queryset = Inspection.objects.for_org(organisation)
        if self.instance.pk is None and not self.is_bound:
            # A new recommendation most often answers the plan's own inspection and comes after the others.
            plan = self.instance.plan
            self.initial["inspection"] = plan.inspection_id
            self.initial["order"] = _next_recommendation_order(plan)


def _next_recommendation_order(plan: ImprovementPlan) -> int:
    last = plan.recommendations.aggregate(last=Max("order"))["last"]
    return ORDERS.nearest(1 if last is None else last + 1)


class ActionForm(OptimisticLockMixin, NextStepsMixin):
    class Meta:
        model = Action
        fields = [
            "recommendation",
            "reference",
            "description",
            "success_measure",
            "owner",
            "owner_name",
            "lead",
            "start_date",
            "due_date",
            "priority",
            "order",
        ]
        widgets = {
            "start_date": DateInput,
            "due_date": DateInput,
            "description": forms.Textarea(attrs={"rows": 3}),
            "success_measure": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = plan.recommendations.all()
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=plan.organisation)
            .order_by("last_name", "first_name")
        )
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username


class RagStatusForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = RagStatus
        fields = ["code", "label", "colour", "meaning", "is_complete", "is_off_track"]
        widgets = {"colour": ColourInput}
        help_texts = {
            "is_complete": "Actions in this status are done: never overdue or stale.",
            "is_off_track": "Actions in this status count as slipping in reports.",
        }


class ReminderSettingsForm(RecordForm):
    class Meta:
        model = ReminderSettings
        fields = ["enabled", "due_soon_days"]
        widgets = {"due_soon_days": forms.NumberInput(attrs={"min": 1, "max": 90})}
        help_texts = {"enabled": "Every Monday at 07:00, to each action owner who has an account."}
