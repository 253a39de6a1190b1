"""The configuration pages of the performance app: the indicator catalogue, a service's own
indicators, targets and comparators, and the case-audit grade scale."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils.html import escape

from performance.choices import Scope
from performance.forms import CaseAuditForm
from performance.models import (
    AuditGrade,
    CaseAudit,
    Comparator,
    Indicator,
    IndicatorCategory,
    Measurement,
    Target,
    TrackedIndicator,
)
from performance.tests.factories import (
    CaseAuditFactory,
    MeasurementFactory,
    TargetFactory,
    TrackedFactory,
    indicator,
    local_indicator,
)
from yos_tracker.choices import Role

pytestmark = pytest.mark.django_db
APRIL = datetime.date(2017, 4, 1)
AREAS = ["assessment", "intervention", "risk", "vulnerability", "overall"]


def url(name, org="lewisham", **kwargs):
    return reverse(f"performance:{name}", kwargs={"org": org, **kwargs})


def local_data(**overrides):
    """The local indicator form as a manager fills it in."""
    return {
        "code": "EET_LOCAL",
        "name": "Children in education at the end of a local order",
        "category": IndicatorCategory.objects.get(code="education").pk,
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Our own count, from the case management system.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": "1",
        **overrides,
    }


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- The catalogue ---------------------------------------------------------------------------------


class TestCatalogue:
    def test_board_member_reads_every_shared_definition_without_controls(self, client, board_member, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("FTE_RATE"))
        client.force_login(board_member)
        html = client.get(url("catalogue")).content.decode()
        shared = list(Indicator.objects.shared())
        assert len(shared) > 60
        missing = [i.code for i in shared if escape(i.definition) not in html or f'id="{i.code}"' not in html]
        assert missing == []
        assert "/track/" not in html and 'name="tracked"' not in html
        assert "Stop tracking" not in html and url("local_indicator_create") not in html

    def test_manager_tracks_an_indicator_after_those_already_tracked(self, client, manager, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), order=4)
        client.force_login(manager)
        response = client.post(url("indicator_track", code="FTE_RATE"), {"tracked": "on"}, follow=True)
        assert response.redirect_chain[-1][0] == url("catalogue") + "#FTE_RATE"
        assert "is on the dashboard" in messages_of(response)[0]
        tracked = TrackedIndicator.objects.for_org(organisation).get(indicator=indicator("FTE_RATE"))
        assert tracked.order == 5
        client.post(url("indicator_track", code="FTE_RATE"), {"tracked": "on"})
        assert TrackedIndicator.objects.for_org(organisation).filter(indicator=indicator("FTE_RATE")).count() == 1
        html = response.content.decode()
        entry = html[html.index('id="FTE_RATE"') :]
        assert "Stop tracking" in entry[: entry.index("</li>")]

    def test_manager_stops_tracking_and_the_values_are_kept(self, client, manager, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
        MeasurementFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), value=23)
        TargetFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
        client.force_login(manager)
        response = client.post(url("indicator_track", code="CUSTODY_COUNT"), {"tracked": "off"}, follow=True)
        assert "its values are kept" in messages_of(response)[0]
        assert not TrackedIndicator.objects.for_org(organisation).exists()
        assert Measurement.objects.for_org(organisation).get().value == 23
        assert Target.objects.for_org(organisation).count() == 1

    def test_another_organisations_member_is_answered_not_found(self, client, outsider, organisation):
        client.force_login(outsider)
        assert client.get(url("catalogue")).status_code == 404
        assert client.post(url("indicator_track", code="FTE_RATE"), {"tracked": "on"}).status_code == 404
        assert not TrackedIndicator.objects.exists()

    def test_board_member_cannot_track(self, client, board_member, organisation):
        client.force_login(board_member)
        assert client.post(url("indicator_track", code="FTE_RATE"), {"tracked": "on"}).status_code == 403
        assert not TrackedIndicator.objects.exists()

    def test_board_member_cannot_open_an_indicators_settings(self, client, board_member, organisation):
        client.force_login(board_member)
        assert client.get(url("indicator_settings", code="FTE_RATE")).status_code == 403


# --- A service's own indicators ---------------------------------------------------------------------


class TestLocalIndicators:
    def test_manager_adds_one_and_it_is_tracked_straight_away(self, client, manager, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), order=0)
        client.force_login(manager)
        response = client.post(url("local_indicator_create"), local_data(code="eet_local"))
        assert response["Location"] == url("indicator_settings", code="EET_LOCAL")
        own = Indicator.objects.get(code="EET_LOCAL")
        assert (own.organisation, own.scope) == (organisation, Scope.LOCAL)
        assert TrackedIndicator.objects.for_org(organisation).get(indicator=own).order == 1
        html = client.get(url("catalogue")).content.decode()
        entry = html[html.index('id="EET_LOCAL"') :]
        assert ">Own</span>" in entry[: entry.index("</li>")]

    def test_a_code_of_the_shared_catalogue_is_refused(self, client, manager, organisation):
        client.force_login(manager)
        response = client.post(url("local_indicator_create"), local_data(code="FTE_RATE"))
        assert response.status_code == 200
        refusal = "The shared catalogue already has an indicator with this code."
        assert response.context["form"].errors["code"] == [refusal]
        assert refusal in response.content.decode()
        assert not Indicator.objects.filter(organisation=organisation).exists()
        assert not TrackedIndicator.objects.exists()

    def test_the_same_code_twice_in_one_organisation_is_refused(self, client, manager, organisation):
        client.force_login(manager)
        assert client.post(url("local_indicator_create"), local_data()).status_code == 302
        response = client.post(url("local_indicator_create"), local_data(name="Another name"))
        assert response.context["form"].errors["code"] == ["This service already has an indicator with this code."]
        assert Indicator.objects.filter(organisation=organisation).count() == 1

    def test_another_organisation_may_use_the_same_local_code(
        self, client, manager, organisation, other_organisation, make_member
    ):
        client.force_login(manager)
        assert client.post(url("local_indicator_create"), local_data()).status_code == 302
        client.force_login(make_member(other_organisation, Role.MANAGER, "bromley-manager"))
        assert client.post(url("local_indicator_create", org="bromley"), local_data()).status_code == 302
        owners = set(Indicator.objects.filter(code="EET_LOCAL").values_list("organisation__slug", flat=True))
        assert owners == {"lewisham", "bromley"}

    def test_another_organisations_local_indicator_is_not_ours(self, client, manager, organisation, other_organisation):
        local_indicator(other_organisation)
        client.force_login(manager)
        assert client.get(url("local_indicator_edit", code="EET_LOCAL")).status_code == 404
        assert client.get(url("indicator_settings", code="EET_LOCAL")).status_code == 404
        assert client.post(url("indicator_track", code="EET_LOCAL"), {"tracked": "on"}).status_code == 404
        html = client.get(url("catalogue")).content.decode()
        assert "EET_LOCAL" not in html and "Bromley&#x27;s own EET measure" not in html
        assert not TrackedIndicator.objects.exists()

    def test_a_shared_indicator_cannot_be_edited_as_a_local_one(self, client, manager, organisation):
        client.force_login(manager)
        assert client.get(url("local_indicator_edit", code="FTE_RATE")).status_code == 404


# --- Targets and comparators -------------------------------------------------------------------------


def target(client, applies_from="2017-04-01", value="350", tolerance="25"):
    data = {"form": "target", "target-applies_from": applies_from, "target-value": value, "target-tolerance": tolerance}
    return client.post(url("indicator_settings", code="FTE_RATE"), data)


class TestTargets:
    def test_manager_adds_a_target_with_a_tolerance(self, client, manager, organisation):
        client.force_login(manager)
        response = target(client)
        assert response["Location"] == url("indicator_settings", code="FTE_RATE")
        saved = Target.objects.for_org(organisation).get(indicator=indicator("FTE_RATE"))
        assert (saved.applies_from, saved.value, saved.tolerance) == (APRIL, D(350), D(25))

    def test_a_negative_tolerance_is_shown_beside_the_field_and_nothing_is_saved(self, client, manager, organisation):
        client.force_login(manager)
        response = target(client, tolerance="-1")
        assert response.status_code == 200
        form = response.context["target_form"]
        assert form.errors["tolerance"] == ["The tolerance cannot be negative."] and not form.non_field_errors()
        html = response.content.decode()
        field = html[html.index('id="div_id_target-tolerance"') :]
        assert "The tolerance cannot be negative." in field[: field.index("</form>")]
        assert not Target.objects.exists()

    def test_a_second_target_in_the_same_period_is_refused(self, client, manager, organisation):
        TargetFactory(organisation=organisation, indicator=indicator("FTE_RATE"), applies_from=APRIL, value=400)
        client.force_login(manager)
        response = target(client, applies_from="2017-05-15")
        errors = response.context["target_form"].errors
        assert errors["applies_from"] == ["There is already a target starting in this period."]
        assert Target.objects.get().value == 400

    def test_applies_from_is_moved_to_the_start_of_the_quarter(self, client, manager, organisation):
        client.force_login(manager)
        target(client, applies_from="2017-06-30")
        assert Target.objects.get().applies_from == APRIL

    @pytest.mark.parametrize("code, polarity", [("FTE_RATE", "Lower is better"), ("EET_END_ORDER", "Higher is better")])
    def test_the_page_says_which_way_is_better(self, client, manager, organisation, code, polarity):
        client.force_login(manager)
        html = client.get(url("indicator_settings", code=code)).content.decode()
        assert f"<strong>{polarity}</strong>" in html

    def test_deleting_a_target_keeps_its_history(self, client, manager, organisation):
        saved = TargetFactory(organisation=organisation, indicator=indicator("FTE_RATE"), applies_from=APRIL, value=350)
        client.force_login(manager)
        delete = url("indicator_setting_delete", code="FTE_RATE", kind="target", pk=saved.pk)
        response = client.post(delete, follow=True)
        assert "its history is kept" in messages_of(response)[0]
        assert not Target.objects.exists()
        history = Target.history.filter(id=saved.pk).order_by("history_date")
        assert [h.history_type for h in history] == ["+", "-"]
        assert history.last().value == D(350)

    def test_another_organisations_target_cannot_be_deleted(self, client, manager, organisation, other_organisation):
        theirs = TargetFactory(organisation=other_organisation, indicator=indicator("FTE_RATE"))
        client.force_login(manager)
        response = client.post(url("indicator_setting_delete", code="FTE_RATE", kind="target", pk=theirs.pk))
        assert response.status_code == 404
        assert Target.objects.filter(pk=theirs.pk).exists()


class TestComparators:
    def test_manager_adds_and_deletes_a_comparator(self, client, manager, organisation):
        client.force_login(manager)
        data = {"form": "comparator", "comparator-period": "2017-05-10", "comparator-kind": "london"}
        client.post(url("indicator_settings", code="FTE_RATE"), {**data, "comparator-value": "380.5"})
        saved = Comparator.objects.for_org(organisation).get()
        assert (saved.indicator, saved.period, saved.kind, saved.value) == (
            indicator("FTE_RATE"),
            APRIL,
            "london",
            D("380.5"),
        )
        html = client.get(url("indicator_settings", code="FTE_RATE")).content.decode()
        assert "<td>April 2017</td><td>London</td>" in html
        client.post(url("indicator_setting_delete", code="FTE_RATE", kind="comparator", pk=saved.pk))
        assert not Comparator.objects.exists()
        assert Target.objects.count() == 0  # the comparator form saved no target


# --- Case-audit grades --------------------------------------------------------------------------------


def codes_in_order(organisation) -> list[str]:
    return list(AuditGrade.objects.for_org(organisation).order_by("rank").values_list("code", flat=True))


def change(client, grade, what):
    return client.post(url("grade_change", pk=grade.pk), {"change": what}, follow=True)


@pytest.fixture
def grades(organisation):
    return {g.code: g for g in AuditGrade.objects.install(organisation, "lewisham")}


class TestAuditGrades:
    def test_manager_adds_a_grade_at_the_end_of_the_scale(self, client, manager, organisation, grades):
        client.force_login(manager)
        data = {"code": "outstanding", "label": "Outstanding", "colour": "#005a30", "is_good": "on"}
        assert client.post(url("grade_create"), data)["Location"] == url("grade_list")
        assert codes_in_order(organisation)[-1] == "outstanding"

    def test_a_duplicate_code_is_refused_with_a_message(self, client, manager, organisation, grades):
        client.force_login(manager)
        response = client.post(url("grade_create"), {"code": "good", "label": "Great", "colour": "#000000"})
        assert response.status_code == 200
        assert response.context["form"].errors["code"]
        assert "already has a grade with this code" in response.content.decode()
        assert AuditGrade.objects.for_org(organisation).count() == 4

    def test_a_grade_an_audit_uses_cannot_be_deleted(self, client, manager, organisation, grades):
        CaseAuditFactory(organisation=organisation, **{area: grades["good"] for area in AREAS})
        client.force_login(manager)
        response = change(client, grades["good"], "delete")
        assert messages_of(response) == [
            "“Good” cannot be deleted: 1 record uses it. Retire it instead: it stays on those records and is no "
            "longer offered for new ones."
        ]
        assert codes_in_order(organisation) == ["good", "satisfactory", "not_satisfactory", "poor"]
        assert not AuditGrade.objects.get(pk=grades["good"].pk).retired

    def test_an_unused_grade_is_deleted(self, client, manager, organisation, grades):
        client.force_login(manager)
        response = change(client, grades["poor"], "delete")
        assert messages_of(response) == ["Poor is deleted."]
        assert codes_in_order(organisation) == ["good", "satisfactory", "not_satisfactory"]

    def test_a_retired_grade_is_not_offered_for_a_new_audit_but_stays_on_one_that_has_it(
        self, client, manager, organisation, grades
    ):
        audit = CaseAuditFactory(organisation=organisation, **{area: grades["satisfactory"] for area in AREAS})
        client.force_login(manager)
        change(client, grades["satisfactory"], "retire")
        assert AuditGrade.objects.get(pk=grades["satisfactory"].pk).retired
        new = CaseAuditForm(organisation=organisation)
        assert grades["satisfactory"] not in new.fields["overall"].queryset
        assert grades["good"] in new.fields["overall"].queryset
        existing = CaseAuditForm(instance=CaseAudit.objects.get(pk=audit.pk), organisation=organisation)
        assert all(grades["satisfactory"] in existing.fields[area].queryset for area in AREAS)

    def test_moving_up_and_down_reorders_the_ranks(self, client, manager, organisation, grades):
        client.force_login(manager)
        change(client, grades["satisfactory"], "up")
        assert codes_in_order(organisation) == ["satisfactory", "good", "not_satisfactory", "poor"]
        change(client, grades["good"], "down")
        assert codes_in_order(organisation) == ["satisfactory", "not_satisfactory", "good", "poor"]
        change(client, grades["poor"], "down")  # already last
        ranks = dict(AuditGrade.objects.for_org(organisation).values_list("code", "rank"))
        assert ranks == {"satisfactory": 1, "not_satisfactory": 2, "good": 3, "poor": 4}

    def test_board_member_cannot_open_the_grade_pages(self, client, board_member, organisation, grades):
        client.force_login(board_member)
        pages = [
            url("grade_list"),
            url("grade_create"),
            url("grade_edit", pk=grades["good"].pk),
            url("grade_change", pk=grades["good"].pk),
        ]
        assert [client.get(page).status_code for page in pages] == [403, 403, 403, 403]
        assert client.post(url("grade_change", pk=grades["good"].pk), {"change": "delete"}).status_code == 403
        assert AuditGrade.objects.for_org(organisation).count() == 4

    def test_another_organisations_grade_is_not_found(self, client, organisation, other_organisation, make_member):
        AuditGrade.objects.install(other_organisation, "bromley")
        theirs = AuditGrade.objects.for_org(other_organisation).get(code="good")
        client.force_login(make_member(organisation, Role.MANAGER, "lewisham-manager"))
        assert client.get(url("grade_edit", pk=theirs.pk)).status_code == 404
        assert client.post(url("grade_change", pk=theirs.pk), {"change": "delete"}).status_code == 404
        assert AuditGrade.objects.filter(pk=theirs.pk).exists()
