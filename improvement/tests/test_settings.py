"""The RAG scale and the weekly digest, configured by the organisation's managers in pages."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from improvement.forms import ProgressUpdateForm, UpdateCorrectionForm
from improvement.models import RagStatus, ReminderSent, ReminderSettings
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.tests.helpers import wait_for

pytestmark = pytest.mark.django_db


def url(name, org="lewisham", **kwargs):
    return reverse(f"improvement:{name}", kwargs={"org": org, **kwargs})


@pytest.fixture
def scale(organisation):
    return {s.code: s for s in RagStatus.objects.install(organisation)}


def status_form(**changes):
    data = {"code": "P", "label": "Purple", "colour": "#6f3c97", "meaning": "Not started or problematic"}
    return {**data, **changes}


class TestTheScalePages:
    def test_a_manager_adds_a_status_at_the_end_of_the_scale(self, client, manager, scale):
        client.force_login(manager)
        response = client.post(url("status_create"), status_form(is_off_track="on"))
        assert response.status_code == 302
        purple = RagStatus.objects.get(organisation=scale["G"].organisation, code="P")
        assert purple.is_off_track and purple.order > max(s.order for s in scale.values())
        assert purple.history.count() == 1

    def test_a_duplicate_code_is_refused_beside_the_field_and_nothing_is_added(self, client, manager, scale):
        client.force_login(manager)
        response = client.post(url("status_create"), status_form(code="G", label="Emerald"))
        assert response.status_code == 200
        assert "already has a status with this code" in response.content.decode()
        assert RagStatus.objects.for_org(scale["G"].organisation).count() == 4

    def test_a_status_cannot_both_count_as_complete_and_as_off_track(self, client, manager, scale):
        client.force_login(manager)
        response = client.post(url("status_create"), status_form(is_complete="on", is_off_track="on"))
        assert "cannot both count as complete and as off track" in response.content.decode()
        assert not RagStatus.objects.filter(code="P").exists()

    def test_renaming_and_recolouring_is_kept_in_history(self, client, manager, scale):
        client.force_login(manager)
        client.post(url("status_edit", pk=scale["A"].pk), status_form(code="A", label="Amber", colour="#f47738"))
        scale["A"].refresh_from_db()
        assert scale["A"].colour == "#f47738"
        page = client.get(url("status_list")).content.decode()
        assert "#ffbf47" in page and "#f47738" in page  # the change, old and new, in the history table

    def test_a_status_in_use_cannot_be_deleted_and_nothing_changes(self, client, manager, scale, organisation):
        plan = PlanFactory(organisation=organisation)
        UpdateFactory(action=ActionFactory(recommendation=RecommendationFactory(plan=plan)), status=scale["A"])
        amber = scale["A"]
        client.force_login(manager)
        response = client.post(url("status_change", pk=amber.pk), {"change": "delete"}, follow=True)
        assert "“Amber” cannot be deleted: 1 record uses it. Retire it instead" in response.content.decode()
        assert RagStatus.objects.filter(pk=amber.pk, retired=False).exists()

    def test_an_unused_status_is_deleted(self, client, manager, scale):
        client.force_login(manager)
        client.post(url("status_change", pk=scale["W"].pk), {"change": "delete"})
        assert not RagStatus.objects.filter(pk=scale["W"].pk).exists()

    def test_a_retired_status_is_not_offered_for_new_updates_but_stays_on_the_ones_that_have_it(
        self, client, manager, scale, organisation
    ):
        plan = PlanFactory(organisation=organisation)
        update = UpdateFactory(action=ActionFactory(recommendation=RecommendationFactory(plan=plan)), status=scale["R"])
        client.force_login(manager)
        client.post(url("status_change", pk=scale["R"].pk), {"change": "retire"})
        organisation = scale["R"].organisation
        assert scale["R"] not in ProgressUpdateForm(organisation=organisation).fields["status"].queryset
        correction = UpdateCorrectionForm(organisation=organisation, current_status=update.status)
        assert scale["R"] in correction.fields["status"].queryset
        client.post(url("status_change", pk=scale["R"].pk), {"change": "restore"})
        assert scale["R"] in ProgressUpdateForm(organisation=organisation).fields["status"].queryset

    def test_the_last_status_that_can_be_chosen_cannot_be_retired(self, client, manager, scale):
        client.force_login(manager)
        for code in ("G", "A", "R"):
            client.post(url("status_change", pk=scale[code].pk), {"change": "retire"})
        response = client.post(url("status_change", pk=scale["W"].pk), {"change": "retire"}, follow=True)
        assert "is the last one that can be chosen" in response.content.decode()
        assert RagStatus.objects.get(pk=scale["W"].pk).retired is False

    def test_moving_a_status_up_swaps_it_with_the_one_before(self, client, manager, scale):
        client.force_login(manager)
        client.post(url("status_change", pk=scale["R"].pk), {"change": "up"})
        codes = list(RagStatus.objects.for_org(scale["G"].organisation).values_list("code", flat=True))
        assert codes == ["G", "R", "A", "W"]

    def test_board_members_cannot_open_the_scale_pages(self, client, board_member, scale):
        client.force_login(board_member)
        assert client.get(url("status_list")).status_code == 403
        assert client.get(url("status_edit", pk=scale["G"].pk)).status_code == 403
        assert client.post(url("status_change", pk=scale["G"].pk), {"change": "delete"}).status_code == 403
        assert RagStatus.objects.filter(pk=scale["G"].pk).exists()

    def test_another_organisations_status_is_not_found(self, client, manager, scale, other_organisation):
        theirs = RagStatus.objects.install(other_organisation)[0]
        client.force_login(manager)
        assert client.get(url("status_edit", pk=theirs.pk)).status_code == 404
        assert client.post(url("status_change", pk=theirs.pk), {"change": "delete"}).status_code == 404
        assert RagStatus.objects.filter(pk=theirs.pk).exists()


class TestTheDigestPage:
    @pytest.fixture
    def owned(self, organisation, manager, scale):
        ReminderSettings.objects.create(organisation=organisation)
        overdue = ActionFactory(
            recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation)),
            reference="4(g)",
            owner=manager,
            due_date=timezone.localdate() - datetime.timedelta(days=3),
        )
        UpdateFactory(action=overdue, status=scale["A"], date=timezone.localdate())
        return overdue

    def test_it_lists_who_receives_what(self, client, manager, owned):
        client.force_login(manager)
        page = client.get(url("digest")).content.decode()
        assert manager.email in page and "4(g)" in page and "Not yet" in page

    @pytest.mark.celery
    def test_send_now_sends_this_weeks_digest_through_the_worker(self, client, manager, owned, celery_worker):
        client.force_login(manager)
        client.post(url("digest_send"))
        wait_for(lambda: ReminderSent.objects.exists())
        assert [m.to for m in mail.outbox] == [[manager.email]]
        assert "Sent" in client.get(url("digest")).content.decode()

    def test_switching_it_off_is_kept_in_history(self, client, manager, owned, organisation):
        client.force_login(manager)
        client.post(url("digest"), {"due_soon_days": "14"})  # the box unticked
        settings = ReminderSettings.objects.get(organisation=organisation)
        assert settings.enabled is False and settings.history.count() == 2

    def test_due_soon_outside_1_to_90_days_is_refused(self, client, manager, owned, organisation):
        client.force_login(manager)
        response = client.post(url("digest"), {"enabled": "on", "due_soon_days": "400"})
        assert "Enter a number of days from 1 to 90." in response.content.decode()
        assert ReminderSettings.objects.get(organisation=organisation).due_soon_days == 14

    def test_board_members_cannot_open_it_or_send(self, client, board_member, owned):
        client.force_login(board_member)
        assert client.get(url("digest")).status_code == 403
        assert client.post(url("digest_send")).status_code == 403
        assert mail.outbox == []
