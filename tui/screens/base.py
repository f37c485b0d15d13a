"""What every screen of the app shares: translated key bindings and F1 help."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import ModalScreen, Screen

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
