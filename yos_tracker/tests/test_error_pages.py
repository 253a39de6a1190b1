"""Our own pages for requests that go wrong, in the layout, with a way back."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_request_that_cannot_be_understood_gets_our_page_with_a_way_home(client, manager):
    client.force_login(manager)
    response = client.get("/lewisham/", HTTP_HOST="not-this-site.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "That request could not be understood" in page and 'href="/"' in page
    assert "YOS Improvement Tracker" in page  # the layout, not a bare line of text
