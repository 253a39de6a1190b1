"""The database goes away while an import is being written: the import fails as a whole with a
clear message, nothing is half written, and confirming again imports everything once.

The connection is cut by PostgreSQL itself: a trigger terminates the importing backend when the
third action is inserted, once (a sequence counts inserts outside any transaction)."""

import pytest
from django.db import connection
from django.urls import reverse

from improvement.models import Action, ProgressUpdate, RagStatus
from improvement.tests.factories import PlanFactory
from improvement.tests.test_spreadsheet import row, xlsx

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="cuts a PostgreSQL connection")


@pytest.fixture
def connection_cut_on_third_action(transactional_db):
    table = Action._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CREATE SEQUENCE fault_action_inserts")
        cursor.execute(
            """CREATE FUNCTION fault_cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF nextval('fault_action_inserts') = 3 THEN
                PERFORM pg_terminate_backend(pg_backend_pid());
              END IF;
              RETURN NEW;
            END $$"""
        )
        cursor.execute(
            f"CREATE TRIGGER fault_cut_connection AFTER INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION fault_cut_connection()"
        )
    yield
    connection.close()  # whatever state the cut left it in
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER fault_cut_connection ON {table}")
        cursor.execute("DROP FUNCTION fault_cut_connection()")
        cursor.execute("DROP SEQUENCE fault_action_inserts")


def test_an_import_cut_off_by_the_database_writes_nothing_and_can_be_confirmed_again(
    client, organisation, manager, connection_cut_on_third_action
):
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    rows = [row(reference=f"4({letter})", status="A", update="Started", update_date="01/12/2015") for letter in "abcde"]
    url = reverse("improvement:plan_import", kwargs={"org": "lewisham", "pk": plan.pk})
    client.force_login(manager)

    preview = client.post(url, {"file": xlsx(rows)})
    token = preview.context["token"]
    assert token

    cut = client.post(url, {"token": token, "confirm": "1"})
    assert cut.status_code == 302
    assert not Action.objects.filter(recommendation__plan=plan).exists()
    assert not ProgressUpdate.objects.filter(action__recommendation__plan=plan).exists()

    again = client.get(cut["Location"])
    page = again.content.decode()
    assert "The database could not be reached while the import was being saved" in page
    assert "nothing was imported" in page
    assert again.context["token"] == token
    assert again.context["result"].counts["create"] == 5

    done = client.post(url, {"token": token, "confirm": "1"})
    assert done.status_code == 302
    assert done["Location"] == plan.get_absolute_url()
    assert sorted(Action.objects.filter(recommendation__plan=plan).values_list("reference", flat=True)) == [
        f"4({letter})" for letter in "abcde"
    ]
    assert ProgressUpdate.objects.filter(action__recommendation__plan=plan).count() == 5
