"""The protection flags the screening raised, each with what the officer does now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from engine.protection import RaisedFlag
from tui.i18n import _


class FlagNotice(Static):
    """A red box listing the raised flags ('Fear of return — Refer to…'); hidden when none."""

    DEFAULT_CSS: ClassVar[str] = """
    FlagNotice { height: auto; padding: 0 1; border: round $error; display: none; }
    """

    def show(self, flags: Sequence[RaisedFlag]) -> None:
        """Show these flags (labels and guidance already in the officer's language)."""
        self.border_title = _("Protection flags")
        self.update(flag_lines(flags))
        self.display = bool(flags)


def flag_lines(flags: Sequence[RaisedFlag]) -> Text:
    """One line per flag: its label in bold, then its guidance (never read as markup)."""
    text = Text()
    for number, flag in enumerate(flags):
        if number:
            text.append("\n")
        text.append("⚑ ", style="bold")
        text.append(flag.label, style="bold")
        if flag.guidance:
            text.append(f" — {flag.guidance}")
    return text
