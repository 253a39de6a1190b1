from django import forms

from governance.choices import AttendanceStatus, Rating
from governance.models import AgendaItem, BoardAction, BoardMember, CommitteeReport, Meeting, Risk
from governance.models.reports import BOARD_PACK_SECTIONS, NARRATIVES, SECTIONS, ReportKind
from improvement.models import RagStatus, Recommendation
from yos_tracker.forms import DateInput, OptimisticLockMixin, UniqueWithinMixin


class BoardMemberForm(forms.ModelForm):
    class Meta:
        model = BoardMember
        fields = ["name", "agency", "role", "statutory", "seniority", "start_date", "end_date", "theme_lead_for"]
        widgets = {"start_date": DateInput, "end_date": DateInput, "theme_lead_for": forms.CheckboxSelectMultiple}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_lead_for"].queryset = Recommendation.objects.for_org(organisation).select_related("plan")
        self.fields["theme_lead_for"].label_from_instance = lambda r: f"{r.reference}. {r.text[:90]}"


class MeetingForm(forms.ModelForm):
    agenda_text = forms.CharField(
        label="Agenda", widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One item per line."
    )

    class Meta:
        model = Meeting
        fields = ["date", "decisions"]
        widgets = {"date": DateInput, "decisions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        current = {a.member_id: a.status for a in self.instance.attendance.all()} if self.instance.pk else {}
        if self.instance.pk:
            self.fields["agenda_text"].initial = "\n".join(item.title for item in self.instance.agenda.all())
        for member in self.members:
            self.fields[f"attendance_{member.pk}"] = forms.ChoiceField(
                label=f"{member.name} ({member.get_agency_display()})",
                choices=[("", "—"), *AttendanceStatus.choices],
                required=False,
                initial=current.get(member.pk, ""),
            )

    def attendance(self) -> dict[int, str]:
        return {
            m.pk: self.cleaned_data[f"attendance_{m.pk}"]
            for m in self.members
            if self.cleaned_data.get(f"attendance_{m.pk}")
        }

    def clean_agenda_text(self) -> str:
        longest = AgendaItem._meta.get_field("title").max_length
        for number, line in enumerate(self._agenda_lines(self.cleaned_data["agenda_text"]), start=1):
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


class RiskForm(UniqueWithinMixin, OptimisticLockMixin, forms.ModelForm):
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


class SelfAssessmentForm(forms.Form):
    date = forms.DateField(widget=DateInput)
    title = forms.CharField(max_length=200)

    def __init__(self, *args, standards, initial_ratings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.standards = list(standards)
        initial_ratings = initial_ratings or {}
        for standard in self.standards:
            current = initial_ratings.get(standard.pk)
            self.fields[f"rating_{standard.pk}"] = forms.ChoiceField(
                label=f"{standard.code} {standard.title}",
                choices=Rating.choices,
                initial=current.rating if current else None,
            )
            self.fields[f"commentary_{standard.pk}"] = forms.CharField(
                label=f"{standard.code} commentary",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=current.commentary if current else "",
            )
            self.fields[f"evidence_{standard.pk}"] = forms.CharField(
                label=f"{standard.code} evidence (one link per line)",
                widget=forms.Textarea(attrs={"rows": 1}),
                required=False,
                initial=current.evidence if current else "",
            )


class CommitteeReportForm(forms.ModelForm):
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
            *[name for name, _ in NARRATIVES],
        ]
        widgets = {
            "meeting_date": DateInput,
            "period_start": DateInput,
            "period_end": DateInput,
            **{name: forms.Textarea(attrs={"rows": 3}) for name, _ in NARRATIVES},
        }

    def clean_sections(self):
        sections = self.cleaned_data["sections"]
        # A board pack with nothing ticked is the usual one: dashboard, plan status and risks.
        if not sections and self.data.get("kind") == ReportKind.BOARD_PACK:
            return list(BOARD_PACK_SECTIONS)
        return sections


class BoardActionForm(forms.ModelForm):
    class Meta:
        model = BoardAction
        fields = ["description", "owner", "due_date", "status", "meeting"]
        widgets = {"due_date": DateInput, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = RagStatus.objects.for_org(board.organisation)
        self.fields["meeting"].queryset = board.meetings.all()
        self.fields["meeting"].required = False
