import re
from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator

from governance.choices import Agency, AttendanceStatus
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardAction,
    BoardMember,
    CommitteeReport,
    LogicModel,
    LogicOutcome,
    LogicOutcomeReview,
    Meeting,
    PartnerContribution,
    PlanSignOff,
    Risk,
)
from governance.models.reports import (
    BOARD_PACK_SECTIONS,
    NARRATIVES,
    SECTIONS,
    YJ_PLAN_HEADINGS,
    YJ_PLAN_SECTIONS,
    ReportKind,
)
from governance.report_services import YJ_PLAN_COMMITTEE, plan_dates
from governance.services import AttendanceEntry
from improvement.forms import StandardRatingsForm
from improvement.models import Inspection, RagStatus, Recommendation
from performance.models import Indicator
from yos_tracker.dates import refuse_future
from yos_tracker.forms import (
    ColourInput,
    DateInput,
    OptimisticLockMixin,
    RecordForm,
    RecordsField,
    UniqueWithinMixin,
)
from yos_tracker.ranges import DATES, ORDERS


class BoardMemberForm(RecordForm):
    class Meta:
        model = BoardMember
        fields = ["name", "agency", "role", "statutory", "seniority", "start_date", "end_date", "theme_lead_for"]
        widgets = {"start_date": DateInput, "end_date": DateInput, "theme_lead_for": forms.CheckboxSelectMultiple}
        field_classes = {"theme_lead_for": RecordsField}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_lead_for"].queryset = Recommendation.objects.for_org(organisation).select_related("plan")
        self.fields["theme_lead_for"].label_from_instance = lambda r: f"{r.reference}. {r.text[:90]}"


class MeetingForm(RecordForm):
    """A meeting's date, agenda and decisions; its attendance is taken on the meeting's page."""

    agenda_text = forms.CharField(
        label="Agenda", widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One item per line."
    )

    class Meta:
        model = Meeting
        fields = ["date", "decisions"]
        widgets = {"date": DateInput, "decisions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["agenda_text"].initial = "\n".join(item.title for item in self.instance.agenda.all())

    def clean_agenda_text(self) -> str:
        longest = AgendaItem._meta.get_field("title").max_length
        items = self._agenda_lines(self.cleaned_data["agenda_text"])
        if len(items) > ORDERS.highest + 1:  # each takes the next place
            raise forms.ValidationError(f"An agenda holds at most {ORDERS.highest + 1:,} items.")
        for number, line in enumerate(items, start=1):
            if len(line) > longest:
                raise forms.ValidationError(
                    f"Agenda item {number} has {len(line)} characters; an item holds at most {longest}."
                )
        return self.cleaned_data["agenda_text"]

    def agenda(self) -> list[str]:
        return self._agenda_lines(self.cleaned_data["agenda_text"])

    @staticmethod
    def _agenda_lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]


