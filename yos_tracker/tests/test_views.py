"""Project pages through the test client: cross-organisation 404s, role 403s, the landing page."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from yos_tracker.choices import Role


def without_csrf(response) -> str:
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", response.content.decode())
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def org_url(name, org="lewisham", **kwargs):
    return reverse(name, kwargs={"org": org, **kwargs})


class TestCrossOrganisation:
    @pytest.mark.parametrize(
        "name", ["org_home", "improvement:index", "performance:index", "governance:index", "governance:reports"]
    )
    def test_board_member_of_another_organisation_gets_404(
        self, client, organisation, other_organisation, make_member, name
    ):
        client.force_login(make_member(other_organisation, Role.BOARD_MEMBER, "bromley-board"))
        assert client.get(org_url(name)).status_code == 404
        assert client.get(org_url(name, org="bromley")).status_code == 200

    def test_not_found_page_does_not_say_whether_the_organisation_exists(self, client, organisation, outsider):
        client.force_login(outsider)
        existing = client.get(org_url("org_home"))
        missing = client.get(org_url("org_home", org="no-such-service"))
        assert existing.status_code == missing.status_code == 404
        # Identical but for the CSRF token, which is masked afresh on every response.
        assert without_csrf(existing) == without_csrf(missing)


class TestRoles:
    def test_board_member_cannot_add_a_member(self, client, board_member):
        client.force_login(board_member)
        response = client.post(org_url("members:add"), {"email": "x@example.org"})
        assert response.status_code == 403
        assert (
            "As board member of Lewisham Youth Offending Service, you cannot "
            "manage the organisation&#x27;s memberships." in response.content.decode()
        )

    def test_each_role_reads_the_organisation_home(self, client, manager, board_member, officer, administrator):
        for user in (manager, board_member, officer, administrator):
            client.force_login(user)
            assert client.get(org_url("org_home")).status_code == 200


class TestHome:
    def test_member_of_one_organisation_goes_straight_there(self, client, manager):
        client.force_login(manager)
        response = client.get(reverse("home"))
        assert response.status_code == 302 and response["Location"] == "/lewisham/"

    def test_regional_user_chooses_an_organisation(self, client, organisation, other_organisation, regional):
        client.force_login(regional)
        response = client.get(reverse("home"))
        assert response.status_code == 200
        assert b"Lewisham Youth Offending Service" in response.content
        assert b"Bromley Youth Offending Service" in response.content

    def test_switcher_keeps_the_section(self, client, organisation, other_organisation, regional):
        client.force_login(regional)
        response = client.get(org_url("performance:index"))
        assert 'href="/bromley/performance/"' in response.content.decode()

    def test_dates_are_formatted_day_month_year(self):
        rendered = Template("{{ d|date:'SHORT_DATE_FORMAT' }} {{ d }}").render(
            Context({"d": datetime.date(2017, 3, 31)})
        )
        assert rendered == "31/03/2017 31/03/2017"
