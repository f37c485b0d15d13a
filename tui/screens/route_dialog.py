"""Routing the request to the presumed nationality, although the person declared another."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tui.i18n import _
from tui.screens.base import RecordDialog


class RouteDialog(RecordDialog):
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
            yield from self.record_buttons()

    def on_mount(self) -> None:
        """Start in the reason."""
        self.query_one("#reason", Input).focus()

    def record(self) -> None:
        """Return the reason, once it is given."""
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.missing(_("Say why: the routing is recorded with its reason."),
                         self.query_one("#reason", Input))
            return
        self.dismiss(reason)
