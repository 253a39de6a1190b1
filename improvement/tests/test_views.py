"""Improvement pages: roles, organisation scoping, filters, the inline update, query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement import services as improvement_services
from improvement.forms import ActionForm
from improvement.models import (
    Action,
    Evidence,
    ImprovementPlan,
    Inspection,
    InspectionFramework,
    JudgementLevel,
    ProgressUpdate,
    RagStatus,
)
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.choices import Role

pytestmark = pytest.mark.django_db


def url(name, org="lewisham", **kwargs):
    return reverse(f"improvement:{name}", kwargs={"org": org, **kwargs})


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation)


@pytest.fixture
def scale(plan):
    return {s.code: s for s in RagStatus.objects.for_org(plan.organisation)}


@pytest.fixture
def action(plan, scale):
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan, reference="1"), reference="1.1")
    UpdateFactory(action=action, status=scale["A"])
    return action


def update_data(scale, code="G", **extra):
    return {"date": "2017-06-01", "status": scale[code].pk, "narrative": "Audit complete.", **extra}


class TestRoles:
    def test_board_member_reads_the_plan_and_the_action(self, client, board_member, plan, action):
        client.force_login(board_member)
        assert client.get(url("plan_detail", pk=plan.pk)).status_code == 200
        page = client.get(url("action_detail", pk=action.pk))
        assert page.status_code == 200
        assert b"Add a progress update" not in page.content

    def test_board_member_cannot_post_an_update(self, client, board_member, action, scale):
        client.force_login(board_member)
        response = client.post(url("action_detail", pk=action.pk), update_data(scale))
        assert response.status_code == 403
        assert ProgressUpdate.objects.filter(action=action).count() == 1

    @pytest.mark.parametrize("role_fixture", ["board_member", "officer", "administrator"])
    def test_only_managers_edit(self, client, request, role_fixture, plan, action):
        client.force_login(request.getfixturevalue(role_fixture))
        for name, kwargs in [
            ("plan_edit", {"pk": plan.pk}),
            ("plan_approve", {"pk": plan.pk}),
            ("action_edit", {"plan_pk": plan.pk, "pk": action.pk}),
            ("plan_import", {"pk": plan.pk}),
            ("inspection_create", {}),
        ]:
            assert client.post(url(name, **kwargs), {}).status_code == 403, name


class TestScoping:
    def test_another_organisations_action_is_not_found(self, client, action, other_organisation, make_member):
        client.force_login(make_member(other_organisation, Role.MANAGER, "bromley-manager"))
        assert client.get(url("action_detail", pk=action.pk)).status_code == 404
        # Not through their own organisation's address either.
        assert client.get(url("action_detail", org="bromley", pk=action.pk)).status_code == 404
        assert client.post(url("action_detail", org="bromley", pk=action.pk), {}).status_code == 404
        assert client.get(url("plan_detail", org="bromley", pk=action.recommendation.plan.pk)).status_code == 404

    def test_evidence_of_another_organisation_is_not_found(self, client, action, manager, other_organisation, scale):
        RagStatus.objects.install(other_organisation)
        theirs = ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=other_organisation)))
        update = UpdateFactory(action=theirs, status=RagStatus.objects.for_org(other_organisation).first())
        evidence = update.evidence.create(link="https://example.org/report")
        client.force_login(manager)
        assert client.get(url("evidence_download", pk=evidence.pk)).status_code == 404


class TestAddUpdate:
    def test_manager_adds_an_update_inline_with_htmx(self, client, manager, action, scale):
        client.force_login(manager)
        response = client.post(url("action_detail", pk=action.pk), update_data(scale), HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<html" not in html  # a fragment, swapped in place
        assert "Your update is added." in html and "Current status:" in html
        latest = ProgressUpdate.objects.filter(action=action).first()
        assert (latest.status, latest.author, latest.narrative) == (scale["G"], manager, "Audit complete.")

    def test_errors_are_shown_beside_the_fields_and_nothing_is_saved(self, client, manager, action, scale):
        client.force_login(manager)
        response = client.post(
            url("action_detail", pk=action.pk),
            {"date": "not a date", "status": scale["G"].pk, "narrative": "", "links": "not-a-link"},
            HTTP_HX_REQUEST="true",
        )
        html = response.content.decode()
        assert "Enter a valid date." in html
        assert "This field is required." in html
        assert "is not a web address" in html
        assert ProgressUpdate.objects.filter(action=action).count() == 1

    def test_an_update_dated_after_today_is_refused(self, client, manager, action, scale):
        from django.utils import timezone

        client.force_login(manager)
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        html = client.post(url("action_detail", pk=action.pk), update_data(scale, date=tomorrow.isoformat())).content
        assert "An update cannot be dated in the future." in html.decode()
        assert ProgressUpdate.objects.filter(action=action).count() == 1

    def test_a_status_from_another_organisations_scale_is_refused(self, client, manager, action, other_organisation):
        theirs = RagStatus.objects.install(other_organisation)[0]
        client.force_login(manager)
        client.post(url("action_detail", pk=action.pk), {"date": "2017-06-01", "status": theirs.pk, "narrative": "x"})
        assert ProgressUpdate.objects.filter(action=action).count() == 1

    def test_evidence_files_are_validated_by_content_and_kept(self, client, manager, action, scale):
        client.force_login(manager)
        fake_pdf = SimpleUploadedFile("minutes.pdf", b"MZ this is an executable")
        response = client.post(url("action_detail", pk=action.pk), update_data(scale, files=fake_pdf))
        assert "do not match its .pdf extension" in response.content.decode()

        real_pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes of the board")
        client.post(
            url("action_detail", pk=action.pk), update_data(scale, files=real_pdf, links="https://example.org/a")
        )
        evidence = ProgressUpdate.objects.filter(action=action).first().evidence.all()
        assert {e.original_name or e.link for e in evidence} == {"minutes.pdf", "https://example.org/a"}
        download = client.get(url("evidence_download", pk=next(e.pk for e in evidence if e.file)))
        assert b"".join(download.streaming_content) == b"%PDF-1.4 minutes of the board"


class TestEvidenceInABucket:
    """With several web servers, evidence is kept in an S3-compatible bucket and still reaches
    only the organisation's members, through the download view."""

    @pytest.fixture
    def uploaded(self, client, manager, action, scale, s3_media):
        client.force_login(manager)
        pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes of the board")
        client.post(url("action_detail", pk=action.pk), update_data(scale, files=pdf))
        return Evidence.objects.get()

    def test_evidence_uploaded_through_the_form_is_kept_in_the_bucket_and_downloaded_whole(
        self, client, uploaded, s3_media
    ):
        assert s3_media.objects() == {uploaded.file.name: b"%PDF-1.4 minutes of the board"}
        download = client.get(url("evidence_download", pk=uploaded.pk))
        assert download["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
        assert b"".join(download.streaming_content) == b"%PDF-1.4 minutes of the board"

    def test_another_organisations_member_cannot_download_it(self, client, uploaded, outsider):
        client.force_login(outsider)
        assert client.get(url("evidence_download", pk=uploaded.pk)).status_code == 404
        assert client.get(url("evidence_download", org="bromley", pk=uploaded.pk)).status_code == 404

    def test_evidence_gone_from_the_bucket_is_a_logged_not_found(self, client, uploaded, s3_media, caplog):
        s3_media.client.delete_object(Bucket=s3_media.bucket, Key=uploaded.file.name)
        assert client.get(url("evidence_download", pk=uploaded.pk)).status_code == 404
        assert f"Stored file {uploaded.file.name} is missing" in caplog.text


class TestPlanOverview:
    def test_filters_live_in_the_url(self, client, board_member, plan, scale, action):
        late = ActionFactory(recommendation=action.recommendation, reference="1.2", due_date=datetime.date(2017, 1, 31))
        UpdateFactory(action=late, status=scale["G"])
        client.force_login(board_member)
        html = client.get(url("plan_detail", pk=plan.pk), {"status": "G"}).content.decode()
        assert 'data-action="1.2"' in html and 'data-action="1.1"' not in html
        html = client.get(url("plan_detail", pk=plan.pk), {"status": "A"}).content.decode()
        assert 'data-action="1.1"' in html and 'data-action="1.2"' not in html
        assert "Showing 1 of 2 actions." in html

    def test_overdue_filter_and_sorting(self, client, board_member, plan, scale, action):
        client.force_login(board_member)
        html = client.get(url("plan_detail", pk=plan.pk), {"overdue": "on", "sort": "due"}).content.decode()
        assert 'data-action="1.1"' in html  # due 30/06/2017, Amber: overdue today

    @pytest.mark.parametrize("sort", ["reference", "due", "status", "owner"])
    def test_every_sort_order_works(self, client, board_member, plan, action, sort):
        client.force_login(board_member)
        response = client.get(url("plan_detail", pk=plan.pk), {"sort": sort})
        assert response.status_code == 200
        assert 'data-action="1.1"' in response.content.decode()

    def test_sign_off_records_who_and_when(self, client, manager, plan):
        client.force_login(manager)
        response = client.post(url("plan_approve", pk=plan.pk), {"approved_by": "YJMB", "approved_on": "2017-02-01"})
        assert response.status_code == 302
        plan.refresh_from_db()
        assert (plan.status, plan.approved_by, plan.approved_on) == ("approved", "YJMB", datetime.date(2017, 2, 1))


def _plan_with_actions(organisation, count: int) -> ImprovementPlan:
    plan = ImprovementPlan.objects.for_org(organisation).first()
    scale = list(RagStatus.objects.for_org(organisation))
    recs = [RecommendationFactory(plan=plan) for _ in range(max(1, count // 10))]
    for i in range(count):
        action = ActionFactory(recommendation=recs[i % len(recs)])
        UpdateFactory(action=action, status=scale[i % len(scale)])
        UpdateFactory(action=action, status=scale[(i + 1) % len(scale)], date=datetime.date(2017, 4, 1))
    return plan


class TestQueryCounts:
    @pytest.mark.parametrize("count", [10, 300])
    def test_plan_overview_does_not_grow_with_actions(
        self, client, manager, plan, count, django_assert_max_num_queries
    ):
        _plan_with_actions(plan.organisation, count)
        client.force_login(manager)
        with django_assert_max_num_queries(13):  # 12, and the plan's sign-offs
            response = client.get(url("plan_detail", pk=plan.pk))
        assert response.content.decode().count("data-action=") == count

    @pytest.mark.parametrize("count", [10, 300])
    def test_filtered_list_does_not_grow_with_actions(
        self, client, manager, plan, count, django_assert_max_num_queries
    ):
        _plan_with_actions(plan.organisation, count)
        client.force_login(manager)
        with django_assert_max_num_queries(14):
            client.get(url("plan_detail", pk=plan.pk), {"sort": "due", "stale": "on"})


class TestEditing:
    def test_manager_records_an_inspection_then_rates_its_areas(self, client, manager):
        framework = InspectionFramework.objects.get(code="hmip-2012")
        poor = framework.levels.get(label="Poor")
        area = framework.standards.get(code="FJI 1")
        client.force_login(manager)
        data = {
            "framework": framework.pk,
            "inspection_type": "full_joint",
            "inspectorate": "HM Inspectorate of Probation",
            "fieldwork_start": "2015-02-02",
            "fieldwork_end": "2015-02-06",
            "strengths": "Committed staff\nGood data",
        }
        response = client.post(url("inspection_create"), data)
        inspection = Inspection.objects.get()
        assert response.status_code == 302 and response["Location"] == inspection.get_absolute_url()
        response = client.post(
            url("inspection_ratings", pk=inspection.pk), {f"level_{area.pk}": poor.pk, f"note_{area.pk}": "Weak plans"}
        )
        assert response.status_code == 302
        assert [(j.standard.title, j.level.label, j.narrative) for j in inspection.judgements.all()] == [
            ("Reducing reoffending", "Poor", "Weak plans")
        ]
        assert inspection.strengths_list == ["Committed staff", "Good data"]
        assert "Reducing reoffending" in client.get(inspection.get_absolute_url()).content.decode()

    def test_a_judgement_from_another_framework_is_refused(self, client, manager, organisation):
        framework = InspectionFramework.objects.get(code="hmip-2012")
        inspection = Inspection.objects.create(
            organisation=organisation, framework=framework, inspection_type="full_joint"
        )
        inadequate = JudgementLevel.objects.get(framework__code="hmip-2018", label="Inadequate")
        area = framework.standards.get(code="FJI 5")
        client.force_login(manager)
        response = client.post(url("inspection_ratings", pk=inspection.pk), {f"level_{area.pk}": inadequate.pk})
        assert "Select a valid choice" in response.content.decode()
        assert not inspection.judgements.exists()

    def test_a_note_without_a_rating_is_refused_beside_the_standard(self, client, manager, organisation):
        framework = InspectionFramework.objects.get(code="hmip-2018")
        inspection = Inspection.objects.create(
            organisation=organisation, framework=framework, inspection_type="full_joint"
        )
        standard = framework.standards.get(code="2.4")
        client.force_login(manager)
        response = client.post(url("inspection_ratings", pk=inspection.pk), {f"note_{standard.pk}": "Reviews late"})
        assert "Give a rating, or clear the note." in response.content.decode()
        assert not inspection.judgements.exists()

    def test_the_framework_cannot_change_under_ratings_already_given(self, client, manager, organisation):
        framework = InspectionFramework.objects.get(code="hmip-2018")
        inspection = Inspection.objects.create(
            organisation=organisation, framework=framework, inspection_type="full_joint"
        )
        improvement_services.inspection_ratings_save(
            inspection=inspection,
            ratings={framework.standards.get(code="1.1"): (framework.levels.get(label="Good"), "")},
        )
        client.force_login(manager)
        other = InspectionFramework.objects.get(code="hmip-2021")
        data = {"framework": other.pk, "inspection_type": "full_joint", "inspectorate": "HMIP"}
        response = client.post(url("inspection_edit", pk=inspection.pk), data)
        assert "clear those ratings first" in response.content.decode()
        inspection.refresh_from_db()
        assert inspection.framework == framework

    def test_next_steps_are_kept_in_order_and_shown_on_the_plan(self, client, manager, plan, action):
        rec = action.recommendation
        client.force_login(manager)
        data = {
            "kind": "recommendation",
            "reference": rec.reference,
            "text": rec.text,
            "order": 0,
            "next_steps_text": "Train all case managers\n\nAudit ten cases",
        }
        client.post(url("recommendation_edit", plan_pk=plan.pk, pk=rec.pk), data)
        assert [s.text for s in rec.next_steps.all()] == ["Train all case managers", "Audit ten cases"]
        data["next_steps_text"] = "Audit ten cases"
        client.post(url("recommendation_edit", plan_pk=plan.pk, pk=rec.pk), data)
        assert [s.text for s in rec.next_steps.all()] == ["Audit ten cases"]
        assert "Audit ten cases" in client.get(url("plan_detail", pk=plan.pk)).content.decode()

    def test_a_correction_keeps_the_earlier_version_in_history(self, client, manager, action, scale):
        update = action.updates.get()
        client.force_login(manager)
        response = client.post(
            url("update_correct", pk=update.pk),
            {"date": "2017-03-02", "status": scale["A"].pk, "narrative": "Audit tool agreed.", "reason": "Typo"},
        )
        assert response.status_code == 302
        update.refresh_from_db()
        assert update.narrative == "Audit tool agreed."
        assert ProgressUpdate.objects.filter(action=action).count() == 1  # corrected, not added
        page = client.get(url("update_correct", pk=update.pk)).content.decode()
        assert "Typo" in page and "<del>Audit tool agreed and first audit completed.</del>" in page

    def test_a_corrected_update_is_marked_and_anyone_who_reads_the_action_sees_what_it_said(
        self, client, manager, board_member, action, scale
    ):
        update = action.updates.get()
        improvement_services.action_update_correct(
            update=update, date=update.date, status=scale["R"], narrative="Audit tool not agreed.", reason="Wrong RAG"
        )
        client.force_login(board_member)
        page = client.get(url("action_detail", pk=action.pk)).content.decode()
        assert "update-corrected" in page and "Corrected " in page
        assert "<del>Audit tool agreed and first audit completed.</del>" in page
        assert "Wrong RAG" in page and "Audit tool not agreed." in page

    def test_an_update_never_corrected_carries_no_mark(self, client, board_member, action):
        client.force_login(board_member)
        assert "update-corrected" not in client.get(url("action_detail", pk=action.pk)).content.decode()

    def test_a_correction_that_changes_nothing_leaves_no_trace(self, action):
        update = action.updates.get()
        improvement_services.action_update_correct(
            update=update, date=update.date, status=update.status, narrative=update.narrative, reason="Looked again"
        )
        assert update.history.count() == 1
        assert ProgressUpdate.objects.with_corrected_on().get(pk=update.pk).corrected_on is None

    def test_board_member_cannot_correct_an_update(self, client, board_member, action, scale):
        client.force_login(board_member)
        update = action.updates.get()
        assert client.post(url("update_correct", pk=update.pk), {"narrative": "x"}).status_code == 403


def test_an_approved_plan_must_name_who_approved_it(client, manager, plan):
    client.force_login(manager)
    data = {
        "title": plan.title,
        "period_start": "2017-01-01",
        "period_end": "2017-12-31",
        "status": "approved",
        "approved_by": "",
        "stale_after_days": 60,
    }
    response = client.post(url("plan_edit", pk=plan.pk), data)
    assert "An approved plan records who approved it." in response.content.decode()
    data["status"] = "closed"
    assert client.post(url("plan_edit", pk=plan.pk), data).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "closed"


def test_a_file_missing_from_storage_is_not_found_not_a_server_error(client, manager, action, media_root):
    from django.core.files.base import ContentFile

    evidence = Evidence(update=action.updates.get(), original_name="minutes.pdf")
    evidence.file.save("minutes.pdf", ContentFile(b"%PDF-1.7"))
    (media_root / evidence.file.name).unlink()
    client.force_login(manager)
    assert client.get(url("evidence_download", pk=evidence.pk)).status_code == 404


def test_manager_adds_an_action_with_its_next_steps(client, manager, plan):
    rec = RecommendationFactory(plan=plan)
    client.force_login(manager)
    response = client.post(
        url("action_create", plan_pk=plan.pk),
        {
            "recommendation": rec.pk,
            "reference": "9.1",
            "description": "Quarterly audit",
            "priority": "medium",
            "order": 0,
            "next_steps_text": "Agree the audit tool\nAudit ten cases",
            "version": 0,
        },
    )
    action = Action.objects.get(reference="9.1")
    assert response.status_code == 302 and action.version == 1
    assert [s.text for s in action.next_steps.all()] == ["Agree the audit tool", "Audit ten cases"]


def test_a_save_racing_past_the_form_check_is_still_refused(manager, plan):
    """Both people pass clean(); the colleague saves first; the lock at save time catches it."""
    from django.core.exceptions import ValidationError

    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="4(g)")
    data = {
        "recommendation": action.recommendation_id,
        "reference": "4(g)",
        "description": "Changed",
        "priority": "medium",
        "order": 0,
        "version": action.version,
    }
    form = ActionForm(data, instance=Action.objects.get(pk=action.pk), plan=plan)
    assert form.is_valid()
    Action.objects.filter(pk=action.pk).update(version=action.version + 1)  # the colleague's save lands now
    with pytest.raises(ValidationError, match="changed this record"):
        form.save()
    assert Action.objects.get(pk=action.pk).description == "Audit risk management plans monthly."


def test_text_with_html_is_shown_escaped(client, manager, organisation):
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation, title="<script>alert('plan')</script>")
    ActionFactory(recommendation=RecommendationFactory(plan=plan), description="<img src=x onerror=alert(1)>")
    client.force_login(manager)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


class TestNewRecommendationForm:
    def test_it_prefills_the_plans_inspection(self, client, manager, plan, organisation):
        framework = InspectionFramework.objects.get(code="hmip-2018")
        plan.inspection = Inspection.objects.create(
            organisation=organisation, framework=framework, inspection_type="full_joint"
        )
        plan.save()
        client.force_login(manager)
        form = client.get(url("recommendation_create", plan_pk=plan.pk)).context["form"]
        assert form["inspection"].value() == plan.inspection_id

    def test_its_order_comes_after_the_plans_last_recommendation(self, client, manager, plan):
        RecommendationFactory(plan=plan, order=4)
        RecommendationFactory(plan=plan, order=2)
        RecommendationFactory(plan=PlanFactory(organisation=plan.organisation), order=9)
        client.force_login(manager)
        form = client.get(url("recommendation_create", plan_pk=plan.pk)).context["form"]
        assert form["order"].value() == 5

    def test_the_first_recommendation_of_a_plan_is_ordered_one(self, client, manager, plan):
        client.force_login(manager)
        form = client.get(url("recommendation_create", plan_pk=plan.pk)).context["form"]
        assert form["order"].value() == 1
        assert form["inspection"].value() is None

    def test_editing_keeps_the_recommendations_own_order(self, client, manager, plan):
        rec = RecommendationFactory(plan=plan, order=0)
        RecommendationFactory(plan=plan, order=3)
        client.force_login(manager)
        form = client.get(url("recommendation_edit", plan_pk=plan.pk, pk=rec.pk)).context["form"]
        assert form["order"].value() == 0


def test_the_plan_page_counts_one_day_and_one_action_in_the_singular(client, manager, plan, action):
    plan.stale_after_days = 1
    plan.save()
    client.force_login(manager)
    page = client.get(url("plan_detail", pk=plan.pk)).content.decode()
    assert "1 day without an update" in page
    assert "of 1 action." in page
