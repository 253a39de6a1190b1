"""Setting up a service: `organisation_create` installs everything a new service needs, with the
scales it chose; `organisation_install` gives an existing one only what it lacks."""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from governance.choices import FIVE_BY_FIVE_RISK_MATRIX
from governance.models import RiskBand, RiskMatrix
from governance.services import risk_matrix_install
from improvement.models import RagStatus, ReminderSettings
from onboarding.services import organisation_create, organisation_install
from performance.catalogue import STARTER_INDICATORS
from performance.models import AuditGrade, RatingStep, TrackedIndicator
from performance.services import indicators_track
from yos_tracker.celery import app
from yos_tracker.choices import Role
from yos_tracker.models import Membership, Organisation

pytestmark = pytest.mark.django_db


def new_service(slug="greenwich", name="Greenwich Youth Justice Service", **setup):
    return organisation_create(
        organisation=Organisation(name=name, slug=slug, local_authority="Royal Borough of Greenwich"), **setup
    )


def codes(model, organisation):
    return list(model.objects.for_org(organisation).values_list("code", flat=True))


def what_it_has(organisation):
    """Every row the set-up gives, as (kind, fields) so that any change shows."""
    matrix = RiskMatrix.objects.filter(organisation=organisation).first()
    return {
        "statuses": list(RagStatus.objects.for_org(organisation).values_list("code", "label", "order")),
        "grades": list(AuditGrade.objects.for_org(organisation).values_list("code", "label", "rank")),
        "matrix": matrix.levels if matrix else None,
        "bands": list(RiskBand.objects.filter(matrix=matrix).values_list("lowest", "highest", "label")),
        "tracked": list(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", "order")),
        "reminders": list(ReminderSettings.objects.filter(organisation=organisation).values_list("enabled", flat=True)),
    }


# --- organisation_create ---------------------------------------------------------------------------


def test_a_new_service_is_saved_with_every_piece_it_needs():
    organisation = new_service()

    assert Organisation.objects.get(slug="greenwich") == organisation
    assert codes(RagStatus, organisation) == ["G", "A", "R", "W"]  # Bromley's, the default
    assert codes(AuditGrade, organisation) == ["good", "satisfactory", "not_satisfactory", "poor"]  # Lewisham's
    matrix = RiskMatrix.objects.get(organisation=organisation)
    assert matrix.levels == ["Low", "Medium", "High"]
    assert list(matrix.bands.values_list("lowest", "highest", "label")) == [
        (1, 2, "Low"),
        (3, 4, "Medium"),
        (6, 9, "High"),
    ]
    assert ReminderSettings.objects.get(organisation=organisation).enabled


def test_a_new_service_tracks_the_starter_indicators_in_catalogue_order():
    organisation = new_service()
    tracked = TrackedIndicator.objects.for_org(organisation).order_by("order")
    assert STARTER_INDICATORS  # the catalogue migration loaded them
    assert list(tracked.values_list("indicator__code", flat=True)) == STARTER_INDICATORS
    assert list(tracked.values_list("order", flat=True)) == list(range(len(STARTER_INDICATORS)))


def test_a_new_service_that_declines_the_starter_indicators_tracks_none():
    organisation = new_service(starter_indicators=False)
    assert not TrackedIndicator.objects.for_org(organisation).exists()
    # ... and still gets the rest.
    assert RagStatus.objects.for_org(organisation).exists()
    assert ReminderSettings.objects.filter(organisation=organisation).exists()


def test_a_new_service_gets_lewishams_scale_when_it_chooses_it():
    organisation = new_service(rag_scale="lewisham")
    statuses = RagStatus.objects.for_org(organisation)
    assert list(statuses.values_list("code", flat=True)) == ["G", "A", "R", "P"]
    purple = statuses.get(code="P")
    assert (purple.label, purple.is_off_track, purple.is_complete) == ("Purple", True, False)
    assert statuses.get(code="G").meaning == "Target met"


def test_a_new_service_gets_bromleys_scale_when_it_chooses_it():
    organisation = new_service(rag_scale="bromley")
    statuses = RagStatus.objects.for_org(organisation)
    assert list(statuses.values_list("code", flat=True)) == ["G", "A", "R", "W"]
    assert statuses.get(code="W").meaning == "Not started"
    assert statuses.get(code="G").meaning == "Completed"


def test_a_new_service_gets_bromleys_audit_grades_when_it_chooses_them():
    organisation = new_service(audit_scale="bromley")
    grades = AuditGrade.objects.for_org(organisation).order_by("rank")
    assert list(grades.values_list("code", "rank")) == [("good", 1), ("satisfactory", 2), ("inadequate", 3)]
    assert grades.get(code="inadequate").is_inadequate


def test_a_new_service_gets_the_three_colour_key_for_judgements_unless_it_chooses_lewishams():
    assert codes(RatingStep, new_service()) == ["green", "amber", "red"]
    lewisham = new_service(rating_key="lewisham", slug="like-lewisham", name="Like Lewisham YOS")
    purple = RatingStep.objects.for_org(lewisham).get(code="purple")
    assert (purple.label, purple.meaning) == ("Purple", "Target not started or problematic")  # seed 000


def test_a_new_service_gets_lewishams_audit_grades_when_it_chooses_them():
    organisation = new_service(audit_scale="lewisham")
    assert codes(AuditGrade, organisation) == ["good", "satisfactory", "not_satisfactory", "poor"]


def test_the_scales_of_one_service_are_its_own(other_organisation):
    lewisham_like = new_service(rag_scale="lewisham", audit_scale="lewisham")
    bromley_like = new_service(slug="bexley", name="Bexley Youth Justice Service", rag_scale="bromley")
    assert codes(RagStatus, lewisham_like) == ["G", "A", "R", "P"]
    assert codes(RagStatus, bromley_like) == ["G", "A", "R", "W"]
    assert not RagStatus.objects.for_org(other_organisation).exists()


@pytest.fixture
def welcome_mail(mailoutbox):
    """The e-mails sent; the welcome e-mail's task runs in this process even when a broker is
    configured, so that the test reads the e-mail rather than a queued message."""
    previous, app.conf.task_always_eager = app.conf.task_always_eager, True
    yield mailoutbox
    app.conf.task_always_eager = previous


def test_the_first_person_gets_their_role_and_an_email_on_commit(django_capture_on_commit_callbacks, welcome_mail):
    with django_capture_on_commit_callbacks() as callbacks:
        organisation = new_service(
            first_person={
                "email": "Sam.Khan@Greenwich.gov.uk",
                "first_name": "Sam",
                "last_name": "Khan",
                "roles": [Role.ADMINISTRATOR],
            }
        )
    membership = Membership.objects.get(organisation=organisation)
    assert membership.role == Role.ADMINISTRATOR
    assert membership.user.email == "sam.khan@greenwich.gov.uk"
    assert membership.user.get_full_name() == "Sam Khan"
    assert welcome_mail == []  # the welcome e-mail is sent only once the service is saved
    for callback in callbacks:
        callback()
    assert [message.to for message in welcome_mail] == [["sam.khan@greenwich.gov.uk"]]


def test_the_first_person_is_manager_and_administrator_unless_told_otherwise(
    django_capture_on_commit_callbacks, welcome_mail
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = new_service(
            first_person={"email": "jo@greenwich.gov.uk", "first_name": "Jo", "last_name": "Lee"}
        )
    jo = get_user_model().objects.get(email="jo@greenwich.gov.uk")
    assert Membership.objects.roles_of(jo, organisation) == [Role.MANAGER, Role.ADMINISTRATOR]
    # One e-mail naming both roles.
    assert [message.to for message in welcome_mail] == [["jo@greenwich.gov.uk"]]
    assert "roles of manager and administrator in" in welcome_mail[0].body


def test_a_first_person_with_an_account_keeps_it(django_capture_on_commit_callbacks, welcome_mail, manager):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = new_service(
            first_person={"email": manager.email, "first_name": "Other", "last_name": "Name", "roles": [Role.MANAGER]}
        )
    assert Membership.objects.get(organisation=organisation).user == manager
    assert get_user_model().objects.filter(email__iexact=manager.email).count() == 1
    assert [message.to for message in welcome_mail] == [[manager.email]]


def test_without_a_first_person_nobody_has_a_role_and_nothing_is_sent(django_capture_on_commit_callbacks, welcome_mail):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = new_service()
    assert not Membership.objects.filter(organisation=organisation).exists()
    assert welcome_mail == []


# --- invalid organisations -------------------------------------------------------------------------


def nothing_set_up():
    return {
        "statuses": RagStatus.objects.count(),
        "grades": AuditGrade.objects.count(),
        "matrices": RiskMatrix.objects.count(),
        "tracked": TrackedIndicator.objects.count(),
        "reminders": ReminderSettings.objects.count(),
        "memberships": Membership.objects.count(),
        "users": get_user_model().objects.count(),
    }


FIRST_PERSON = {"email": "pat@admin.gov.uk", "first_name": "Pat", "last_name": "Jones"}


@pytest.mark.parametrize("slug", ["admin", "services", "api", "oidc"])
def test_a_reserved_slug_is_refused_and_nothing_is_created(slug, django_capture_on_commit_callbacks):
    before = nothing_set_up()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError) as raised:
        new_service(slug=slug, first_person=FIRST_PERSON)
    assert "slug" in raised.value.message_dict
    assert not Organisation.objects.filter(slug=slug).exists()
    assert nothing_set_up() == before
    assert callbacks == []


def test_a_duplicate_name_is_refused_and_nothing_is_created(organisation, django_capture_on_commit_callbacks):
    before = nothing_set_up()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError) as raised:
        new_service(slug="lewisham-2", name=organisation.name, first_person=FIRST_PERSON)
    assert "name" in raised.value.message_dict
    assert Organisation.objects.filter(name=organisation.name).count() == 1
    assert not Organisation.objects.filter(slug="lewisham-2").exists()
    assert nothing_set_up() == before
    assert callbacks == []


