"""Every form of the project under hostile input, generated: empty and missing fields, unicode and
control characters, 10,000-character text, formulas, HTML and script, numbers and dates that are
not, repeated keys, and files that are not what they say.

Input arrives as a browser posts it: a QueryDict of strings (a field left out is a missing key,
a list is the key repeated) and uploaded files. For every form, is_valid() answers without
raising; a refusal names every problem in words; an accepted form has cleaned values of the
field's type, and what the view then does with it (save, or call a service) either succeeds and
stores the text whole or is refused with a message the view shows beside the field. A new form
class anywhere in the project fails test_every_form_of_the_project_is_in_the_table until it is
added to FORMS.
"""

import contextlib
import datetime
import decimal
import importlib
import inspect
import io
import pkgutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import openpyxl
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from governance import report_services
from governance import selectors as governance_selectors
from governance import services as governance_services
from governance import spreadsheet as risk_spreadsheet
from governance.choices import Agency
from governance.forms import (
    AttendanceForm,
    BoardActionForm,
    BoardForm,
    BoardMemberForm,
    CommitteeReportForm,
    ContributionForm,
    ContributionYearForm,
    LogicModelForm,
    LogicOutcomeForm,
    LogicOutcomeReviewForm,
    MeetingForm,
    RiskBandForm,
    RiskForm,
    RiskMatrixForm,
    RiskReviewForm,
    SelfAssessmentForm,
    SignOffForm,
    YouthJusticePlanForm,
)
from governance.models import (
    Board,
    BoardMember,
    CommitteeReport,
    LogicModel,
    LogicOutcome,
    PartnerContribution,
    Risk,
    StaffPost,
)
from governance.models.board import BoardAction, Meeting
from governance.models.reports import ReportKind
from governance.staffing_forms import StaffPostForm
from governance.tests.factories import RiskFactory
from improvement import services as improvement_services
from improvement import spreadsheet as plan_spreadsheet
from improvement.forms import (
    ActionForm,
    InspectionForm,
    InspectionJudgementsForm,
    PlanApprovalForm,
    PlanForm,
    ProgressUpdateForm,
    RagStatusForm,
    RecommendationForm,
    ReminderSettingsForm,
    StandardRatingsForm,
    UpdateCorrectionForm,
)
from improvement.models import (
    Action,
    ImprovementPlan,
    Inspection,
    InspectionFramework,
    ProgressUpdate,
    RagStatus,
    Recommendation,
    ReminderSettings,
)
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from onboarding import services as onboarding_services
from onboarding.admin import OrganisationAddForm
from onboarding.forms import NewServiceForm, SetupChoicesForm, WorkbookForm
from onboarding.services import organisation_create
from performance import kpi_return
from performance import services as performance_services
from performance import spreadsheet as performance_spreadsheet
from performance.forms import (
    AuditGradeForm,
    CaseAuditForm,
    CaseForm,
    CohortForm,
    ComparatorForm,
    IndicatorsTrackForm,
    JudgementForm,
    KpiReturnForm,
    LocalIndicatorForm,
    MeasurementRowForm,
    OutcomeForm,
    OutcomeKindForm,
    RatingStepForm,
    ReoffenceForm,
    TargetForm,
)
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Comparator,
    Indicator,
    Measurement,
    OutcomeKind,
    QualifyingOutcome,
    RatingStep,
    Target,
)
from performance.tests.factories import outcome_kind
from yos_tracker import services as core_services
from yos_tracker.forms import (
    ApiTokenForm,
    EvidenceFilesField,
    LinksField,
    MembershipAddForm,
    MembershipRolesForm,
    PersonForm,
    RegionalGrantForm,
    apply_validation_error,
)
from yos_tracker.import_views import ImportForm
from yos_tracker.models import Membership
from yos_tracker.spreadsheets import sheet_names

pytestmark = pytest.mark.django_db

QUICK = settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PROJECT = ("governance", "improvement", "performance", "yos_tracker", "onboarding")

# --- What hostile people post ------------------------------------------------------------------

HUGE = "x" * 10_001
HOSTILE = st.one_of(
    st.sampled_from(["", "   ", "\x00", "\u202e\u200b", HUGE, "ü" * 12_000, "<script>alert(1)</script>"]),
    st.just('=HYPERLINK("http://evil.example","click")'),
    st.just('"><img src=x onerror=alert(1)>'),
    st.text(max_size=200),  # every unicode category but surrogates, control characters included
    st.text(alphabet="=+-@\t\r\n'\"<>&;,%\\", max_size=20),
    st.sampled_from(["0", "-1", "1e308", "-1e308", "9" * 40, "NaN", "Infinity", "-0", "1.5", "½", "٣", "0x10", "1_0"]),
    st.sampled_from(["31/02/2017", "2017-13-01", "9999-12-31", "0001-01-01", "10000-01-01", "29/02/2017", "today"]),
    st.integers().map(str),
    st.floats().map(str),
    st.dates().map(str),
)
POSTED = st.one_of(st.none(), HOSTILE.map(lambda v: [v]), st.lists(HOSTILE, min_size=2, max_size=3))
SPECIAL_TEXT = ["<script>alert(1)</script>", '=HYPERLINK("http://evil.example","x")', "Zoë’s “plan” — ✓", "\u202e"]


