"""The media storage in a bucket (a real S3-compatible server, moto's) keeps every file private
to the application and never lets one upload replace another; the stored files are found
however deep they sit, in the bucket as under MEDIA_ROOT."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from yos_tracker.media import stored_names


def test_an_object_in_the_bucket_is_refused_to_anyone_without_the_applications_credentials(s3_media):
    name = default_storage.save("evidence/minutes.pdf", ContentFile(b"%PDF-1.7 minutes"))
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_media.endpoint}/{s3_media.bucket}/{name}", timeout=5)
    assert refused.value.code == 403
    grants = s3_media.client.get_object_acl(Bucket=s3_media.bucket, Key=name)["Grants"]
    assert [grant["Grantee"]["Type"] for grant in grants] == ["CanonicalUser"]  # the owner alone, no group


def test_two_uploads_under_one_name_are_both_kept(s3_media):
    first = default_storage.save("evidence/minutes.pdf", ContentFile(b"first"))
    second = default_storage.save("evidence/minutes.pdf", ContentFile(b"second"))
    assert first != second
    assert s3_media.objects() == {first: b"first", second: b"second"}


def test_a_url_for_an_object_is_signed_and_lapses_within_a_minute(s3_media):
    name = default_storage.save("reports/lewisham/report-1-v1.pdf", ContentFile(b"%PDF-1.7"))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(default_storage.url(name)).query)
    assert "X-Amz-Signature" in query
    assert int(query["X-Amz-Expires"][0]) <= 60


@pytest.fixture(params=["local files", "bucket"])
def any_storage(request):
    if request.param == "bucket":
        request.getfixturevalue("s3_media")
    return default_storage


def test_every_stored_file_is_found_however_deep(any_storage):
    for name in ["evidence/a.pdf", "reports/lewisham/report-1-v1.pdf", "reports/bromley/report-2-v1.pdf", "top.txt"]:
        any_storage.save(name, ContentFile(b"x"))
    assert sorted(stored_names(any_storage)) == [
        "evidence/a.pdf",
        "reports/bromley/report-2-v1.pdf",
        "reports/lewisham/report-1-v1.pdf",
        "top.txt",
    ]
    assert list(stored_names(any_storage, "reports/bromley")) == ["reports/bromley/report-2-v1.pdf"]


def test_no_folder_yet_means_no_stored_files():
    assert list(stored_names(default_storage, "imports")) == []