def test_a_duplicate_slug_is_refused_and_the_existing_service_is_untouched(organisation):
    before = nothing_set_up()
    with pytest.raises(ValidationError) as raised:
        new_service(slug="lewisham", name="Another Lewisham")
    assert "slug" in raised.value.message_dict
    assert Organisation.objects.get(slug="lewisham").name == "Lewisham Youth Offending Service"
    assert nothing_set_up() == before


# --- organisation_install --------------------------------------------------------------------------


def test_install_gives_an_organisation_without_any_set_up_every_piece(organisation):
    organisation_install(organisation=organisation, rag_scale="lewisham", audit_scale="bromley")
    assert codes(RagStatus, organisation) == ["G", "A", "R", "P"]
    assert codes(AuditGrade, organisation) == ["good", "satisfactory", "inadequate"]
    assert RiskMatrix.objects.get(organisation=organisation).bands.count() == 3
    assert TrackedIndicator.objects.for_org(organisation).count() == len(STARTER_INDICATORS)
    assert ReminderSettings.objects.filter(organisation=organisation).count() == 1


def test_installing_twice_changes_nothing():
    organisation = new_service(rag_scale="lewisham", audit_scale="bromley")
    before = what_it_has(organisation)
    organisation_install(organisation=organisation, rag_scale="lewisham", audit_scale="bromley")
    organisation_install(organisation=organisation)  # other scales than it has: still nothing changes
    assert what_it_has(organisation) == before


