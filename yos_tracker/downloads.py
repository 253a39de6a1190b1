import logging
from collections.abc import Callable

from django.http import FileResponse, Http404, HttpResponse

from yos_tracker.spreadsheets import CONTENT_TYPES

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


def spreadsheet_download(fmt: str, filename: str, write: Callable[[str], bytes]) -> HttpResponse:
    """An export as an attachment named filename.fmt, written by write(fmt). The address names
    the format: one that is neither .xlsx nor .csv is not found."""
    if fmt not in CONTENT_TYPES:
        raise Http404("Exports are .xlsx or .csv files.")
    response = HttpResponse(write(fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
