"""The live-tracker page: cohorts side by side as the records stood on a day, read by anyone in
the service; cohorts defined by its editors, with what is wrong said beside the field."""

import datetime

import pytest
from django.urls import reverse

from performance import selectors
from performance.choices import CohortConvention
from performance.models import Case, Cohort, OutcomeKind, Reoffence
from performance.tests.factories import outcome_kind

pytestmark = pytest.mark.django_db
D = datetime.date


def _cohort(organisation, name, start, **fields):
    return Cohort.objects.create(
        organisation=organisation,
        name=name,
        period_start=start,
        period_end=start.replace(month=12, day=31),
        convention=CohortConvention.LIVE,
        **fields,
    )


def test_the_page_compares_the_two_latest_cohorts_begun_as_the_records_stood(client, organisation, board_member, cases):
    _cohort(organisation, "2016 cohort", D(2016, 1, 1))
    _cohort(organisation, "2017 cohort", D(2017, 1, 1))
    _cohort(organisation, "2018 cohort", D(2018, 1, 1))
    client.force_login(board_member)
    url = reverse("performance:tracker", kwargs={"org": organisation.slug})

    tracker = client.get(url, {"as_at": "2017-12-31"}).context["tracker"]
    assert [c.name for c in tracker.shown] == ["2016 cohort", "2017 cohort"]  # 2018's had not begun
    binary = tracker.figures[0]
    assert binary.rows[3] == (4, ["—", "20.0% (1 of 5)"])  # April: nobody in 2016's yet
    assert binary.chart is not None
    today = client.get(url, {"as_at": "2019-01-31"}).context["tracker"]
    assert [c.name for c in today.shown] == ["2017 cohort", "2018 cohort"]
    Cohort.objects.filter(name="2017 cohort").update(feeds_dashboard=True)  # the service's own tracker first
    assert [c.name for c in client.get(url, {"as_at": "2019-01-31"}).context["tracker"].shown] == ["2017 cohort"]

    chosen = client.get(url, {"as_at": "2017-12-31", "cohort": [tracker.cohorts[0].pk]}).context["tracker"]
    assert [c.name for c in chosen.shown] == ["2016 cohort"]
    assert client.get(url, {"as_at": "not a day"}).status_code == 404


def test_a_manager_defines_a_cohort_and_a_bad_one_is_explained(client, organisation, manager):
    client.force_login(manager)
    url = reverse("performance:cohort_create", kwargs={"org": organisation.slug})
    fields = {"name": "2017 cohort", "convention": "live", "follow_up_months": 12, "wait_months": 6}

    backwards = client.post(url, {**fields, "period_start": "2017-12-31", "period_end": "2017-01-01"})
    assert "The period cannot end before it starts." in backwards.content.decode()
    yjb = client.post(
        url,
        {
            **fields,
            "period_start": "2017-01-01",
            "period_end": "2017-12-31",
            "convention": "yjb",
            "feeds_dashboard": "on",
        },
    )
    assert "Only a live-tracker cohort feeds the dashboard" in yjb.content.decode()
    assert not Cohort.objects.exists()

    assert client.post(url, {**fields, "period_start": "2017-01-01", "period_end": "2017-12-31"}).status_code == 302
    again = client.post(url, {**fields, "period_start": "2018-01-01", "period_end": "2018-12-31"})
    assert "This service already has a cohort with this name." in again.content.decode()
    assert Cohort.objects.get().organisation == organisation


def test_the_case_records_are_listed_with_their_counts_a_page_at_a_time(client, organisation, board_member, cases):
    client.force_login(board_member)
    page = client.get(reverse("performance:tracker_cases", kwargs={"org": organisation.slug}))
    listed = {case.reference: (case.outcomes_count, case.reoffences_count) for case in page.context["cases"]}
    assert listed["LW-A1"] == (1, 2) and listed["LW-C1"] == (2, 0)
    assert len(listed) == 6 and "Import case records" not in page.content.decode()


def test_a_manager_records_a_case_its_outcome_and_a_reoffence_and_wrong_ones_are_explained(
    client, organisation, manager
):
    client.force_login(manager)
    new = reverse("performance:tracker_case_create", kwargs={"org": organisation.slug})
    assert "never a name" in client.post(new, {"reference": "John Smith"}).content.decode()
    assert "holds a date (01-05-2009)" in client.post(new, {"reference": "JS-01-05-2009"}).content.decode()
    assert client.post(new, {"reference": "LW-17-001"}).status_code == 302
    assert "already has a case" in client.post(new, {"reference": "lw-17-001"}).content.decode()
    case = Case.objects.get(organisation=organisation)

    page = case.get_absolute_url()
    early = {"record": "reoffence", "reoffence-offence_date": "2017-01-05", "reoffence-proven_date": "2017-02-01"}
    early["reoffence-offence_type"] = "robbery"
    assert "No qualifying outcome is recorded for this case." in client.post(page, early).content.decode()
    caution = outcome_kind(organisation, "caution")
    outcome = {"record": "outcome", "outcome-date": "2017-01-10", "outcome-kind": caution.pk}
    assert client.post(page, outcome).status_code == 302
    refused = client.post(page, early).content.decode()
    assert "is not after the case&#x27;s first qualifying outcome (10/01/2017)" in refused
    assert client.post(page, {**early, "reoffence-offence_date": "2017-01-25"}).status_code == 302
    offence = Reoffence.objects.get(case=case)
    assert (offence.offence_type, offence.violent) == ("robbery", True)  # robbery is violent


