"""What an action produced, or why it was refused: read, then closed."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from tui.i18n import _
from tui.screens.base import NatidDialog


class NoticeDialog(NatidDialog):
    """A title, a sentence, a list (files written, reasons) and warnings; Enter closes."""

    def __init__(self, title: str, intro: str, items: Sequence[str] = (),
                 warnings: Sequence[str] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.intro = intro
        self.items = list(items)
        """What was written, or the reasons of a refusal: one line each."""
        self.warnings = list(warnings)
        """What went wrong although the action was done (the PDF when fonts are missing)."""

    def compose(self) -> ComposeResult:
        """The texts, as the engine wrote them (never read as markup), and a close button."""
        with VerticalScroll(id="dialog"):
            yield Static(self.title_text, classes="subtitle", markup=False)
            yield Static(self.intro, markup=False, id="intro")
            for item in self.items:
                yield Static(f"• {item}", markup=False, classes="item")
            for warning in self.warnings:
                yield Static(f"⚠ {warning}", markup=False, classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Close"), id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        """Enter on the button closes."""
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        """Close."""
        self.dismiss(None)
