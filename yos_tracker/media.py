"""Where uploaded evidence, rendered reports and uploads waiting to be imported are kept: files
under MEDIA_ROOT on one server, or an S3-compatible bucket when several web servers (and the
workers) must see the same files. Everything reads and writes them through Django's storage
API, never by path, so either works."""

import posixpath
from collections.abc import Iterator

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import Storage

from yos_tracker.env import env_choice, env_str, require_together


def s3_storage(
    *,
    bucket: str,
    endpoint_url: str | None = None,
    region: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    addressing_style: str = "auto",
) -> dict:
    """A STORAGES entry for the bucket, kept private: objects are stored with no ACL granted to
    anyone (only the bucket's owner reads them), any URL made for one is signed and lapses within
    a minute (nothing links to the bucket: downloads stream through the app's permission check;
    only the admin's file links are such URLs), and a second upload under a name never replaces
    the first."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region,
            "access_key": access_key,
            "secret_key": secret_key,
            "addressing_style": addressing_style,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        },
    }


def media_storage() -> dict:
    """STORAGES["default"] from the environment: a bucket when MEDIA_STORAGE=s3, or when a bucket is
    named and MEDIA_STORAGE is unset; files under MEDIA_ROOT otherwise (README: Configuration)."""
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if env_choice("MEDIA_STORAGE", ("local", "s3"), "s3" if bucket else "local") == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME, the name of the bucket")
    endpoint = env_str("AWS_S3_ENDPOINT_URL")
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"AWS_S3_ENDPOINT_URL must be an http:// or https:// address, not {endpoint!r}")
    # One key without the other would fall back to whatever credentials boto3 finds elsewhere;
    # neither means the server's own role.
    require_together("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
    access_key, secret_key = env_str("AWS_ACCESS_KEY_ID"), env_str("AWS_SECRET_ACCESS_KEY")
    return s3_storage(
        bucket=bucket,
        endpoint_url=endpoint or None,
        region=env_str("AWS_S3_REGION_NAME") or None,
        access_key=access_key or None,
        secret_key=secret_key or None,
        addressing_style=env_choice("AWS_S3_ADDRESSING_STYLE", ("auto", "path", "virtual"), "auto"),
    )


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """The name of every file the storage holds under `folder`, however deep."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # local files: nothing stored there yet, so no folder (a bucket has none to miss)
        return
    for name in files:
        yield posixpath.join(folder, name)
    for inner in folders:
        yield from stored_names(storage, posixpath.join(folder, inner))
