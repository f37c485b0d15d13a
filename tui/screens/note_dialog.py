"""A note of the officer's on the current question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class NoteDialog(NatidDialog):
    """Returns the note's text, or None when cancelled."""

    def compose(self) -> ComposeResult:
        """The note and the buttons."""
        with Vertical(id="dialog"):
            yield Static(_("Note"), classes="subtitle")
            yield Input(placeholder=_("what you noticed"), compact=True, id="note")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), id="record", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the note."""
        self.query_one("#note", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter records."""
        self.dismiss(self.query_one("#note", Input).value.strip() or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Record or cancel."""
        text = self.query_one("#note", Input).value.strip()
        self.dismiss(text or None if event.button.id == "record" else None)