class AttendanceForm(forms.Form):
    """A meeting's attendance, one place per member (selectors.meeting_places): their status, the
    deputy they sent, and for the senior partners KPI 7 counts, whether they brought data
    identifying disproportionality. A hidden fingerprint of the attendance as opened
    (services.attendance_state) lets a colleague's later save refuse this one rather than be lost."""

    state = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, places, state: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        self.fields["state"].initial = state
        deputy_max = Attendance._meta.get_field("deputy_name").max_length
        for place in places:
            member, recorded = place.member, place.attendance
            pk = member.pk
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label="Attendance",
                choices=[("", "Not recorded"), *AttendanceStatus.choices],
                required=False,
                initial=recorded.status if recorded else "",
            )
            self.fields[f"deputy_name_{pk}"] = forms.CharField(
                label="Deputy's name",
                max_length=deputy_max,
                required=False,
                initial=recorded.deputy_name if recorded else "",
            )
            self.fields[f"deputy_agency_{pk}"] = forms.ChoiceField(
                label="Deputy's agency",
                choices=[("", "The member's own"), *Agency.choices],
                required=False,
                initial=recorded.deputy_agency if recorded else "",
            )
            if Agency(member.agency).counts_for_kpi7:
                self.fields[f"data_{pk}"] = forms.BooleanField(
                    label="Brought data from their agency identifying disproportionality (KPI 7)",
                    required=False,
                    initial=bool(recorded and recorded.shared_disproportionality_data),
                )

    def rows(self):
        """Each place with its bound fields, for the template."""
        for place in self.places:
            pk = place.member.pk
            yield {
                "place": place,
                "status": self[f"status_{pk}"],
                "deputy_name": self[f"deputy_name_{pk}"],
                "deputy_agency": self[f"deputy_agency_{pk}"],
                "data": self[f"data_{pk}"] if f"data_{pk}" in self.fields else None,
            }

    def clean(self):
        cleaned = super().clean()
        for place in self.places:
            pk = place.member.pk
            status = cleaned.get(f"status_{pk}")
            recorded = place.attendance
            # A deputy recorded before deputies were named (no name kept) may stay as it was.
            unnamed_before = (
                recorded is not None and recorded.status == AttendanceStatus.DEPUTY and not recorded.deputy_name
            )
            if status == AttendanceStatus.DEPUTY and not cleaned.get(f"deputy_name_{pk}") and not unnamed_before:
                self.add_error(f"deputy_name_{pk}", "Give the name of the deputy who came in their place.")
            if cleaned.get(f"data_{pk}") and not status:
                self.add_error(f"status_{pk}", "Record their attendance, or untick the data.")
        return cleaned

    def entries(self) -> dict:
        """The places recorded, as services.attendance_record takes them."""
        return {
            place.member.pk: AttendanceEntry(
                status=self.cleaned_data[f"status_{place.member.pk}"],
                deputy_name=self.cleaned_data[f"deputy_name_{place.member.pk}"],
                deputy_agency=self.cleaned_data[f"deputy_agency_{place.member.pk}"],
                shared_data=bool(self.cleaned_data.get(f"data_{place.member.pk}")),
            )
            for place in self.places
            if self.cleaned_data.get(f"status_{place.member.pk}")
        }

    def offered(self) -> frozenset[int]:
        return frozenset(place.member.pk for place in self.places)


