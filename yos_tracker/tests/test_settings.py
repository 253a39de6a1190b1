"""Configuration comes from the environment, strictly. These start real Django processes."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from yos_tracker.env import (
    DEVELOPMENT_SECRET_KEY,
    env_bool,
    env_choice,
    env_int,
    env_list,
    oidc_issuer,
    require_together,
)
from yos_tracker.media import media_storage

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k8Jq3-production-like-secret-key-of-decent-length-2mV9xZ0pLr7sWq4tY6u",
    "ALLOWED_HOSTS": "yos.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://yos.example.gov.uk",
}
COUNCIL_SIGN_IN = {
    "OIDC_ISSUER": "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0/",
    "OIDC_CLIENT_ID": "6731de76-14a6-49ae-97bc-6eba6914391e",
    "OIDC_CLIENT_SECRET": "a-client-secret",
}


def run_django(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "REDIS_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "CELERY_BROKER_URL",
            *COUNCIL_SIGN_IN,
            "MEDIA_STORAGE",
        }
        and not k.startswith("AWS_")
    }
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def setting(name, **env):
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    result = run_django("-c", code, DJANGO_SETTINGS_MODULE="yos_tracker.settings", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_is_clean_with_production_values():
    result = run_django("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_django("manage.py", "check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("x", "SECRET_KEY must be at least 50 characters when DEBUG is off (it has 1)"),
        (DEVELOPMENT_SECRET_KEY, "SECRET_KEY is the development key, which is public"),
    ],
)
def test_it_refuses_a_short_or_public_secret_key_when_debug_is_off(key, message):
    result = run_django("manage.py", "check", **{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode != 0
    assert message in result.stderr


def test_the_development_key_is_used_only_while_debug_is_on():
    assert setting("SECRET_KEY", DEBUG="true", SECRET_KEY="") == DEVELOPMENT_SECRET_KEY


def test_unset_database_url_means_sqlite_in_the_project_folder():
    assert setting("DATABASES['default']['NAME']") == str(BASE_DIR / "db.sqlite3")


def test_postgres_url_means_postgresql():
    engine = setting("DATABASES['default']['ENGINE']", DATABASE_URL="postgres://yos@db.example:5432/yos")
    assert engine == "django.db.backends.postgresql"


def test_no_broker_means_eager_tasks_and_a_redis_url_means_a_real_broker():
    assert setting("CELERY_TASK_ALWAYS_EAGER") == "True"
    assert setting("CELERY_TASK_ALWAYS_EAGER", REDIS_URL="redis://127.0.0.1:6379/1") == "False"
    assert setting("CELERY_BROKER_URL", CELERY_BROKER_URL="redis://broker:6379/2") == "redis://broker:6379/2"


MEDIA_ENVIRONMENT = [
    "MEDIA_STORAGE",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_S3_ADDRESSING_STYLE",
]


@pytest.fixture
def media_environment(monkeypatch):
    """media_environment(**values): the media storage's variables as given, the others unset."""
    for name in MEDIA_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)

    def set_to(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_to


def test_a_bucket_named_in_the_environment_makes_the_media_storage_that_bucket_kept_private():
    storage = setting(
        "STORAGES['default']",
        AWS_STORAGE_BUCKET_NAME="lewisham-yos-media",
        AWS_S3_ENDPOINT_URL="https://s3.council.example",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret-example",
        AWS_S3_ADDRESSING_STYLE="path",
    )
    assert ast.literal_eval(storage) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "lewisham-yos-media",
            "endpoint_url": "https://s3.council.example",
            "region_name": "eu-west-2",
            "access_key": "AKIAEXAMPLE",
            "secret_key": "secret-example",
            "addressing_style": "path",
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        },
    }


