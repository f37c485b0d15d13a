"""The officer's finding on an answer: confirmed or contradicted, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class VerifyDialog(NatidDialog):
    """Returns (outcome, reason), or None when cancelled."""

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        """The choice, the reason and the buttons."""
        with Vertical(id="dialog"):
            yield Static(_("What did you verify?"), classes="subtitle")
            yield Static(self.prompt)
            with RadioSet(id="outcome"):
                yield RadioButton(_("Confirmed: a document or the interpreter confirms it"),
                                  name="confirmed")
                yield RadioButton(_("Contradicted: a document or the interpreter contradicts "
                                    "it"), name="contradicted")
            yield Input(placeholder=_("reason: what you saw or heard"),
                        compact=True, id="reason")
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), id="record", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the choice: arrows move, Space or Enter chooses."""
        self.query_one("#outcome", RadioSet).focus()

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
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        if pressed is None or pressed.name is None:
            self.query_one("#message", Static).update(
                _("Choose Confirmed or Contradicted first (arrows, then Space)."))
            self.query_one("#outcome", RadioSet).focus()
            return
        if not reason:
            self.query_one("#message", Static).update(_("Say why: a finding needs a reason."))
            self.query_one("#reason", Input).focus()
            return
        self.dismiss((pressed.name, reason))
