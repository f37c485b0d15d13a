"""The officer's finding on an answer: confirmed or contradicted, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, RadioButton, RadioSet, Static

from tui.i18n import _
from tui.screens.base import RecordDialog


class VerifyDialog(RecordDialog):
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
            yield from self.record_buttons()

    def on_mount(self) -> None:
        """Start in the choice: arrows move, Space or Enter chooses."""
        self.query_one("#outcome", RadioSet).focus()

    def record(self) -> None:
        """Return the outcome and the reason, once both are given."""
        reason = self.query_one("#reason", Input).value.strip()
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        if pressed is None or pressed.name is None:
            self.missing(_("Choose Confirmed or Contradicted first (arrows, then Space)."),
                         self.query_one("#outcome", RadioSet))
            return
        if not reason:
            self.missing(_("Say why: a finding needs a reason."), self.query_one("#reason", Input))
            return
        self.dismiss((pressed.name, reason))
