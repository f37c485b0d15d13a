"""The live panel: the country's rule and the strength of support, as they stand."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Static

from engine.assessment import Assessment
from tui.i18n import _, format_number, ngettext


class RulePanel(Static):
    """'3 of 5 confirmations' and the strength of support, updated after every answer."""

    DEFAULT_CSS: ClassVar[str] = """
    RulePanel { height: auto; padding: 0 1; border: round $primary; }
    """

    def show(self, assessment: Assessment) -> None:
        """Show an assessment."""
        self.update(describe(assessment))


def describe(assessment: Assessment) -> str:
    """The rule and the strength of support in two lines (Rich markup)."""
    rule = assessment.rule
    count = len(rule.confirmed)
    line = ngettext("{count} of {required} confirmation", "{count} of {required} "
                    "confirmations", rule.required).format(count=count, required=rule.required)
    met = _("rule met") if rule.met else _("rule not met yet")
    rule_label, strength_label = _("Country rule"), _("Strength of support")
    return (f"[b]{rule_label}[/b]: {line} — {met}\n"
            f"[b]{strength_label}[/b]: {strength_words(assessment)} "
            f"(log10 LR {format_number(assessment.log10_lr, signed=True)})")


def strength_words(assessment: Assessment) -> str:
    """The strength of support in the officer's language."""
    words = _(assessment.support)
    if assessment.direction == "for":
        return _("{support} for the presumed nationality").format(support=words)
    if assessment.direction == "against":
        return _("{support} against the presumed nationality").format(support=words)
    return words
