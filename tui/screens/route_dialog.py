"""Routing the request to the presumed nationality, although the person declared another."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class RouteDialog(NatidDialog):
    """Returns the reason, or None when cancelled."""

    def __init__(self, declared: str, presumed: str) -> None:
        super().__init__()
        self.declared = declared
        """The country the person declared, by name."""
        self.presumed = presumed
        """The country of the interview's questionnaire, by name."""

    def compose(self) -> ComposeResult:
        """What routing means, the reason and the buttons."""
        with VerticalScroll(id="dialog"):
            yield Static(_("Send the request to {presumed}?").format(presumed=self.presumed),
                         classes="subtitle", markup=False)
            yield Static(_("The person declared the nationality of {declared}, so a request "
                           "goes to {declared} first. Say why it goes to {presumed} instead "
                           "(for example: the consulate of {declared} found no record).")
                         .format(declared=self.declared, presumed=self.presumed),
                         markup=False)
            yield Input(placeholder=_("why the request goes to {presumed}").format(
                presumed=self.presumed), compact=True, id="reason")
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), id="record", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the reason."""
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter records."""
        self._record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Record or cancel."""
        if event.button.id == "record":
            self._record()
        else:
            self.dismiss(None)

    def _record(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.query_one("#message", Static).update(
                _("Say why: the routing is recorded with its reason."))
            return
        self.dismiss(reason)