def _text(max_length: int | None) -> st.SearchStrategy[str]:
    """Text a person could type (NUL comes with the hostile values): unicode, markup, formulas."""
    size = min(60, max_length or 60)
    typed = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=size)
    return st.one_of(typed, st.sampled_from([t for t in SPECIAL_TEXT if len(t) <= size]))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:  # a worksheet cannot hold control characters
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FILE_NAMES = st.sampled_from(
    [
        *["register.xlsx", "plan.csv", "evidence.pdf", "photo.PNG", "notes.txt", "tool.exe", "noextension"],
        *["ü.docx", "a" * 300 + ".pdf", "../../etc/passwd.csv", ".xlsx"],
    ]
)
FILE_CONTENTS = st.one_of(
    st.binary(max_size=3000),
    st.sampled_from([b"", b"%PDF-1.7 a pdf", b"PK\x03\x04 not really a zip", b"\x00\x01\x02binary"]),
    st.just(_zip({"hello.txt": b"a zip, not a workbook"})),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.lists(st.lists(st.one_of(st.none(), st.text(max_size=30), st.integers()), max_size=6), max_size=4).map(
        _workbook
    ),
)
UPLOADS = st.lists(st.builds(SimpleUploadedFile, FILE_NAMES, FILE_CONTENTS), max_size=2)


def _choices(field) -> list[str]:
    values = []
    for key, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values += [str(k) for k, _ in label]
        else:
            values.append(str(key))
    return [v for v in values if v != ""]


def _plausible(field: forms.Field) -> st.SearchStrategy:
    """What a person could post in this field, as the list of strings of a QueryDict (None: left
    out). Often valid, so that forms get accepted and saved as well as refused."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        choices = _choices(field)
        return st.lists(st.sampled_from(choices), max_size=3, unique=True) if choices else st.just([])
    if isinstance(field, forms.ChoiceField):  # ModelChoiceField and TypedChoiceField too
        choices = _choices(field)
        return st.sampled_from(choices).map(lambda v: [v]) if choices else st.just([""])
    if isinstance(field, forms.BooleanField):
        return st.sampled_from([["on"], None])
    if isinstance(field, forms.DateField):
        dates = st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))
        return st.one_of(dates.map(lambda d: [d.isoformat()]), dates.map(lambda d: [f"{d:%d/%m/%Y}"]))
    if isinstance(field, forms.DecimalField):
        largest = 10 ** (field.max_digits - field.decimal_places) - 1
        lowest = -largest if field.min_value is None else field.min_value
        numbers = st.decimals(min_value=lowest, max_value=largest, places=2, allow_nan=False, allow_infinity=False)
        return st.one_of(numbers.map(lambda d: [str(d)]), st.just([""]))
    if isinstance(field, forms.IntegerField):
        return st.integers(min_value=-5, max_value=1000).map(lambda i: [str(i)])
    if isinstance(field, forms.EmailField):
        long_address = f"{'a' * 64}@{'b' * 60}.{'c' * 60}.example.org"  # 200 characters, valid
        return st.one_of(st.emails().map(lambda e: [e]), st.just([long_address]))
    if isinstance(field, forms.URLField):
        return st.sampled_from([["https://example.org/report.pdf"], ["example.org"], ["https://e.org/" + "p" * 250]])
    if isinstance(field, LinksField):
        return st.sampled_from(
            [["https://example.org/a\r\nhttp://example.org/b"], ["https://sharepoint.example/" + "p" * 250], [""]]
        )
    if field.max_length is None:  # a text column: long narratives are stored whole
        return st.one_of(_text(None), st.just(HUGE)).map(lambda t: [t])
    return _text(field.max_length).map(lambda t: [t])


def _as_posted(value) -> list[str] | None:
    """A field's initial value as the browser posts it back."""
    if value is None or value is False or value == "":
        return None
    if value is True:
        return ["on"]
    if isinstance(value, datetime.date):
        return [value.isoformat()]
    if isinstance(value, list | tuple | QuerySet):
        return [str(getattr(v, "pk", v)) for v in value]
    return [str(getattr(value, "pk", value))]


def _posted(form: forms.BaseForm, typed: dict[str, st.SearchStrategy]) -> st.SearchStrategy:
    """(data, files) for a form: a plausible value for every field (often what the form showed,
    as when a person edits one thing), then a few made hostile."""
    fields = {form.add_prefix(name): (field, form[name].value()) for name, field in form.fields.items()}
    files = [n for n, (f, _) in fields.items() if isinstance(f, forms.FileField)]
    data = {}
    for name, (field, shown) in fields.items():
        if name not in files:
            again = _as_posted(shown)
            if name in typed:
                data[name] = typed[name].map(lambda t: [t])
            elif again and field.widget.is_hidden:  # a version the form carries: sent back as it came
                data[name] = st.just(again)
            elif again:
                data[name] = st.one_of(st.just(again), _plausible(field))
            else:
                data[name] = _plausible(field)
    hostile = st.dictionaries(st.sampled_from(sorted(data)), POSTED, max_size=3) if data else st.just({})
    return st.tuples(
        st.fixed_dictionaries(data).flatmap(lambda base: hostile.map(lambda bad: {**base, **bad})),
        st.fixed_dictionaries({n: UPLOADS for n in files}),
    )


def _query(data: dict[str, str | list[str] | None]) -> QueryDict:
    """Data as a browser posts it: a list is the key repeated, None or [] the key left out."""
    query = QueryDict(mutable=True)
    for name, values in data.items():
        if values:
            query.setlist(name, values if isinstance(values, list) else [values])
    return query


def _bind(form_class, kwargs: dict, data: dict, files: dict) -> forms.BaseForm:
    return form_class(_query(data), MultiValueDict({n: u for n, u in files.items() if u}), **kwargs)


# --- What a valid form's cleaned values must be -----------------------------------------------