def test_a_board_member_reads_a_case_without_forms(client, organisation, board_member, cases):
    client.force_login(board_member)
    page = client.get(cases["A"].get_absolute_url()).content.decode()
    assert "LW-A1" in page and "Add a reoffence" not in page
    assert client.post(cases["A"].get_absolute_url(), {"record": "outcome"}).status_code == 403


def test_a_service_defines_its_own_outcome_type_and_retires_one_it_does_not_use(client, organisation, manager):
    client.force_login(manager)
    kinds = {kind.code: kind for kind in OutcomeKind.objects.install(organisation)}
    settings = reverse("performance:outcome_kind_list", kwargs={"org": organisation.slug})
    create = reverse("performance:outcome_kind_create", kwargs={"org": organisation.slug})
    new = {"code": "triage", "label": "Triage (diversion)", "colour": "#505a5f"}
    assert client.post(create, new)["Location"] == settings
    change = reverse("performance:outcome_kind_change", kwargs={"org": organisation.slug, "pk": kinds["caution"].pk})
    assert "is retired" in client.post(change, {"change": "retire"}, follow=True).content.decode()
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")

    page = client.get(case.get_absolute_url()).content.decode()
    assert "Triage (diversion)" in page and "Youth caution" not in page
    triage = OutcomeKind.objects.get(organisation=organisation, code="triage")
    outcome = {"record": "outcome", "outcome-date": "2017-01-10", "outcome-kind": triage.pk}
    assert client.post(case.get_absolute_url(), outcome).status_code == 302
    assert "Triage (diversion)" in client.get(case.get_absolute_url()).content.decode()
    refused = client.post(
        reverse("performance:outcome_kind_change", kwargs={"org": organisation.slug, "pk": triage.pk}),
        {"change": "delete"},
        follow=True,
    )
    assert "cannot be deleted: 1 record uses it" in refused.content.decode()


def test_another_services_outcome_type_is_refused_on_the_case_page(client, organisation, other_organisation, manager):
    theirs = outcome_kind(other_organisation)
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")
    client.force_login(manager)
    outcome = {"record": "outcome", "outcome-date": "2017-01-10", "outcome-kind": theirs.pk}
    response = client.post(case.get_absolute_url(), outcome)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not case.outcomes.exists()


def test_an_editor_marks_a_case_assessed_and_a_stale_edit_is_refused(client, organisation, manager):
    case = Case.objects.create(organisation=organisation, reference="LW-17-001", team="Court team")
    client.force_login(manager)
    page = reverse("performance:tracker_case_edit", kwargs={"org": organisation.slug, "pk": case.pk})
    data = {"reference": "LW-17-001", "team": "Court team", "case_manager": "", "assessed": "on", "version": 1}
    assert client.post(page, data)["Location"] == case.get_absolute_url()
    case.refresh_from_db()
    assert (case.assessed, case.version) == (True, 2)

    stale = client.post(page, {**data, "team": "Intake", "assessed": ""})  # opened before the save above
    assert stale.status_code == 200 and "after you opened it" in stale.content.decode()
    case.refresh_from_db()
    assert (case.team, case.assessed) == ("Court team", True)
    refused = client.post(page, {**data, "reference": "John Smith", "version": 2}).content.decode()
    assert "never a name" in refused


def test_an_outcome_goes_only_when_no_reoffence_depends_on_it(client, organisation, manager):
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")
    outcome = case.outcomes.create(date=D(2017, 1, 10), kind=outcome_kind(organisation))
    offence = Reoffence.objects.create(
        case=case, offence_date=D(2017, 3, 1), proven_date=D(2017, 4, 1), offence_type="theft"
    )
    client.force_login(manager)

    def remove(kind, record):
        url = reverse(
            "performance:tracker_record_remove",
            kwargs={"org": organisation.slug, "pk": case.pk, "kind": kind, "record": record.pk},
        )
        return client.post(url, follow=True).content.decode()

    refused = remove("outcome", outcome)
    assert "This outcome cannot be removed: the reoffence on 01/03/2017 would no longer count" in refused
    assert case.outcomes.exists()
    assert "removed" in remove("reoffence", offence)
    assert "removed" in remove("outcome", outcome)
    assert not case.outcomes.exists() and not case.reoffences.exists()


def test_a_board_member_cannot_edit_a_case_or_remove_its_records(client, organisation, board_member):
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")
    outcome = case.outcomes.create(date=D(2017, 1, 10), kind=outcome_kind(organisation))
    client.force_login(board_member)
    edit = reverse("performance:tracker_case_edit", kwargs={"org": organisation.slug, "pk": case.pk})
    remove = reverse(
        "performance:tracker_record_remove",
        kwargs={"org": organisation.slug, "pk": case.pk, "kind": "outcome", "record": outcome.pk},
    )
    assert [client.get(edit).status_code, client.post(remove).status_code] == [403, 403]
    assert "Edit case" not in client.get(case.get_absolute_url()).content.decode()
    assert case.outcomes.exists()


@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("0", 1), ("-3", 1), ("99", 2), ("next", 1)])
def test_the_case_records_go_a_page_at_a_time_and_any_page_asked_for_lands_on_one(
    client, organisation, board_member, cases, monkeypatch, asked, shown
):
    monkeypatch.setattr(selectors, "CASES_PER_PAGE", 4)
    client.force_login(board_member)
    page = client.get(reverse("performance:tracker_cases", kwargs={"org": organisation.slug}), {"page": asked})
    html = page.content.decode()
    assert page.context["cases"].number == shown
    assert f"Page {shown} of 2" in html and 'aria-label="Pages of cases"' in html
    assert ("Showing 1–4 of 6 cases" if shown == 1 else "Showing 5–6 of 6 cases") in html
