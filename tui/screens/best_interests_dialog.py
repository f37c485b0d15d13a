"""A child's best-interests step: which authority determined it, and its reference."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class BestInterestsDialog(NatidDialog):
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
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), id="record", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the authority."""
        self.query_one("#authority", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the authority moves to the reference; in the reference, records."""
        if event.input.id == "authority":
            self.query_one("#reference", Input).focus()
        else:
            self._record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Record or cancel."""
        if event.button.id == "record":
            self._record()
        else:
            self.dismiss(None)

    def _record(self) -> None:
        for ident in ("authority", "reference"):
            field = self.query_one(f"#{ident}", Input)
            if not field.value.strip():
                self.query_one("#message", Static).update(
                    _("Write the authority and the reference: the step is recorded with "
                      "both."))
                field.focus()
                return
        self.dismiss((self.query_one("#authority", Input).value.strip(),
                      self.query_one("#reference", Input).value.strip()))