def _no_nul(value) -> bool:
    return isinstance(value, str) and "\x00" not in value


def _offered(field, value) -> bool:
    return str(value) in _choices(field)


# (field class, check of a valid form's cleaned value), the most specific class first.
CLEANED_TYPES: list[tuple[type, Callable[[forms.Field, object], bool]]] = [
    (forms.ModelMultipleChoiceField, lambda f, v: isinstance(v, QuerySet) and all(_offered(f, o.pk) for o in v)),
    (forms.ModelChoiceField, lambda f, v: (v is None and not f.required) or _offered(f, v.pk)),
    (forms.TypedChoiceField, lambda f, v: (v == f.empty_value and not f.required) or _offered(f, v)),
    (forms.MultipleChoiceField, lambda f, v: isinstance(v, list) and all(_offered(f, i) for i in v)),
    (forms.ChoiceField, lambda f, v: isinstance(v, str) and (_offered(f, v) or (v == "" and not f.required))),
    (forms.DateField, lambda f, v: (v is None and not f.required) or type(v) is datetime.date),
    (forms.DecimalField, lambda f, v: v is None or (isinstance(v, decimal.Decimal) and v.is_finite())),
    (forms.IntegerField, lambda f, v: v is None or (isinstance(v, int) and not isinstance(v, bool))),
    (forms.BooleanField, lambda f, v: isinstance(v, bool)),
    (EvidenceFilesField, lambda f, v: isinstance(v, list) and all(isinstance(u, UploadedFile) for u in v)),
    (forms.FileField, lambda f, v: v is None or isinstance(v, UploadedFile)),
    (LinksField, lambda f, v: isinstance(v, list) and all(_no_nul(link) and link.strip() == link for link in v)),
    (forms.CharField, lambda f, v: _no_nul(v)),  # EmailField and URLField too
]


def _cleaned_type_is_right(field: forms.Field, value) -> bool:
    return next(check for kind, check in CLEANED_TYPES if isinstance(field, kind))(field, value)


# --- The objects forms need, and what each view does with a valid form --------------------------


@pytest.fixture
def world(organisation, manager, officer):
    """One of each record the forms edit or hang from, in the organisation of the conftest people."""
    RagStatus.objects.install(organisation)
    AuditGrade.objects.install(organisation)
    RatingStep.objects.install(organisation)
    matrix = governance_services.risk_matrix_install(organisation=organisation)
    board = Board.objects.create(organisation=organisation, name="Youth Justice Management Board")
    for name, agency in [("Chair", Agency.INDEPENDENT_CHAIR), ("Police lead", Agency.POLICE)]:
        BoardMember.objects.create(board=board, name=name, agency=agency)
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan))
    framework = InspectionFramework.objects.order_by("pk").first()
    return SimpleNamespace(
        organisation=organisation,
        manager=manager,
        officer_membership=Membership.objects.get(user=officer, organisation=organisation),
        matrix=matrix,
        risk=RiskFactory(organisation=organisation, number=1),
        board=board,
        plan=plan,
        action=action,
        update=UpdateFactory(action=action),
        inspection=Inspection.objects.create(
            organisation=organisation, framework=framework, inspection_type="full_joint"
        ),
        framework_2018=InspectionFramework.objects.get(code="hmip-2018"),
        ratio=Indicator.objects.get(code="FTE_RATE"),  # × 100,000
        count=Indicator.objects.get(code="CUSTODY_COUNT"),
        case=_tracked_case(organisation),
        yj_plan=CommitteeReport.objects.create(
            organisation=organisation,
            kind=ReportKind.YJ_PLAN,
            committee="Youth Justice Board",
            plan_year=2019,
            title="Youth Justice Plan 2019/20",
            meeting_date=datetime.date(2019, 6, 30),
            period_start=datetime.date(2018, 4, 1),
            period_end=datetime.date(2019, 6, 30),
        ),
        logic_outcome=LogicOutcome.objects.create(
            model=LogicModel.objects.create(organisation=organisation, name="Intake team"), text="Every child screened"
        ),
    )


def _tracked_case(organisation):
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")
    QualifyingOutcome.objects.create(case=case, date=datetime.date(2017, 1, 10), kind=outcome_kind(organisation))
    return case


def _fresh(record: models.Model) -> models.Model:
    """The record as stored: a save rolled back at the end of one example must not reach the next
    through an object in memory (a version already raised, fields already changed)."""
    return type(record)._base_manager.get(pk=record.pk)


@dataclass(frozen=True)
class Spec:
    """How a view builds a form (constructor arguments besides the data) and what it does with a
    valid one, returning the record it wrote, if any. `refusable`: the view shows a ValidationError
    from submit beside the form; anything else it raises is a server error."""

    build: Callable[[SimpleNamespace], dict]
    submit: Callable[[forms.BaseForm, SimpleNamespace], object] | None = None
    refusable: bool = False
    name: str = ""
    typed: tuple[tuple[str, st.SearchStrategy], ...] = ()  # what people type in fields with a format


def _save(form, w):
    return form.save()


def _membership_add(form, w):
    member = core_services.membership_add(organisation=w.organisation, **form.cleaned_data)
    user = type(member.user)._base_manager.get(pk=member.user.pk)
    assert (user.first_name, user.last_name) == (form.cleaned_data["first_name"], form.cleaned_data["last_name"])
    return member


def _meeting_save(form, w):
    meeting = governance_services.meeting_save(meeting=form.save(commit=False), agenda=form.agenda())
    governance_services.board_attendance_record(organisation=w.organisation, period=meeting.date, user=w.manager)
    assert list(meeting.agenda.values_list("title", flat=True)) == form.agenda()  # every item, whole
    return meeting