class RiskForm(UniqueWithinMixin, OptimisticLockMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = Risk
        fields = [
            "number",
            "raised_on",
            "title",
            "description",
            "owner",
            "category",
            "inherent_likelihood",
            "inherent_impact",
            "mitigations",
            "residual_likelihood",
            "residual_impact",
            "target_score",
            "review_every_days",
            "status",
            "status_commentary",
        ]
        widgets = {
            "raised_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 3}),
            "mitigations": forms.Textarea(attrs={"rows": 3}),
            "status_commentary": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [(i, f"{i} — {name}") for i, name in enumerate(matrix.levels, start=1)]
        for name in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"):
            self.fields[name] = forms.TypedChoiceField(
                choices=levels, coerce=int, label=self.fields[name].label.capitalize()
            )


class RiskReviewForm(forms.Form):
    date = forms.DateField(widget=DateInput)
    commentary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [(i, f"{i} — {name}") for i, name in enumerate(matrix.levels, start=1)]
        for name, label in [
            ("inherent_likelihood", "Likelihood before mitigation"),
            ("inherent_impact", "Impact before mitigation"),
            ("residual_likelihood", "Likelihood after mitigation"),
            ("residual_impact", "Impact after mitigation"),
        ]:
            self.fields[name] = forms.TypedChoiceField(choices=levels, coerce=int, label=label)
        self.order_fields(
            ["date", "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact", "commentary"]
        )


class SelfAssessmentForm(StandardRatingsForm):
    """A board's self-assessment: the shared per-standard ratings, with evidence, a date, a title
    and the inspection (same service, same framework) it is set beside."""

    note_attr = "commentary"
    note_label = "commentary"

    date = forms.DateField(widget=DateInput, validators=DATES.validators)
    title = forms.CharField(max_length=200)
    inspection = forms.ModelChoiceField(
        queryset=Inspection.objects.none(),
        required=False,
        empty_label="None",
        label="Set beside the inspection",
        help_text="Its ratings of the same standards are shown next to the board's.",
    )

    def __init__(self, *args, organisation, framework, current=None, **kwargs):
        super().__init__(*args, framework=framework, current=current, **kwargs)
        current = current or {}
        self.fields["inspection"].queryset = Inspection.objects.for_org(organisation).filter(framework=framework)
        for standard in self.standards:
            rated = current.get(standard.pk)
            self.fields[f"evidence_{standard.pk}"] = forms.CharField(
                label=f"{standard.code}: evidence (one link per line)",
                widget=forms.Textarea(attrs={"rows": 1}),
                required=False,
                initial=rated.evidence if rated else "",
            )
        self.order_fields(["date", "title", "inspection"])

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(f"level_{s.pk}") for s in self.standards):
            raise forms.ValidationError("Rate at least one standard.")
        return cleaned

    def extra_fields(self, standard) -> list:
        return [self[f"evidence_{standard.pk}"]]

    def ratings(self) -> dict:
        """{standard: (level, commentary, evidence)} for every standard given a rating."""
        return {
            standard: (level, note, self.cleaned_data[f"evidence_{standard.pk}"])
            for standard, (level, note) in super().ratings().items()
        }


class CommitteeReportForm(RecordForm):
    sections = forms.MultipleChoiceField(
        choices=SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Sections and appendices to include",
    )

    class Meta:
        model = CommitteeReport
        fields = [
            "kind",
            "committee",
            "meeting_date",
            "item_number",
            "title",
            "report_class",
            "key_decision",
            "wards",
            "contributors",
            "contact_officer",
            "period_start",
            "period_end",
            "sections",
            "leave_out_indicators_without_values",
            *[name for name, _ in NARRATIVES],
        ]
        widgets = {
            "meeting_date": DateInput,
            "period_start": DateInput,
            "period_end": DateInput,
            **{name: forms.Textarea(attrs={"rows": 3}) for name, _ in NARRATIVES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A youth justice plan has its own form (YouthJusticePlanForm).
        self.fields["kind"].choices = [(k, label) for k, label in ReportKind.choices if k != ReportKind.YJ_PLAN]

    def clean_sections(self):
        sections = self.cleaned_data["sections"]
        # A board pack with nothing ticked is the usual one: dashboard, plan status and risks.
        if not sections and self.data.get("kind") == ReportKind.BOARD_PACK:
            return list(BOARD_PACK_SECTIONS)
        return sections


class BoardActionForm(RecordForm):
    class Meta:
        model = BoardAction
        fields = ["description", "owner", "due_date", "status", "meeting"]
        widgets = {"due_date": DateInput, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = RagStatus.objects.for_org(board.organisation).choosable(
            self.instance.status if self.instance.status_id else None
        )
        self.fields["meeting"].queryset = board.meetings.all()
        self.fields["meeting"].required = False


# --- Settings --------------------------------------------------------------------------------------


class RiskMatrixForm(forms.Form):
    levels = forms.CharField(
        label="Levels, lowest first",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line: three (Low, Medium, High) for a 3×3 matrix, five for a 5×5. Both "
        "likelihood and impact use them.",
    )
    # Set by the page that showed what a change of size does to the register; see risk_matrix_change.
    confirmation = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_levels(self) -> str:
        levels = self._names(self.cleaned_data["levels"])
        if len(levels) not in (3, 5):
            raise forms.ValidationError("Give three levels (a 3×3 matrix) or five (a 5×5 matrix).")
        if len({name.lower() for name in levels}) != len(levels):
            raise forms.ValidationError("Each level needs a name of its own.")
        return self.cleaned_data["levels"]

    def level_names(self) -> list[str]:
        """The levels given, lowest first (once the form is valid)."""
        return self._names(self.cleaned_data["levels"])

    @staticmethod
    def _names(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]


class RiskBandForm(forms.Form):
    lowest = forms.IntegerField(min_value=1, max_value=25)
    highest = forms.IntegerField(min_value=1, max_value=25)
    label = forms.CharField(max_length=40)
    colour = forms.CharField(max_length=7, widget=ColourInput, initial="#000000")  # a colour input always posts one

    def clean_colour(self) -> str:
        colour = self.cleaned_data["colour"]
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
            raise forms.ValidationError("Give a colour such as #00703c.")
        return colour


RiskBandFormSet = forms.formset_factory(RiskBandForm, extra=1, can_delete=True, min_num=1, validate_min=True)


class ContributionForm(RecordForm):
    class Meta:
        model = PartnerContribution
        fields = ["agency", "staffing", "payments_in_kind", "other_delegated"]
        labels = {
            "staffing": "Staffing costs (£)",
            "payments_in_kind": "Payments in kind (£)",
            "other_delegated": "Other delegated funds (£)",
        }

    AMOUNTS = ("staffing", "payments_in_kind", "other_delegated")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.AMOUNTS:
            field = self.fields[name]
            field.required = False  # an amount left empty is nothing from that source
            field.validators.append(MinValueValidator(0))
            field.error_messages["invalid"] = "Give an amount in pounds, such as 125000 or 125000.50."
            if not self.instance.pk:
                self.initial[name] = None  # so that a row left as it came is skipped, not refused

    def clean(self):
        data = super().clean()
        for name in self.AMOUNTS:
            if name in data and data[name] is None:
                data[name] = Decimal(0)
        return data


class ContributionYearForm(forms.Form):
    year = forms.RegexField(
        regex=r"^\d{4}/\d{2}$",
        label="Financial year",
        help_text="e.g. 2019/20",
        error_messages={"invalid": "Give the financial year as 2019/20."},
    )

    def clean_year(self) -> str:
        year = self.cleaned_data["year"]
        first, second = int(year[:4]), int(year[5:])
        if (first + 1) % 100 != second:
            raise forms.ValidationError(f"{year} is not a financial year: 2019/20 runs from April 2019 to March 2020.")
        return year


class BoardForm(UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = Board
        fields = ["name", "parent", "terms_of_reference", "terms_of_reference_review", "member_order"]
        widgets = {
            "terms_of_reference": forms.Textarea(attrs={"rows": 5}),
            "terms_of_reference_review": DateInput,
            "member_order": forms.RadioSelect,
        }
        labels = {"parent": "A sub-group of"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        boards = Board.objects.for_org(self.instance.organisation).filter(parent__isnull=True)
        self.fields["parent"].queryset = boards.exclude(pk=self.instance.pk) if self.instance.pk else boards
        self.fields["parent"].empty_label = "None: this is the management board"
        self.fields["member_order"].required = False  # left out, a board keeps its order (new: as added)

    def clean_member_order(self) -> str:
        return self.cleaned_data.get("member_order") or self.instance.member_order


class _ContributionRows(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        agencies = [
            f.cleaned_data["agency"].strip().lower()
            for f in self.forms
            if f.cleaned_data.get("agency") and not f.cleaned_data.get("DELETE")
        ]
        duplicates = sorted({a for a in agencies if agencies.count(a) > 1})
        if duplicates:
            raise forms.ValidationError(f"Give each agency once: {', '.join(duplicates)} appears more than once.")


ContributionFormSet = forms.modelformset_factory(
    PartnerContribution, form=ContributionForm, formset=_ContributionRows, extra=3, can_delete=True
)


# What each heading's records are, as the plan's form tells its author.
PLAN_RECORDS = {
    "board": "the board's members by agency and their attendance (KPI 7)",
    "budget": "the pooled budget by agency, this year and last, with the staffing share",
    "improvement": "the improvement plan's actions and their statuses",
    "performance": "the dashboard, its charts and the live tracker",
    "assessment": "the self-assessment then in force",
    "logic_models": "the logic models and their outcomes' ratings",
    "risks": "the risk register and its heat maps",
    "sign_off": "who agreed, submitted and endorsed the plan, and when",
    "structure_chart": "the board's members by agency above the service's teams and their posts",
    "staffing": "the staffing profile: posts by team and role, FTE, and the holders by sex and ethnicity",
}


class YouthJusticePlanForm(RecordForm):
    """A youth justice plan's definition: its year, its date (the figures are as they stood then)
    and a narrative under each of the YJB's headings."""

    class Meta:
        model = CommitteeReport
        fields = ["plan_year", "meeting_date", "title", "contact_officer", "leave_out_indicators_without_values"]
        labels = {"plan_year": "Plan year", "meeting_date": "Plan date"}
        help_texts = {
            "plan_year": "The year the plan starts: 2019 is the plan for 2019/20.",
            "meeting_date": "The day the plan's figures are taken from; plans are due to the YJB by 30 June.",
        }
        widgets = {"meeting_date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_year"].required = True
        text = self.instance.plan_text or {}
        for code, title, records in YJ_PLAN_HEADINGS:
            help_text = f"Added beside it from the records: {PLAN_RECORDS[records]}." if records else ""
            self.fields[f"text_{code}"] = forms.CharField(
                label=title,
                required=False,
                initial=text.get(code, ""),
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def clean(self):
        data = super().clean()
        year, day = data.get("plan_year"), data.get("meeting_date")
        if year and day and not (year - 1 <= day.year <= year + 1):
            self.add_error("meeting_date", f"A plan for {year}/{(year + 1) % 100:02d} is dated in or near that year.")
        organisation = self.instance.organisation
        if year and (
            CommitteeReport.objects.for_org(organisation)
            .filter(kind=ReportKind.YJ_PLAN, plan_year=year)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("plan_year", "This service already has a plan for that year: open it from Reports.")
        return data

    def save(self, commit=True):
        plan = super().save(commit=False)
        plan.kind = ReportKind.YJ_PLAN
        plan.committee = YJ_PLAN_COMMITTEE
        plan.sections = list(YJ_PLAN_SECTIONS)
        plan.plan_text = {code: self.cleaned_data[f"text_{code}"] for code, _, _ in YJ_PLAN_HEADINGS}
        for field, value in plan_dates(year=plan.plan_year, plan_date=plan.meeting_date).items():
            setattr(plan, field, value)
        if commit:
            plan.save()
        return plan


class SignOffForm(RecordForm):
    class Meta:
        model = PlanSignOff
        fields = ["step", "date", "name", "role"]
        widgets = {"date": DateInput, "step": forms.HiddenInput}


class LogicModelForm(OptimisticLockMixin, UniqueWithinMixin, RecordForm):
    unique_within = "organisation"

    class Meta:
        model = LogicModel
        fields = ["name", "aim", "inputs", "activities", "outputs", "note"]
        widgets = {field: forms.Textarea(attrs={"rows": 4}) for field in ("inputs", "activities", "outputs")}


class LogicOutcomeForm(RecordForm):
    indicators = RecordsField(
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Indicators the service tracks that evidence it: their latest RAG is shown beside it. "
        "Hold Ctrl (or ⌘) to choose more than one.",
    )

    class Meta:
        model = LogicOutcome
        fields = ["term", "text", "order", "indicators"]

    def __init__(self, *args, model, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.model = model
        linked = self.instance.indicators.all() if self.instance.pk else Indicator.objects.none()
        tracked = Indicator.objects.filter(tracked_by__organisation=model.organisation)
        self.fields["indicators"].queryset = (tracked | linked).distinct()


class LogicOutcomeReviewForm(RecordForm):
    class Meta:
        model = LogicOutcomeReview
        fields = ["date", "status", "note"]
        widgets = {
            "date": DateInput(attrs={"class": "form-control form-control-sm"}),
            "status": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "note": forms.Textarea(attrs={"rows": 1, "class": "form-control form-control-sm"}),
        }
        labels = {"status": "RAG rating", "note": "Why"}

    def __init__(self, *args, outcome, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.outcome = outcome
        kept = [self.instance.status] if self.instance.status_id else []
        self.fields["status"].queryset = RagStatus.objects.for_org(outcome.model.organisation).choosable(*kept)

    def clean_date(self):
        day = self.cleaned_data["date"]
        try:
            refuse_future(day, what="A rating")
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return day
