"""A child's best-interests step: which authority determined it, and its reference."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tui.i18n import _
from tui.screens.base import RecordDialog


class BestInterestsDialog(RecordDialog):
    """Returns (authority, reference), or None when cancelled."""

    def compose(self) -> ComposeResult:
        """What the step is, the two fields and the buttons."""
        with VerticalScroll(id="dialog"):
            yield Static(_("Best-interests step"), classes="subtitle")
            yield Static(_("The person is a child, or their age is not established: no "
                           "request can go to a consulate until the child protection "
                           "authority has determined the child's best interests. Record "
                           "who determined them and the reference of that determination."))
            yield Static(_("Authority"), classes="subtitle")
            yield Input(placeholder=_("who determined the child's best interests"),
                        compact=True, id="authority")
            yield Static(_("Reference"), classes="subtitle")
            yield Input(placeholder=_("the reference of that determination"), compact=True,
                        id="reference")
            yield from self.record_buttons()

    def on_mount(self) -> None:
        """Start in the authority."""
        self.query_one("#authority", Input).focus()

    def entered(self, field: Input) -> None:
        """Enter in the authority moves to the reference; in the reference, records."""
        if field.id == "authority":
            self.query_one("#reference", Input).focus()
        else:
            self.record()

    def record(self) -> None:
        """Return the authority and the reference, once both are given."""
        for ident in ("authority", "reference"):
            field = self.query_one(f"#{ident}", Input)
            if not field.value.strip():
                self.missing(_("Write the authority and the reference: the step is recorded "
                               "with both."), field)
                return
        self.dismiss((self.query_one("#authority", Input).value.strip(),
                      self.query_one("#reference", Input).value.strip()))