def _attendance_of(w):
    meeting, _ = Meeting.objects.get_or_create(board=w.board, date=datetime.date(2019, 6, 12))
    places = governance_selectors.meeting_places(meeting)
    return {"places": places, "state": governance_services.attendance_state(meeting)}


def _attendance_record(form, w):
    meeting = Meeting.objects.get(board=w.board, date=datetime.date(2019, 6, 12))
    governance_services.attendance_record(
        meeting=meeting,
        entries=form.entries(),
        offered=form.offered(),
        expected_state=form.cleaned_data["state"],
    )
    for attendance in meeting.attendance.all():  # a deputy's name whole, within its column
        attendance.full_clean()
        assert attendance.deputy_name == form.entries()[attendance.member_id].fields()["deputy_name"]


def _risk_review(form, w):
    data = dict(form.cleaned_data)
    return governance_services.risk_review_record(
        risk=_fresh(w.risk), reviewer=w.manager, expected_version=data.pop("version"), **data
    )


def _self_assessment(form, w):
    data = form.cleaned_data
    return governance_services.self_assessment_save(
        organisation=w.organisation,
        framework=w.framework_2018,
        assessment=None,
        date=data["date"],
        title=data["title"],
        inspection=data["inspection"],
        ratings=form.ratings(),
    )


def _inspection_judgements(form, w):
    return improvement_services.inspection_ratings_save(
        inspection=w.inspection, ratings=form.ratings(), findings=form.findings()
    )


def _report_save(form, w):
    report = form.save(commit=False)
    report.created_by = w.manager
    report.save()
    return report


def _sign_off(form, w):
    return report_services.plan_sign_off(report=w.yj_plan, user=w.manager, **form.cleaned_data)


def _review_save(form, w):
    review = form.save(commit=False)
    review.recorded_by = w.manager
    review.save()
    return review


def _update_add(form, w):
    update = improvement_services.action_update_add(action=_fresh(w.action), author=w.manager, **form.cleaned_data)
    assert sorted(e.link for e in update.evidence.exclude(link="")) == sorted(form.cleaned_data["links"])
    return update


def _measurement_record(form, w):
    if form.is_blank or not form.has_changed():
        return None
    data = form.cleaned_data
    return performance_services.measurement_record(
        organisation=w.organisation,
        indicator=form.indicator,
        period=datetime.date(2017, 3, 1),
        value=data["value"],
        numerator=data["numerator"],
        denominator=data["denominator"],
        note=data["note"],
        user=w.manager,
        expected_version=data["version"],
    )


def _previewing(importer, scope=lambda w: {}):
    """What the import page does with an upload: preview it (a ValidationError is shown on the form)."""

    def submit(form, w):
        result = importer.preview(
            organisation=w.organisation, upload=form.cleaned_data["file"], user=w.manager, **scope(w)
        )
        assert all(e.row >= 2 and e.message for e in result.errors)

    return submit


def _workbook_previewing(form, w):
    """What the workbook page does with an upload: preview every sheet (a ValidationError is shown
    on the form)."""
    upload = form.cleaned_data["file"]
    sheet_names(upload, max_rows=100)
    result = onboarding_services.workbook_preview(
        organisation=w.organisation, upload=upload, user=w.manager, chosen={}, choices={}
    )
    assert all(e.row >= 2 and e.message for part in result.read if part.result for e in part.result.errors)


def _matrix_change(form, w):
    bands = [governance_services.Band(b.lowest, b.highest, b.label, b.colour) for b in w.matrix.bands.all()]
    return governance_services.risk_matrix_change(
        organisation=w.organisation,
        levels=form.level_names(),
        bands=bands,
        confirmation=form.cleaned_data["confirmation"],
    )


def _service_new(form, w):
    return organisation_create(organisation=form.save(commit=False), first_person=form.first_person, **form.setup)


def _organisation_add(form, w):
    choices = {k: form.cleaned_data[k] for k in ("rag_scale", "audit_scale", "starter_indicators")}
    return organisation_create(organisation=form.save(commit=False), **choices)


