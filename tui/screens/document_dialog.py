"""A document the person carries: what it is, its MRZ, and the file of its copy.

The dialog stays open until the engine has recorded the document: a refusal (an MRZ
mistyped, a file that is no photo, a date in the wrong form) is shown in the dialog,
and everything typed stays for the officer to correct.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from engine.documents.recorded import DOCUMENT_TYPES
from tui.i18n import _
from tui.screens.base import RecordDialog


class DocumentDialog(RecordDialog):
    """Asks the app to record the document; returns the confirmation shown, or None."""

    def compose(self) -> ComposeResult:
        """The document's fields, its MRZ, its file, and the buttons."""
        with VerticalScroll(id="dialog"):
            yield Static(_("Document"), classes="subtitle")
            yield Static(_("Record a document the person carries, or a copy or photo of one "
                           "(on paper or on a phone). An original passport, identity card or "
                           "citizenship certificate, not expired, proves nationality; a copy "
                           "or any other document establishes a presumption."), id="intro")
            with Horizontal(classes="row"):
                yield Label(_("Type"), classes="field-label")
                yield Select([(_(name), kind) for kind, name in DOCUMENT_TYPES.items()],
                             prompt=_("Choose the type"), compact=True, id="type")
            with Horizontal(classes="row"):
                yield Label(_("Seen"), classes="field-label")
                yield Select([(_("the original"), "original"), (_("a copy or a photo"), "copy")],
                             prompt=_("Original or copy?"), compact=True, id="seen")
            for ident, label, hint in (
                    ("country", _("Issued by"), _("ISO code of the country, e.g. IN")),
                    ("number", _("Number"), _("as printed")),
                    ("issued", _("Issued on"), "YYYY-MM-DD"),
                    ("expires", _("Expires on"), "YYYY-MM-DD"),
                    ("file", _("File"), _("path of the photo or scan (JPEG, PNG, PDF)"))):
                with Horizontal(classes="row"):
                    yield Label(label, classes="field-label")
                    yield Input(placeholder=hint, compact=True, id=ident)
            yield Static(_("Machine-readable zone (the two or three lines of <<< at the foot "
                           "of a passport or the back of an ID card), as printed:"))
            yield TextArea(id="mrz", soft_wrap=False, show_line_numbers=False, compact=True)
            yield from self.record_buttons()

    def on_mount(self) -> None:
        """Start in the type."""
        self.query_one("#type", Select).focus()

    def entered(self, field: Input) -> None:
        """Enter moves to the next field; in the file, records."""
        if field.id == "file":
            self.record()
        else:
            self.focus_next()

    def fields(self) -> dict[str, Any]:
        """What the officer typed."""
        kind = self.query_one("#type", Select).value
        seen = self.query_one("#seen", Select).value
        values = {ident: self.query_one(f"#{ident}", Input).value.strip()
                  for ident in ("country", "number", "issued", "expires", "file")}
        mrz = self.query_one("#mrz", TextArea).text.strip()
        return {"kind": kind if isinstance(kind, str) else None,
                "original": None if not isinstance(seen, str) else seen == "original",
                "mrz": mrz or None, **values}

    def record(self) -> None:
        """Have the app record the document; stay open on a refusal."""
        fields = self.fields()
        if fields["kind"] is None:
            self.missing(_("Choose the type of document."), self.query_one("#type", Select))
            return
        if fields["original"] is None:
            self.missing(_("Say whether you saw the original or a copy."),
                         self.query_one("#seen", Select))
            return
        refusal, confirmation = self.app.record_document(fields)
        if refusal:
            self.query_one("#message", Static).update(_("Not recorded: {reason}").format(
                reason=refusal))
            return
        self.dismiss(confirmation)
