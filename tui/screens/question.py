"""One question at a time: the prompt in both languages, the answer, and what else to do."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, ProgressBar, Static

from engine.errors import UserError
from engine.interview import Question
from engine.interview.state import SCREENING_PREFIX
from engine.protection import protection_of
from tui.i18n import N_, _, country_name
from tui.screens.base import NatidScreen
from tui.widgets.answer_input import AnswerInput, NoAnswer
from tui.widgets.flag_notice import FlagNotice
from tui.widgets.rule_panel import RulePanel, describe


class QuestionScreen(NatidScreen):
    """The current question; every answer is saved before the next question appears."""

    HELP = N_(
        "# Question\n\nThe top box shows the question **in the person's language**, in "
        "their own script; below it, the same question in yours, and guidance.\n\n"
        "Record the answer, then **Ctrl+S** (or **Enter** in a text field) saves it and "
        "moves on. The answer is on disk before the next question appears.\n\n"
        "- **Ctrl+D**: the person declines to answer; **Ctrl+K**: the person does not "
        "know. Neither counts against them.\n- **Ctrl+P**: leave the question for later.\n"
        "- **Ctrl+B**: the question before.\n- **Ctrl+E**: record what you verified "
        "(a document seen, the interpreter's confirmation), with the reason.\n"
        "- **Ctrl+N**: a note.\n- **Ctrl+O**: a document the person carries (or a copy "
        "or photo of one): its type, number, dates, the machine-readable zone and the file "
        "of the copy.\n- **Ctrl+T**: a language sample: the person types a "
        "sentence in their own language.\n- **Ctrl+W**: share the interview live with the "
        "consulate (a link for its browser), or stop sharing.\n- **Ctrl+R**: review every "
        "answer and see the "
        "result.\n\nnatid notes the script and language of each written answer: an answer "
        "in a script other than the person's, or in a language that is neither the "
        "person's nor yours, is pointed out (check who typed it). It changes nothing in "
        "the result.\n\n"
        "Every interview begins with the **protection screening** (marked at the top "
        "left): whether the person was informed and agrees, their age, the nationality "
        "they declare, and signs that they may need protection. Its answers are recorded "
        "as given, never verified or scored. When an answer raises a **protection flag** "
        "(fear of return, a child, signs of trafficking...), a red box says so at once, "
        "with what to do: no request can go to a consulate for a person who may need "
        "protection; natid prepares a referral instead.\n\n"
        "During the country's questions, the box at the bottom shows the country's rule "
        "and the strength of support as they stand."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("ctrl+b", "back", N_("Back"), priority=True),
        Binding("ctrl+p", "skip", N_("Later"), priority=True),
        Binding("ctrl+d", "decline", N_("Declined"), priority=True),
        Binding("ctrl+k", "dont_know", N_("Don't know"), priority=True),
        Binding("ctrl+e", "verify", N_("Verify"), priority=True),
        Binding("ctrl+n", "note", N_("Note"), priority=True),
        Binding("ctrl+r", "review", N_("Review"), priority=True),
        Binding("ctrl+t", "sample", N_("Language sample"), priority=True),
        Binding("ctrl+o", "document", N_("Document"), priority=True),
        Binding("ctrl+w", "app.toggle_share", N_("Share with the consulate"), priority=True,
                show=False),
        Binding("ctrl+l", "app.switch_language", N_("Language")),
    ]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """Progress, the question in both languages, the answer, the live rule."""
        texts = self._texts()
        yield Header()
        with VerticalScroll(id="question"):
            with Horizontal(classes="progress-row"):
                yield Static(texts["section"], id="section", classes="section", markup=False)
                yield Static(texts["counter"], id="counter", classes="counter")
                yield ProgressBar(total=1, show_eta=False, id="progress")
            yield FlagNotice(id="flags")
            for ident in ("interviewee-prompt", "officer-prompt", "help-text", "state"):
                yield Static(texts[ident], id=ident, markup=False)
            yield AnswerInput(self.question, id="answer-input")
            yield Static("", id="message", classes="message", markup=False)
            yield RulePanel(describe(self.app.interview.assess()), id="rule")
        yield Footer()

    def on_mount(self) -> None:
        """Show progress; put the cursor in the answer."""
        self._fill()
        self.query_one(AnswerInput).focus_answer()

    async def show(self, question: Question) -> None:
        """Put another question on this screen (faster than a new screen per question)."""
        self.question = question
        await self.query_one(AnswerInput).remove()
        new = AnswerInput(question, id="answer-input")
        await self.query_one("#question", VerticalScroll).mount(new, before="#message")
        self._fill()
        new.focus_answer()

    @property
    def screening(self) -> bool:
        """Whether the question on screen belongs to the protection screening."""
        return self.question.id.startswith(SCREENING_PREFIX)

    def _texts(self) -> dict[str, str]:
        question = self.question
        state = (_("Recorded: the person declined to answer") if question.declined == "declined"
                 else _("Recorded: the person does not know") if question.declined
                 else self.app.interview.answer_mismatch(question.id))
        section = (_("Protection screening") if self.screening
                   else _("Questionnaire of {country}").format(
                       country=country_name(self.app.interview.questionnaire.country)))
        return {
            "section": section,
            "counter": _("Question {number} of {total}").format(number=question.number,
                                                                total=question.total),
            "interviewee-prompt": question.interviewee_prompt,
            "officer-prompt": question.officer_prompt,
            "help-text": question.help,
            "state": state,
        }

    def _fill(self) -> None:
        done, total = self.app.interview.progress()
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)
        for ident, text in self._texts().items():
            widget = self.query_one(f"#{ident}", Static)
            widget.update(text)
            widget.display = bool(text)
        self.query_one("#section", Static).set_class(self.screening, "screening")
        self.query_one("#message", Static).update("")
        self.query_one(FlagNotice).show(
            protection_of(self.app.interview, self.app.officer_language).flags)
        rule = self.query_one(RulePanel)
        rule.display = not self.screening  # the screening is never scored
        rule.show(self.app.interview.assess())

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in a text field saves."""
        self.action_save()

    def action_save(self) -> None:
        """Save the answer and go to the next question."""
        answer = self.query_one(AnswerInput)
        try:
            value = answer.value()
        except NoAnswer as problem:
            self.say(str(problem))
            return
        calendar = answer.calendar()
        ident = self.question.id
        if self.act(lambda: self.app.interview.answer(ident, value, calendar=calendar)):
            mismatch = self.app.interview.answer_mismatch(ident)
            if mismatch:
                self.app.notify(f"{self.question.officer_label}: {mismatch}",
                                severity="warning", timeout=10)

    def action_decline(self) -> None:
        """The person declines to answer."""
        self.act(lambda: self.app.interview.decline(self.question.id, "declined"))

    def action_dont_know(self) -> None:
        """The person does not know."""
        self.act(lambda: self.app.interview.decline(self.question.id, "dont_know"))

    def action_skip(self) -> None:
        """Leave the question for later."""
        self.act(lambda: self.app.interview.skip(self.question.id))

    def action_back(self) -> None:
        """Go to the question before."""
        self.act(lambda: self.app.interview.go_to(self._previous()))

    def _previous(self) -> str:
        ids = [parameter.id for parameter in self.app.interview.relevant()]
        position = ids.index(self.question.id)
        if position == 0:
            raise _NothingBefore
        return ids[position - 1]

    def action_verify(self) -> None:
        """Record a finding on the answer."""
        from tui.screens.verify_dialog import VerifyDialog

        refusal = self.app.interview.why_not_verifiable(self.question.id)
        if refusal:
            self.say(refusal)
            return

        def record(finding: tuple[str, str] | None) -> None:
            if finding is not None:
                outcome, reason = finding
                self.act(lambda: self.app.interview.verify(self.question.id, outcome, reason),
                         move_on=False)

        self.app.push_screen(VerifyDialog(self.question.officer_prompt), record)

    def action_note(self) -> None:
        """Add a note to this question."""
        from tui.screens.note_dialog import NoteDialog

        def record(text: str | None) -> None:
            if text:
                self.act(lambda: self.app.interview.note(text, self.question.id),
                         move_on=False)

        self.app.push_screen(NoteDialog(), record)

    def action_sample(self) -> None:
        """Take the person's language sample and record it with the interview."""
        from tui.screens.sample_dialog import LanguageSampleDialog, Sample

        questionnaires = [self.app.interview.questionnaire]

        def record(sample: Sample | None) -> None:
            if sample is not None and self.app.record_sample(sample):
                self.say(_("Language sample recorded."))
                self.query_one(RulePanel).show(self.app.interview.assess())

        self.app.push_screen(LanguageSampleDialog(questionnaires), record)

    def action_document(self) -> None:
        """Record a document the person carries (the dialog records it through the app)."""
        from tui.screens.document_dialog import DocumentDialog

        def recorded(confirmation: str | None) -> None:
            if confirmation:
                self.say(confirmation)
                self.query_one(RulePanel).show(self.app.interview.assess())

        self.app.push_screen(DocumentDialog(), recorded)

    def action_review(self) -> None:
        """See every answer and the result so far."""
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def act(self, action: object, *, move_on: bool = True) -> bool:
        """Run an engine action; on success move on, on refusal say why and stay.

        Returns whether the action was recorded.
        """
        try:
            action()  # type: ignore[operator]
        except _NothingBefore:
            self.say(_("This is the first question."))
            return False
        except UserError as error:
            self.say(_("Not saved: {reason}").format(reason=error.message))
            return False
        if move_on:
            self.app.show_current()
        else:
            self.say(_("Saved."))
            self.query_one(RulePanel).show(self.app.interview.assess())
        return True

    def say(self, text: str) -> None:
        """Show a message under the answer."""
        self.query_one("#message", Static).update(text)


class _NothingBefore(Exception):
    """Back on the first question."""