FORMS: dict[type[forms.BaseForm], list[Spec]] = {
    MembershipAddForm: [Spec(lambda w: {}, _membership_add, refusable=True)],
    ApiTokenForm: [Spec(lambda w: {}, lambda f, w: core_services.api_token_issue(user=w.manager, **f.cleaned_data)[0])],
    MembershipRolesForm: [
        Spec(
            lambda w: {},
            lambda f, w: core_services.membership_change_roles(
                organisation=w.organisation, user=w.officer_membership.user, roles=f.cleaned_data["roles"]
            ),
            refusable=True,
        )
    ],
    PersonForm: [Spec(lambda w: {})],
    RegionalGrantForm: [Spec(lambda w: {}, lambda f, w: core_services.regional_grant(**f.cleaned_data), True)],
    BoardMemberForm: [Spec(lambda w: {"instance": BoardMember(board=w.board), "organisation": w.organisation}, _save)],
    StaffPostForm: [Spec(lambda w: {"instance": StaffPost(organisation=w.organisation)}, _save)],
    MeetingForm: [Spec(lambda w: {"instance": Meeting(board=w.board)}, _meeting_save, True)],
    AttendanceForm: [Spec(_attendance_of, _attendance_record, refusable=True)],
    RiskForm: [
        Spec(
            lambda w: {
                "instance": Risk(organisation=w.organisation, number=2, raised_on=datetime.date(2017, 6, 9)),
                "matrix": w.matrix,
            },
            _save,
            refusable=True,
            name="new",
        ),
        Spec(lambda w: {"instance": _fresh(w.risk), "matrix": w.matrix}, _save, refusable=True, name="edit"),
    ],
    RiskReviewForm: [Spec(lambda w: {"matrix": w.matrix}, _risk_review, refusable=True)],
    KpiReturnForm: [
        Spec(
            lambda w: {},
            lambda f, w: kpi_return.kpi_return_record(
                organisation=w.organisation, quarter=datetime.date(2024, 4, 1), counts=f.cleaned_data, user=w.manager
            ),
        )
    ],
    SelfAssessmentForm: [
        Spec(lambda w: {"organisation": w.organisation, "framework": w.framework_2018}, _self_assessment)
    ],
    CommitteeReportForm: [Spec(lambda w: {"instance": CommitteeReport(organisation=w.organisation)}, _report_save)],
    YouthJusticePlanForm: [Spec(lambda w: {"instance": CommitteeReport(organisation=w.organisation)}, _report_save)],
    SignOffForm: [Spec(lambda w: {}, _sign_off, refusable=True)],
    LogicModelForm: [Spec(lambda w: {"instance": LogicModel(organisation=w.organisation)}, _save)],
    LogicOutcomeForm: [Spec(lambda w: {"model": w.logic_outcome.model}, _save)],
    LogicOutcomeReviewForm: [Spec(lambda w: {"outcome": w.logic_outcome}, _review_save)],
    BoardActionForm: [Spec(lambda w: {"instance": BoardAction(board=w.board), "board": w.board}, _save)],
    ProgressUpdateForm: [Spec(lambda w: {"organisation": w.organisation}, _update_add, refusable=True)],
    UpdateCorrectionForm: [
        Spec(
            lambda w: {"organisation": w.organisation},
            lambda f, w: improvement_services.action_update_correct(update=_fresh(w.update), **f.cleaned_data),
            refusable=True,
        )
    ],
    PlanApprovalForm: [
        Spec(lambda w: {}, lambda f, w: improvement_services.plan_approve(plan=_fresh(w.plan), **f.cleaned_data), True)
    ],
    InspectionForm: [Spec(lambda w: {"instance": Inspection(organisation=w.organisation)}, _save)],
    # The base of InspectionJudgementsForm and SelfAssessmentForm: no view saves it as it is.
    StandardRatingsForm: [Spec(lambda w: {"framework": w.framework_2018})],
    InspectionJudgementsForm: [Spec(lambda w: {"inspection": w.inspection}, _inspection_judgements)],
    PlanForm: [
        Spec(
            lambda w: {"instance": ImprovementPlan(organisation=w.organisation), "organisation": w.organisation},
            _save,
            refusable=True,
        )
    ],
    RecommendationForm: [
        Spec(
            lambda w: {"instance": Recommendation(plan=w.plan), "organisation": w.organisation},
            _save,
            refusable=True,
        )
    ],
    ActionForm: [
        Spec(lambda w: {"instance": Action(), "plan": w.plan}, _save, refusable=True, name="new"),
        Spec(lambda w: {"instance": _fresh(w.action), "plan": w.plan}, _save, refusable=True, name="edit"),
    ],
    MeasurementRowForm: [
        Spec(lambda w: {"indicator": w.ratio}, _measurement_record, refusable=True, name="ratio"),
        Spec(lambda w: {"indicator": w.count}, _measurement_record, refusable=True, name="count"),
        Spec(
            lambda w: {"indicator": w.count, "period": datetime.date(2017, 3, 1)},
            _measurement_record,
            refusable=True,
            name="grid-cell",
        ),
    ],
    IndicatorsTrackForm: [
        Spec(
            lambda w: {"organisation": w.organisation},
            lambda f, w: performance_services.indicators_tracking_set(
                organisation=w.organisation,
                indicators=list(f.cleaned_data["indicators"]),
                tracked=f.cleaned_data["tracked"] == "on",
            ),
        )
    ],
    CaseAuditForm: [
        Spec(
            lambda w: {
                "instance": CaseAudit(organisation=w.organisation, auditor=w.manager),
                "organisation": w.organisation,
            },
            _save,
            typed=(("case_reference", st.from_regex(r"[A-Z]{2}-20[0-9]{2}-[0-9]{3}", fullmatch=True)),),
        )
    ],
    RagStatusForm: [Spec(lambda w: {"instance": RagStatus(organisation=w.organisation, order=9)}, _save)],
    AuditGradeForm: [Spec(lambda w: {"instance": AuditGrade(organisation=w.organisation, rank=9)}, _save)],
    OutcomeKindForm: [Spec(lambda w: {"instance": OutcomeKind(organisation=w.organisation, position=9)}, _save)],
    RatingStepForm: [Spec(lambda w: {"instance": RatingStep(organisation=w.organisation, rank=9)}, _save)],
    JudgementForm: [
        Spec(
            lambda w: {"organisation": w.organisation},
            lambda f, w: performance_services.indicator_judgement_record(
                organisation=w.organisation, indicator=w.count, user=w.manager, **f.cleaned_data
            ),
        )
    ],
    CohortForm: [Spec(lambda w: {"organisation": w.organisation}, _save)],
    CaseForm: [
        Spec(
            lambda w: {"organisation": w.organisation},
            _save,
            typed=(("reference", st.from_regex(r"[A-Z]{2}-20[0-9]{2}-[0-9]{3}", fullmatch=True)),),
        )
    ],
    OutcomeForm: [Spec(lambda w: {"case": w.case}, _save)],
    ReoffenceForm: [Spec(lambda w: {"case": w.case}, _save)],
    LocalIndicatorForm: [
        Spec(
            lambda w: {"instance": Indicator(organisation=w.organisation)},
            lambda f, w: performance_services.local_indicator_save(form=f, organisation=w.organisation),
            typed=(("code", st.from_regex(r"[A-Z][A-Z0-9_]{0,20}", fullmatch=True)),),
        )
    ],
    TargetForm: [Spec(lambda w: {"instance": Target(organisation=w.organisation, indicator=w.count)}, _save)],
    ComparatorForm: [Spec(lambda w: {"instance": Comparator(organisation=w.organisation, indicator=w.count)}, _save)],
    ReminderSettingsForm: [Spec(lambda w: {"instance": ReminderSettings(organisation=w.organisation)}, _save)],
    RiskMatrixForm: [Spec(lambda w: {}, _matrix_change, refusable=True)],
    RiskBandForm: [Spec(lambda w: {})],
    ContributionForm: [
        Spec(lambda w: {"instance": PartnerContribution(organisation=w.organisation, year="2019/20")}, _save)
    ],
    ContributionYearForm: [Spec(lambda w: {})],
    BoardForm: [Spec(lambda w: {"instance": Board(organisation=w.organisation)}, _save)],
    SetupChoicesForm: [Spec(lambda w: {})],
    NewServiceForm: [
        Spec(
            lambda w: {},
            _service_new,
            refusable=True,
            typed=(("slug", st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)),),
        )
    ],
    OrganisationAddForm: [
        Spec(
            lambda w: {},
            _organisation_add,
            refusable=True,
            typed=(("slug", st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)),),
        )
    ],
    ImportForm: [
        Spec(lambda w: {}, _previewing(risk_spreadsheet.RISK_IMPORTER), True, name="risks"),
        Spec(lambda w: {}, _previewing(plan_spreadsheet.PLAN_IMPORTER, lambda w: {"plan": w.plan}), True, name="plan"),
        Spec(lambda w: {}, _previewing(performance_spreadsheet.MEASUREMENT_IMPORTER), True, name="values"),
        Spec(lambda w: {}, _previewing(performance_spreadsheet.AUDIT_IMPORTER), True, name="audits"),
    ],
    WorkbookForm: [Spec(lambda w: {}, _workbook_previewing, True)],
}
CASES = [
    pytest.param(form_class, spec, id=f"{form_class.__name__}-{spec.name}" if spec.name else form_class.__name__)
    for form_class, specs in FORMS.items()
    for spec in specs
]


