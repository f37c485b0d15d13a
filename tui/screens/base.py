"""What every screen of the app shares: translated key bindings and F1 help."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tui.i18n import N_, _


def translated(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The same bindings with their descriptions in the officer's language."""
    return {
        key: item._replace(binding=dataclasses.replace(
            item.binding, description=_(item.binding.description) if item.binding.description
            else ""))
        for key, item in active.items()
    }


class NatidScreen(Screen[Any]):
    """A full screen: its footer speaks the officer's language; F1 opens its help."""

    HELP: ClassVar[str] = ""
    """What this screen is for and how to use it (a msgid, translated when shown)."""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "help", N_("Help"))]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings shown in the footer, translated."""
        return translated(super().active_bindings)

    def action_help(self) -> None:
        """Show this screen's help."""
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(_(self.HELP)))


class NatidDialog(ModalScreen[Any]):
    """A dialog over the current screen; Escape closes it without a result."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings shown in the footer, translated."""
        return translated(super().active_bindings)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)


class RecordDialog(NatidDialog):
    """A dialog of fields that ends with Record and Cancel; Enter in a field records.

    Each dialog says in :meth:`record` what it checks and what it returns.
    """

    def record_buttons(self) -> ComposeResult:
        """The line for what is missing, then the Record and Cancel buttons."""
        yield Static("", id="message", classes="message")
        with Horizontal(classes="buttons"):
            yield Button(_("Record"), id="record", variant="primary", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter records (a dialog of several fields may move on instead: ``entered``)."""
        self.entered(event.input)

    def entered(self, field: Input) -> None:
        """Enter was pressed in ``field``: record."""
        self.record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Record or cancel."""
        if event.button.id == "record":
            self.record()
        else:
            self.dismiss(None)

    def record(self) -> None:
        """Check the fields and close with what they say (the dialogs say what)."""
        self.dismiss(None)

    def missing(self, message: str, field: Widget) -> None:
        """Say what is missing and put the cursor where it goes."""
        self.query_one("#message", Static).update(message)
        field.focus()
