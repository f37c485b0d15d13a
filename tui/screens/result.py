"""The result: the country's rule and the strength of support, explained; the next step."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Static

from tui.i18n import N_, _
from tui.screens.base import NatidScreen
from tui.vocabulary import NEXT_STEPS, RULE_MET_WITHOUT_DOCUMENT
from tui.widgets.plain import plain
from tui.widgets.rule_panel import RulePanel


class ResultScreen(NatidScreen):
    """The two results side by side, every step of the score, and closing the interview."""

    HELP = N_(
        "# Result\n\nTwo results, never merged: the **country's rule** (how many answers "
        "are confirmed, against the number the country requires) and the **strength of "
        "support** (how strongly the confirmed and contradicted answers support the "
        "presumed nationality, in the words of forensic evaluative reporting). The table "
        "shows what each answer contributed and why.\n\nnatid never says a nationality is "
        "proven. **Close interview** records the end of the interview; nothing can be "
        "changed afterwards. **Escape** goes back to the review."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("ctrl+l", "app.switch_language", N_("Language")),
    ]

    def compose(self) -> ComposeResult:
        """Conclusion, next step, the two results, the contributions."""
        assessment = self.app.interview.assess()
        closed = self.app.interview.state.closed
        yield Header()
        with VerticalScroll(id="result"):
            yield Static(_("Result"), classes="title")
            label = _("Conclusion")
            yield Static(f"[b]{label}[/b]: {_(assessment.conclusion)}",
                         id="conclusion")
            step = (RULE_MET_WITHOUT_DOCUMENT
                    if assessment.conclusion == "insufficient" and assessment.rule.met
                    else NEXT_STEPS[assessment.conclusion])
            yield Static(_(step), id="next-step")
            yield RulePanel(id="rule")
            yield DataTable(id="contributions", zebra_stripes=True)
            for contradiction in assessment.contradictions:
                yield Static(f"⚠ {contradiction.message}", classes="message", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Interview closed") if closed else _("Close interview"),
                             id="close", variant="warning", disabled=closed, compact=True)
                yield Button(_("Back"), id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the contributions."""
        interview = self.app.interview
        assessment = interview.assess()
        self.query_one(RulePanel).show(assessment)
        table = self.query_one("#contributions", DataTable)
        table.add_columns(_("Question"), _("Outcome"), "log10 LR", _("Why"))
        for result in assessment.parameters:
            if result.outcome == "not asked":
                continue
            prompt = interview.question(result.parameter).officer_prompt \
                if result.parameter in {p.id for p in interview.relevant()} else result.parameter
            table.add_row(*plain(prompt[:36], _(result.outcome), f"{result.contribution:+.2f}",
                                 result.reason[:60]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close the interview, or go back."""
        if event.button.id != "close":
            self.app.pop_screen()
            return
        from tui.screens.close_dialog import CloseDialog

        interview = self.app.interview
        missing = [interview.question(p.id).officer_prompt
                   for p in interview.unanswered_required()]

        def close(reason: str | None) -> None:
            if reason is not None:
                self.app.close_interview(reason, incomplete=bool(missing))

        self.app.push_screen(CloseDialog(missing), close)
