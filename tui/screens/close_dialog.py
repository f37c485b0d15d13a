"""Closing an interview: a last look, and the reason when required answers are missing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class CloseDialog(NatidDialog):
    """Returns the reason ('' when none is needed), or None when cancelled."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__()
        self.missing = missing
        """The officer's prompts of the required questions without an answer."""

    def compose(self) -> ComposeResult:
        """What closing means, what is missing, the reason and the buttons."""
        with VerticalScroll(id="dialog"):
            yield Static(_("Close the interview?"), classes="subtitle")
            yield Static(_("Nothing can be recorded or changed afterwards."))
            if self.missing:
                yield Static(_("These required questions have no answer yet:"),
                             classes="message")
                for prompt in self.missing:
                    yield Static(f"- {prompt}", markup=False)
                yield Static(_("Answer them first, or close the interview as incomplete "
                               "and say why (the person left, was transferred, ...)."))
                yield Input(placeholder=_("why the interview ends here"), compact=True,
                            id="reason")
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Close as incomplete") if self.missing else _("Close interview"),
                             id="close", variant="warning", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start on the reason when one is needed, else on Cancel."""
        self.query_one("#reason" if self.missing else "#cancel").focus()

    def on_input_submitted(self) -> None:
        """Enter closes."""
        self._close()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close or cancel."""
        if event.button.id == "close":
            self._close()
        else:
            self.dismiss(None)

    def _close(self) -> None:
        if not self.missing:
            self.dismiss("")
            return
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.query_one("#message", Static).update(
                _("Say why the interview ends before its required questions are answered."))
            return
        self.dismiss(reason)
