"""Security by construction: headers, sign-in throttling, escaping."""

import pytest
from django.test import Client
from django.urls import reverse

from yos_tracker.tests.factories import PASSWORD
from yos_tracker.tests.test_settings import PRODUCTION, run_django

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_inline_script(client, manager):
    client.force_login(manager)
    response = client.get(reverse("org_home", kwargs={"org": "lewisham"}))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.content.decode()  # every script is a file


def test_production_settings_force_https_hsts_and_secure_cookies():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
    )
    result = run_django("-c", code, DJANGO_SETTINGS_MODULE="yos_tracker.settings", **PRODUCTION)
    assert result.stdout.split() == ["31536000", "True", "True", "True"]


def test_repeated_failed_sign_ins_lock_the_account_for_that_address(manager):
    browser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(4):
        response = browser.post(reverse("login"), {"username": "manager", "password": "wrong"})
        assert response.status_code == 200 and b"Please enter a correct username and password" in response.content
    assert browser.post(reverse("login"), {"username": "manager", "password": "wrong"}).status_code == 429  # fifth
    locked = browser.post(reverse("login"), {"username": "manager", "password": PASSWORD})
    assert locked.status_code == 429
    assert b"Too many failed sign-in attempts" in locked.content
    # Another address is not locked out of the same account.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(reverse("login"), {"username": "manager", "password": PASSWORD}).status_code == 302
