import logging

from django.http import FileResponse, Http404

logger = logging.getLogger(__name__)


def file_download(field_file, *, filename: str | None, content_type: str | None = None) -> FileResponse:
    """Send a stored file, streamed through the app so that only those the view let through get
    it (a bucket's objects too: no link to the bucket is given out). A file missing from storage
    (a lost volume, a partial restore, an object gone from the bucket, whose 404 django-storages
    raises as FileNotFoundError) is a logged 404 for the person, not a server error."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        logger.error("Stored file %s is missing", field_file.name)
        raise Http404("This file is no longer in storage; please tell your administrator.") from None
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