def test_install_keeps_a_status_label_the_organisation_edited():
    organisation = new_service(rag_scale="bromley")
    green = RagStatus.objects.for_org(organisation).get(code="G")
    green.label = "Done"
    green.save()
    organisation_install(organisation=organisation, rag_scale="lewisham")
    green.refresh_from_db()
    assert green.label == "Done"
    # Nor does another scale's step join it.
    assert codes(RagStatus, organisation) == ["G", "A", "R", "W"]


def test_install_keeps_a_deleted_status_deleted():
    organisation = new_service(rag_scale="bromley")
    RagStatus.objects.for_org(organisation).get(code="W").delete()
    organisation_install(organisation=organisation, rag_scale="bromley")
    assert codes(RagStatus, organisation) == ["G", "A", "R"]


def test_install_keeps_the_audit_grades_the_organisation_has():
    organisation = new_service(audit_scale="bromley")
    organisation_install(organisation=organisation, audit_scale="lewisham")
    assert codes(AuditGrade, organisation) == ["good", "satisfactory", "inadequate"]


def test_install_keeps_a_risk_matrix_the_organisation_chose(organisation):
    risk_matrix_install(organisation=organisation, definition=FIVE_BY_FIVE_RISK_MATRIX)
    organisation_install(organisation=organisation)
    matrix = RiskMatrix.objects.get(organisation=organisation)
    assert matrix.levels == FIVE_BY_FIVE_RISK_MATRIX["levels"]
    assert matrix.bands.count() == len(FIVE_BY_FIVE_RISK_MATRIX["bands"])


