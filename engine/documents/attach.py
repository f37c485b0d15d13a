"""The file of a document's copy: checked, described for the event, copied for a consulate.

The store keeps the bytes as received; the copy that goes to a consulate is the same
file without its metadata (the GPS position in a phone photo's EXIF), made again from
the stored bytes each time a request is written, and checked against the hash recorded
when the file was attached.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.documents.recorded import AttachedFile
from engine.errors import UsageError, UserError
from engine.i18n import _
from engine.store.base import StoreError

if TYPE_CHECKING:
    from engine.interview import Event, Interview
    from engine.store.base import Store


class DocumentCopyError(StoreError):
    """A stored file that no longer gives the copy recorded when it was attached."""


def describe_file(data: bytes, name: str = "") -> AttachedFile:
    """Check a file of a copy or photo, and describe it for the document's event.

    Raises:
        engine.documents.files.DocumentFileError: not a JPEG, PNG or PDF natid accepts
            (too large, too many pixels, damaged, a PDF with scripts…).
    """
    from engine.documents.files import check_file, strip_metadata

    checked = check_file(data, name)
    copy = strip_metadata(data, checked.media_type)
    return AttachedFile(sha256=checked.sha256, media_type=checked.media_type,
                        size=checked.size, consulate_sha256=hashlib.sha256(copy).hexdigest(),
                        name=name.rsplit("/", 1)[-1])


def consulate_copy(original: bytes, file: AttachedFile) -> bytes:
    """The copy of a stored file for a consulate, without its metadata.

    Raises:
        DocumentCopyError: the stored bytes are not those attached, or no longer give the
            copy recorded (the store was changed outside natid).
    """
    from engine.documents.files import strip_metadata

    if hashlib.sha256(original).hexdigest() != file.sha256:
        raise DocumentCopyError(_("the stored file {sha} was changed outside natid: run "
                                  "'natid verify' and restore the database from a backup")
                                .format(sha=file.sha256[:16]))
    copy = strip_metadata(original, file.media_type)
    if hashlib.sha256(copy).hexdigest() != file.consulate_sha256:
        raise DocumentCopyError(_("the copy of file {sha} for the consulate is not the one "
                                  "recorded when it was attached").format(sha=file.sha256[:16]))
    return copy


def read_document_file(path: str | Path) -> bytes:
    """The bytes of a copy's file, read no further than the size natid accepts.

    Raises:
        UsageError: the file cannot be read; DocumentFileError: it is too large.
    """
    from engine.documents.files import MAX_BYTES, check_file

    try:
        with Path(path).open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(_("cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None
    if len(data) > MAX_BYTES:
        check_file(data, str(path))  # refuses it, saying how large natid accepts
    return data


def record_document(interview: Interview, store: Store | None, *, path: str | None = None,
                    **fields: Any) -> Event:
    """Record a document, with the file of its copy kept in ``store`` first.

    ``fields`` are those of :meth:`Interview.record_document`. The file is checked, then
    kept in the store, then the document recorded; when the interview refuses the
    document, a file kept for it alone is removed again.

    Raises:
        UserError: the file cannot be read or is refused, the MRZ cannot be read, a field
            cannot be recorded, or the store cannot keep the file.
    """
    if not path:
        return interview.record_document(**fields)
    if store is None:
        raise UsageError(_("a document's file is kept in the interview store: open the "
                           "interview from a store"))
    data = read_document_file(path)
    attached = describe_file(data, Path(path).name)
    added = store.put_file(interview.id, data, attached.media_type)
    try:
        return interview.record_document(file=attached, **fields)
    except UserError:
        if added:
            store.delete_file(interview.id, attached.sha256)
        raise


def request_copies(interview: Interview, store: Store) -> dict[str, bytes]:
    """The copies of the interview's documents for a consulate, by their names in a request.

    engine.request.layouts.request_layout prints and attaches them.

    Raises:
        StoreError: a file is missing from the store, or was changed outside natid.
    """
    from engine.documents.recorded import copy_name

    return {copy_name(document): consulate_copy(store.file(interview.id, document.file.sha256),
                                                document.file)
            for document in interview.documents if document.file is not None}
