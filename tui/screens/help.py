"""The help dialog (F1): what the current screen is for and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Markdown

from tui.i18n import _
from tui.screens.base import NatidDialog


class HelpScreen(NatidDialog):
    """Help text for the screen below, closed with Escape or the button."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        """The text and a close button."""
        with VerticalScroll(id="dialog"):
            yield Markdown(self.text)
            yield Button(_("Close"), id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        """Focus the text, so arrows and Page Down scroll it."""
        self.query_one("#dialog").focus()

    def on_button_pressed(self) -> None:
        """Close the help."""
        self.dismiss(None)