def test_install_keeps_a_digest_the_organisation_turned_off(organisation):
    ReminderSettings.objects.create(organisation=organisation, enabled=False, due_soon_days=21)
    organisation_install(organisation=organisation)
    reminders = ReminderSettings.objects.get(organisation=organisation)
    assert (reminders.enabled, reminders.due_soon_days) == (False, 21)


def test_an_organisation_already_tracking_one_indicator_does_not_get_the_starter_set(organisation):
    chosen = STARTER_INDICATORS[-1]
    assert indicators_track(organisation=organisation, codes=[chosen]) == 1
    organisation_install(organisation=organisation, starter_indicators=True)
    assert list(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True)) == [chosen]
    # It gets the other pieces all the same.
    assert RagStatus.objects.for_org(organisation).exists()
    assert RiskMatrix.objects.filter(organisation=organisation).exists()


def test_an_organisation_that_stopped_tracking_some_starters_does_not_get_them_back():
    organisation = new_service()
    dropped = TrackedIndicator.objects.for_org(organisation).get(indicator__code=STARTER_INDICATORS[0])
    dropped.delete()
    organisation_install(organisation=organisation)
    tracked = set(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True))
    assert tracked == set(STARTER_INDICATORS[1:])


def test_install_without_starter_indicators_tracks_none(organisation):
    organisation_install(organisation=organisation, starter_indicators=False)
    assert not TrackedIndicator.objects.for_org(organisation).exists()
    assert ReminderSettings.objects.filter(organisation=organisation).exists()


def test_installing_one_organisation_leaves_another_alone(organisation, other_organisation):
    before = what_it_has(other_organisation)
    organisation_install(organisation=organisation)
    assert what_it_has(other_organisation) == before


MIGRATION = ("onboarding", "0001_existing_organisations_get_what_they_lack")


def test_the_migration_gives_organisations_made_before_onboarding_what_they_lack(organisation, other_organisation):
    """It runs on the models as they were then (its own `apps`), like any data migration."""
    RagStatus.objects.create(organisation=other_organisation, code="X", label="Their own", colour="#000000")
    historical = MigrationLoader(connection).project_state(MIGRATION, at_end=False).apps
    importlib.import_module(f"onboarding.migrations.{MIGRATION[1]}").complete(historical, None)

    assert codes(RagStatus, organisation) == ["G", "A", "R", "W"]
    assert codes(AuditGrade, organisation) == ["good", "satisfactory", "not_satisfactory", "poor"]
    assert RiskMatrix.objects.get(organisation=organisation).bands.count() == 3
    assert TrackedIndicator.objects.for_org(organisation).count() == len(STARTER_INDICATORS)
    assert ReminderSettings.objects.filter(organisation=organisation).exists()
    assert codes(RagStatus, other_organisation) == ["X"]  # what it had is left as it is


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Lewisham Youth Offending Service", "lewisham"),
        ("Tower Hamlets Youth Justice Service", "tower-hamlets"),
        ("Barking & Dagenham YOS", "barking-dagenham"),
        ("Youth Justice Service", "youth-justice-service"),  # no place to take: the whole name
    ],
)
def test_a_services_name_suggests_its_short_name(name, slug):
    assert Organisation.slug_from_name(name) == slug
