"""The result's protection panel: the flags raised, and whether a request can be prepared."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from engine.protection import Obstacle, Protection
from engine.request.referral import ROUTE_NAMES
from tui.i18n import _, country_name
from tui.widgets.flag_notice import flag_lines


class ProtectionPanel(Static):
    """What the protection screening allows, as the engine says it."""

    DEFAULT_CSS: ClassVar[str] = """
    ProtectionPanel { height: auto; padding: 0 1; border: round $warning; margin-bottom: 1; }
    ProtectionPanel.-flagged { border: round $error; }
    ProtectionPanel.-clear { border: round $success; }
    """

    def show(self, protection: Protection, obstacles: Sequence[Obstacle]) -> None:
        """Show the flags, the referral they call for, and the request's obstacles."""
        self.border_title = _("Protection")
        self.set_class(bool(protection.flags), "-flagged")
        self.set_class(not protection.flags and not obstacles, "-clear")
        self.update(describe(protection, obstacles))


def describe(protection: Protection, obstacles: Sequence[Obstacle]) -> Text:
    """The panel's text (labels, guidance and obstacles in the officer's language)."""
    lines: list[Text] = []
    if protection.flags:
        lines.append(flag_lines(protection.flags))
    elif protection.screened:
        lines.append(Text(_("The protection screening raised no flag.")))
    if protection.routes:
        authorities = ", ".join(_(ROUTE_NAMES[route]) for route in protection.routes)
        lines.append(Text(_("A referral can be prepared (Ctrl+F) for: {authorities}.").format(
            authorities=authorities), style="bold"))
    step = protection.best_interests
    if protection.child and step is not None:
        lines.append(Text("✔ " + _("Best-interests step recorded: {authority}, "
                                   "{reference}.").format(
            authority=step.data.get("authority", ""), reference=step.data.get("reference", ""))))
    routing = protection.routing
    if routing is not None:
        lines.append(Text("✔ " + _("The request goes to {country}: {reason}").format(
            country=country_name(str(routing.data.get("country", ""))),
            reason=routing.data.get("reason", ""))))
    if lines:
        lines.append(Text())
    if obstacles:
        lines.append(Text(_("No request to the consulate can be prepared now:"), style="bold"))
        lines.extend(Text(f"• {obstacle.message}") for obstacle in obstacles)
    else:
        lines.append(Text("✔ " + _("A request to the consulate can be prepared (Ctrl+P)."),
                          style="bold"))
    return Text("\n").join(lines)