def test_the_media_storage_is_files_under_media_root_unless_a_bucket_is_named_or_chosen(media_environment):
    local = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert media_storage() == local
    media_environment(AWS_STORAGE_BUCKET_NAME="yos", MEDIA_STORAGE="local")
    assert media_storage() == local
    media_environment(MEDIA_STORAGE="s3")
    assert media_storage()["OPTIONS"]["bucket_name"] == "yos"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "bucket", "AWS_STORAGE_BUCKET_NAME": "yos"}, "MEDIA_STORAGE must be one of local, s3"),
        ({"AWS_STORAGE_BUCKET_NAME": "yos", "AWS_S3_ENDPOINT_URL": "s3.example"}, "must be an http:// or https://"),
        ({"AWS_STORAGE_BUCKET_NAME": "yos", "AWS_ACCESS_KEY_ID": "AKIA"}, "AWS_SECRET_ACCESS_KEY go together"),
        ({"AWS_STORAGE_BUCKET_NAME": "yos", "AWS_S3_ADDRESSING_STYLE": "dns"}, "must be one of auto, path, virtual"),
    ],
)
def test_a_media_storage_that_cannot_work_is_an_error(media_environment, env, message):
    media_environment(**env)
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage()


def test_a_boolean_that_is_neither_true_nor_false_is_an_error(monkeypatch):
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
        env_bool("FLAG", False)
    for raw, expected in [("1", True), ("Yes", True), ("off", False), ("", True)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG", True) is expected


def test_numbers_and_lists_are_parsed(monkeypatch):
    monkeypatch.setenv("N", "12")
    monkeypatch.setenv("HOSTS", " a.example , b.example,, ")
    assert env_int("N", 1) == 12
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured):
        env_int("N", 1)


def test_council_sign_in_is_off_without_its_variables_and_its_backend_comes_after_the_others_with_them():
    assert "CouncilAccountBackend" not in setting("AUTHENTICATION_BACKENDS")
    backends = setting("AUTHENTICATION_BACKENDS", **COUNCIL_SIGN_IN)
    order = [backends.index(name) for name in ("AxesStandaloneBackend", "UserNameOrEmail", "CouncilAccount")]
    assert order == sorted(order)
    assert setting("OIDC_OP_ISSUER", **COUNCIL_SIGN_IN) == COUNCIL_SIGN_IN["OIDC_ISSUER"].rstrip("/")


def test_council_sign_in_variables_go_together(monkeypatch):
    for name in ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    require_together("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")
    monkeypatch.setenv("OIDC_ISSUER", "https://login.microsoftonline.com/a-tenant/v2.0")
    with pytest.raises(ImproperlyConfigured, match="set OIDC_CLIENT_ID, OIDC_CLIENT_SECRET too, or none of them"):
        require_together("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")


@pytest.mark.parametrize(
    ("issuer", "refusal"),
    [
        ("login.microsoftonline.com/a-tenant/v2.0", "must be a web address"),
        ("http://login.microsoftonline.com/a-tenant/v2.0", "must use https://"),
        ("https://login.microsoftonline.com/common/v2.0", "“common” accepts the accounts of every Microsoft tenant"),
        ("https://login.microsoftonline.com/organizations/v2.0", "must be your own tenant's issuer"),
    ],
)
def test_an_issuer_must_be_one_organisations_own_over_https(monkeypatch, issuer, refusal):
    monkeypatch.setenv("OIDC_ISSUER", issuer)
    with pytest.raises(ImproperlyConfigured, match=refusal):
        oidc_issuer("OIDC_ISSUER")


@pytest.mark.parametrize(
    "issuer", ["https://login.microsoftonline.com/a-tenant/v2.0", "http://127.0.0.1:8080/realms/dev", ""]
)
def test_a_tenants_own_issuer_or_one_on_this_machine_is_accepted(monkeypatch, issuer):
    monkeypatch.setenv("OIDC_ISSUER", issuer + "/" if issuer else "")
    assert oidc_issuer("OIDC_ISSUER") == issuer


def test_a_choice_is_one_of_its_values_in_any_case(monkeypatch):
    monkeypatch.setenv("KIND", " S3 ")
    assert env_choice("KIND", ("local", "s3"), "local") == "s3"
    monkeypatch.setenv("KIND", "")
    assert env_choice("KIND", ("local", "s3"), "local") == "local"
    monkeypatch.setenv("KIND", "ftp")
    with pytest.raises(ImproperlyConfigured, match="KIND must be one of local, s3, not 'ftp'"):
        env_choice("KIND", ("local", "s3"), "local")
