"""Every answer, its outcome and the inconsistencies; jump to any question to change it."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from engine.interview.state import SCREENING_PREFIX
from engine.protection import protection_of
from engine.texts import pick
from tui.i18n import N_, _
from tui.screens.base import NatidScreen
from tui.widgets.flag_notice import FlagNotice
from tui.widgets.plain import plain
from tui.widgets.rule_panel import RulePanel


class ReviewScreen(NatidScreen):
    """A table of the questions asked; Enter on a row goes back to that question."""

    HELP = N_(
        "# Review\n\nEvery question asked, its answer and its outcome. The protection "
        "screening comes first: its answers have no outcome (they are recorded as given, "
        "never scored); the protection flags they raise are shown under the table, with "
        "the inconsistent answers.\n\n**Enter** on a row goes back to that "
        "question to change its answer. **Ctrl+R** shows the result; **Escape** returns "
        "to the interview."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("ctrl+r", "result", N_("Result")),
        Binding("escape", "back", N_("Back")),
        Binding("ctrl+l", "app.switch_language", N_("Language")),
    ]

    def compose(self) -> ComposeResult:
        """The table, the inconsistencies and the live rule."""
        yield Header()
        with Vertical(id="review"):
            yield Static(_("Review"), classes="title")
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            yield FlagNotice(id="flags")
            yield Static("", id="contradictions", classes="message", markup=False)
            yield RulePanel(id="rule")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table from the engine."""
        interview = self.app.interview
        assessment = interview.assess()
        outcomes = {result.parameter: result.outcome for result in assessment.parameters}
        table = self.query_one("#answers", DataTable)
        table.add_columns("#", _("Question"), _("Answer"), _("Outcome"))
        for number, parameter in enumerate(interview.relevant(), start=1):
            question = interview.question(parameter.id)
            outcome = outcomes.get(parameter.id)  # the screening's answers have none
            table.add_row(*plain(str(number), question.officer_label[:48],
                                 _shown(interview, question)[:28],
                                 _status(question, outcome)),
                          key=parameter.id)
        self.query_one(FlagNotice).show(
            protection_of(interview, self.app.officer_language).flags)
        lines = [f"⚠ {c.message}" for c in assessment.contradictions]
        lines += [f"⚠ {interview.question(p.id).officer_label}: {mismatch}"
                  for p in interview.relevant()
                  if (mismatch := interview.answer_mismatch(p.id))]
        self.query_one("#contradictions", Static).update("\n".join(lines))
        self.query_one(RulePanel).show(assessment)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Go back to the question chosen."""
        if event.row_key.value is not None:
            self.app.jump_to(str(event.row_key.value))

    def action_result(self) -> None:
        """Show the result."""
        from tui.screens.result import ResultScreen

        self.app.push_screen(ResultScreen())

    def action_back(self) -> None:
        """Back to the interview."""
        self.app.show_current()


def _status(question: Any, outcome: str | None) -> str:
    """The outcome, telling 'does not know' from 'declined' and 'later' from 'not asked'.

    A screening answer has no outcome (``None``): it is answered, declined, or not yet.
    """
    if question.declined == "dont_know":
        return _("does not know")
    if question.skipped and question.current is None:
        return _("later")
    if outcome is not None:
        return _(outcome)
    if question.declined:
        return _("declined")
    return _("answered") if question.current is not None else _("not asked")


def _shown(interview: Any, question: Any) -> str:
    if question.declined == "declined":
        return _("declined")
    if question.declined == "dont_know":
        return _("does not know")
    value = question.current
    if value is None:
        return "—"
    language = interview.officer_language or interview.state.officer_language
    form = (interview.screening if question.id.startswith(SCREENING_PREFIX)
            and interview.screening is not None else interview.questionnaire)
    labels = {choice.value: pick(choice.label, language, form)
              for choice in form.choices_of(question.parameter)}
    if isinstance(value, list):
        return ", ".join(labels.get(item, item) for item in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return labels.get(value, value) if isinstance(value, str) else json.dumps(value)