@contextlib.contextmanager
def _rolled_back():
    """Each generated example starts from the same database, so a failure replays exactly."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _messages(form: forms.BaseForm) -> list[str]:
    return [message for errors in form.errors.as_data().values() for e in errors for message in e.messages]


@pytest.mark.parametrize("form_class, spec", CASES)
@QUICK
@given(data=st.data())
def test_a_form_answers_hostile_input_with_messages_or_stores_it_whole(world, form_class, spec, data):
    posted, files = data.draw(_posted(form_class(**spec.build(world)), dict(spec.typed)), label="posted")
    with _rolled_back():
        form = _bind(form_class, spec.build(world), posted, files)
        valid = form.is_valid()
        assert isinstance(valid, bool)
        event("valid" if valid else "refused")
        if not valid:
            assert set(form.errors) <= {*form.fields, "__all__"}
            assert _messages(form) and all(m.strip() for m in _messages(form))
            return
        for name, field in form.fields.items():
            assert _cleaned_type_is_right(field, form.cleaned_data[name]), (name, form.cleaned_data[name])
        if spec.submit is None:
            return
        try:
            saved = spec.submit(form, world)
        except ValidationError as refused:
            assert spec.refusable, f"{form_class.__name__}'s view does not catch {refused!r}: a server error"
            apply_validation_error(form, refused)
            assert _messages(form) and all(m.strip() for m in _messages(form))
            return
        if isinstance(saved, models.Model):
            stored = type(saved)._base_manager.get(pk=saved.pk)
            # Text columns only: a form may parse text into another column (a matrix's levels, a list).
            columns = {
                f.name for f in stored._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField")
            }
            for name, value in form.cleaned_data.items():  # text whole: never cut to fit a column
                if isinstance(value, str) and name in columns:
                    assert getattr(stored, name) == value, name
            for column in stored._meta.concrete_fields:  # within its columns: SQLite would not say
                column.run_validators(getattr(stored, column.attname))


def test_every_form_of_the_project_is_in_the_table():
    """Forms defined anywhere in the project's apps (not tests) are covered by FORMS; model-form
    mixins without a model (NextStepsMixin) cannot be used on their own and are left out."""
    defined = set()
    for package in PROJECT:
        root = importlib.import_module(package)
        for module_info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if ".tests" in module_info.name or ".migrations" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__ or not issubclass(cls, forms.BaseForm):
                    continue
                if issubclass(cls, forms.BaseModelForm) and cls._meta.model is None:
                    continue
                defined.add(cls)
    assert defined >= {ProgressUpdateForm, CommitteeReportForm, ImportForm}  # the walk finds forms at all
    assert defined - set(FORMS) == set(), "add these forms to FORMS"
    assert set(FORMS) - defined == set(), "these are no longer forms of the project"


# --- Progress updates and committee reports, named in the issue --------------------------------


def _progress_update(world, **changes):
    data = {"date": "2017-03-01", "status": str(RagStatus.objects.for_org(world.organisation).first().pk)}
    data.update(changes)
    form = ProgressUpdateForm(_query(data), organisation=world.organisation)
    if form.is_valid():
        try:
            improvement_services.action_update_add(action=world.action, author=world.manager, **form.cleaned_data)
        except ValidationError as refused:
            apply_validation_error(form, refused)
    return form


NARRATIVES = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=300),
    st.sampled_from(["<script>alert(1)</script>", "<b>bold</b> & <i>italic</i>", "=1+2", "Zoë’s “plan”"]),
    st.integers(min_value=10_000, max_value=100_000).map(lambda n: "ü" * n),
).filter(str.strip)


@QUICK
@given(narrative=NARRATIVES)
@example(narrative="<script>alert('x')</script><b>bold</b>")
@example(narrative="y" * 100_000)
def test_a_progress_update_stores_html_and_huge_narratives_as_plain_text_whole(world, narrative):
    with _rolled_back():
        form = _progress_update(world, narrative=narrative)
        assert not form.errors, form.errors
        stored = ProgressUpdate.objects.filter(action=world.action).latest("pk")
        assert stored.narrative == narrative.strip()  # unchanged: escaping happens when it is shown


@QUICK
@given(days=st.integers(min_value=1, max_value=3650))
@example(days=1)
def test_a_progress_update_dated_in_the_future_is_refused_with_a_message(world, days):
    with _rolled_back():
        before = ProgressUpdate.objects.count()
        form = _progress_update(
            world, narrative="Audit done", date=str(timezone.localdate() + datetime.timedelta(days))
        )
        assert form.errors["date"] == ["An update cannot be dated in the future."]
        assert ProgressUpdate.objects.count() == before


def test_a_progress_update_with_a_nul_character_is_refused_with_a_message(world):
    form = _progress_update(world, narrative="Audit\x00done")
    assert form.errors["narrative"] == ["Null characters are not allowed."]


def _report(world, **changes) -> CommitteeReportForm:
    data = {
        "kind": "committee",
        "committee": "Safer Stronger Select Committee",
        "meeting_date": "2017-06-28",
        "title": "Youth Offending Service improvement plan",
        "report_class": "part1",
        "wards": "All",
        "period_start": "2017-01-01",
        "period_end": "2017-06-28",
    }
    data.update(changes)
    return CommitteeReportForm(_query(data), instance=CommitteeReport(organisation=world.organisation))


@QUICK
@given(title=NARRATIVES.filter(lambda t: len(t.strip()) <= 300), purpose=NARRATIVES)
@example(title="<script>alert('x')</script>", purpose="<b>bold</b>" * 10_000)
def test_a_committee_report_stores_html_as_plain_text_and_long_narratives_whole(world, title, purpose):
    with _rolled_back():
        form = _report(world, title=title, purpose=purpose)
        assert form.is_valid(), form.errors
        stored = CommitteeReport.objects.get(pk=_report_save(form, world).pk)
        assert (stored.title, stored.purpose) == (title.strip(), purpose.strip())


@QUICK
@given(length=st.integers(min_value=301, max_value=50_000))
@example(length=301)
def test_a_committee_report_title_longer_than_its_column_is_refused_with_a_length_message(world, length):
    form = _report(world, title="t" * length)
    assert form.errors["title"] == [f"Ensure this value has at most 300 characters (it has {length})."]


@QUICK
@given(days=st.integers(min_value=1, max_value=3650))
def test_a_committee_report_may_be_for_a_future_meeting_but_its_period_cannot_end_before_it_starts(world, days):
    # Reports are written before the meeting they go to, so a future meeting date is the usual case.
    future = timezone.localdate() + datetime.timedelta(days)
    assert _report(world, meeting_date=str(future), period_end=str(future)).is_valid()
    backwards = _report(world, period_start=str(future), period_end="2017-06-28")
    assert backwards.errors["__all__"] == ["The period cannot end before it starts."]


# --- Regressions the generated input found ------------------------------------------------------


@QUICK
@given(number=st.integers(min_value=0, max_value=3))
@example(number=1)
def test_a_risk_numbered_like_another_in_the_register_is_refused_with_a_message(world, number):
    # Was an IntegrityError (a server error): the organisation is not a field of the form.
    data = {"number": str(number), "raised_on": "2017-06-09", "title": "t", "description": "d", "owner": "GR"}
    data |= dict.fromkeys(["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"], "1")
    data |= {"review_every_days": "90", "status": "open", "version": "0"}
    form = RiskForm(_query(data), instance=Risk(organisation=world.organisation), matrix=world.matrix)
    if number == world.risk.number:
        assert form.errors["number"] == ["The register already has a risk with this number."]
    else:
        assert form.is_valid(), form.errors
        with _rolled_back():
            assert form.save().number == number


def test_a_risk_keeps_its_own_number_when_edited(world):
    form = RiskForm(
        _query({**{f: _as_posted(getattr(world.risk, f)) for f in RiskForm.Meta.fields}, "version": "1"}),
        instance=world.risk,
        matrix=world.matrix,
    )
    assert form.is_valid(), form.errors


@QUICK
@given(reference=st.sampled_from(["1", "2", "3", "4(g)"]))
@example(reference="existing")
def test_a_recommendation_referenced_like_another_in_the_plan_is_refused_with_a_message(world, reference):
    # Was an IntegrityError (a server error): the plan is not a field of the form.
    with _rolled_back():
        RecommendationFactory(plan=world.plan, reference="existing")
        taken = set(world.plan.recommendations.values_list("reference", flat=True))
        form = RecommendationForm(
            _query({"kind": "recommendation", "reference": reference, "text": "t", "order": "0"}),
            instance=Recommendation(plan=world.plan),
            organisation=world.organisation,
        )
        if reference in taken:
            assert form.errors["reference"] == ["This plan already has a recommendation with this reference."]
        else:
            assert form.is_valid(), form.errors
            assert form.save().reference == reference


def _address(length: int) -> str:
    """A valid e-mail address of exactly `length` characters (domain labels of at most 60)."""
    remaining, labels = length - len("someone@.example"), []
    while remaining > 61:
        labels.append("d" * 60)
        remaining -= 61
    return f"someone@{'.'.join([*labels, 'd' * remaining])}.example"


@QUICK
@given(length=st.integers(min_value=120, max_value=254))
@example(length=150)
@example(length=151)
def test_an_address_too_long_to_be_a_username_is_refused_with_a_length_message(world, length):
    # Was a DataError on PostgreSQL (a server error): a new account's username is its address.
    address = _address(length)
    form = MembershipAddForm(
        _query({"email": address, "first_name": "Ada", "last_name": "Lovelace", "roles": "officer"})
    )
    if length > 150:
        assert form.errors["email"] == [f"Ensure this value has at most 150 characters (it has {length})."]
        return
    assert form.is_valid(), form.errors
    with _rolled_back():
        assert _membership_add(form, world).user.username == address


@QUICK
@given(length=st.integers(min_value=250, max_value=5000))
@example(length=300)
@example(length=301)
def test_an_agenda_item_longer_than_its_column_is_refused_with_a_length_message(world, length):
    # Was a DataError on PostgreSQL (a server error): an agenda item holds 300 characters.
    item = "a" * length
    form = MeetingForm(
        _query({"date": "2017-06-28", "agenda_text": f"Welcome\r\n{item}\r\nAny other business"}),
        instance=Meeting(board=world.board),
    )
    if length > 300:
        assert form.errors["agenda_text"] == [f"Agenda item 2 has {length} characters; an item holds at most 300."]
        return
    assert form.is_valid(), form.errors
    with _rolled_back():
        meeting = _meeting_save(form, world)
        assert list(meeting.agenda.values_list("title", flat=True)) == ["Welcome", item, "Any other business"]


@QUICK
@given(length=st.integers(min_value=150, max_value=2100))
@example(length=201)
@example(length=2048)
def test_an_evidence_link_is_stored_whole_or_refused_as_not_a_web_address(world, length):
    # Was a DataError on PostgreSQL (a server error): a link held 200 characters; SharePoint's are longer.
    link = "https://lewisham.sharepoint.example/" + "p" * (length - 36)
    with _rolled_back():
        form = _progress_update(world, narrative="Audit done", links=link)
        if length > 2048:  # longer than any browser keeps
            assert form.errors["links"] == [f"“{link}” is not a web address (it should start with https://)."]
            return
        assert not form.errors, form.errors
        evidence = ProgressUpdate.objects.filter(action=world.action).latest("pk").evidence.get()
        assert evidence.link == link
        evidence.full_clean()  # within the column, by the model's own rules (SQLite would not say)


@QUICK
@given(
    numerator=st.decimals(min_value=0, max_value=10**12 - 1, places=2),
    denominator=st.decimals(min_value="0.01", max_value=10**12 - 1, places=2),
)
@example(numerator=decimal.Decimal("999999999.99"), denominator=decimal.Decimal("0.01"))
@example(numerator=decimal.Decimal("99999"), denominator=decimal.Decimal("1"))
def test_a_ratio_too_large_to_record_is_refused_with_a_message(world, numerator, denominator):
    # Was a DataError on PostgreSQL (and a decimal error reading it back from SQLite): numerator ÷
    # denominator × 100,000 outgrew the value's column.
    form = MeasurementRowForm(
        _query({f"i{world.ratio.pk}-numerator": str(numerator), f"i{world.ratio.pk}-denominator": str(denominator)}),
        indicator=world.ratio,
    )
    assert form.is_valid(), form.errors
    with _rolled_back():
        try:
            measurement = _measurement_record(form, world)
        except ValidationError as refused:
            assert numerator / denominator * world.ratio.multiplier >= 10**10
            assert refused.messages[0].endswith("is too large to record; check the two figures.")
        else:
            stored = Measurement.objects.get(pk=measurement.pk)
            assert (stored.numerator, stored.denominator, stored.value) == (numerator, denominator, measurement.value)


@pytest.mark.parametrize(
    "name, content",
    [
        ("register.xlsx", b"\x00\x01 random bytes"),
        ("register.xlsx", _zip({"hello.txt": b"a zip, not a workbook"})),
        ("register.xlsx", b"No,Title\n1,a text file named .xlsx"),
        ("register.csv", b"%PDF-1.7 a pdf named .csv"),
        ("register.exe", b"MZ an executable"),
        ("register.xlsx", b""),
    ],
)
def test_an_upload_that_is_not_a_spreadsheet_is_refused_on_the_import_form_with_a_message(world, name, content):
    # As the import page does: the form checks a file came, the preview whether it is a spreadsheet.
    form = ImportForm({}, MultiValueDict({"file": [SimpleUploadedFile(name, content)]}))
    if form.is_valid():
        with pytest.raises(ValidationError) as refused:
            risk_spreadsheet.RISK_IMPORTER.preview(organisation=world.organisation, upload=form.cleaned_data["file"])
        form.add_error("file", refused.value)
    assert form.errors["file"] and all(message.strip() for message in form.errors["file"])
