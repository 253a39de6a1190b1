"""Validation of uploaded files, shared by every app: allowed types by extension *and* content,
and a size limit, so a renamed executable or an oversized file is refused with a clear message."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Extension → the leading bytes files of that type start with (None: plain text, checked as UTF-8).
_ZIP = (b"PK\x03\x04",)
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".csv": None,
    ".txt": None,
}
BINARY_SIGNATURES = tuple({signature for signatures in SIGNATURES.values() if signatures for signature in signatures})


def validate_upload(upload, *, allowed: set[str] | None = None, max_bytes: int | None = None) -> None:
    max_bytes = max_bytes or settings.EVIDENCE_MAX_BYTES
    extension = Path(upload.name).suffix.lower()
    allowed = allowed or set(SIGNATURES)
    if extension not in allowed:
        raise ValidationError(
            f"Files of type “{extension or 'none'}” cannot be uploaded. Allowed: {', '.join(sorted(allowed))}."
        )
    if upload.size > max_bytes:
        raise ValidationError(f"This file is {filesizeformat(upload.size)}; the limit is {filesizeformat(max_bytes)}.")
    if upload.size == 0:
        raise ValidationError("This file is empty.")

    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES[extension]
    if signatures is None:
        if head.startswith(BINARY_SIGNATURES):  # a PDF or workbook renamed .csv is not text
            raise ValidationError(f"The contents of this file do not match its {extension} extension.")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a multi-byte character at the 2 KB boundary is still text.
            if error.start < len(head) - 3:
                raise ValidationError(f"This does not look like a {extension} text file.") from None
        if b"\x00" in head:
            raise ValidationError(f"This does not look like a {extension} text file.")
    elif not head.startswith(signatures):
        raise ValidationError(f"The contents of this file do not match its {extension} extension.")
