"""The language sample: the person types a sentence; natid says which language it is.

Detection runs in a background thread (langdetect loads its profiles on the first
call), so the screen never waits on it.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from engine.detect import Detection, detect, suggest
from engine.errors import UserError
from engine.model import Questionnaire
from tui.i18n import _, country_name, format_percent, language_name
from tui.screens.base import RecordDialog

Sample = tuple[str, Detection]
"""What the person typed, and what natid found it to be."""


class LanguageSampleDialog(RecordDialog):
    """Returns (text, detection), or None when cancelled.

    Enter detects and shows the result; Enter again (or Record) records it.
    """

    def __init__(self, questionnaires: list[Questionnaire]) -> None:
        super().__init__()
        self.questionnaires = questionnaires
        self.found: Sample | None = None

    def compose(self) -> ComposeResult:
        """The sentence, what it is found to be, and the buttons."""
        with Vertical(id="dialog"):
            yield Static(_("Language sample"), classes="subtitle")
            yield Static(_("Ask the person to type a sentence in their own language, for "
                           "example their name and where they come from. It is a hint, "
                           "never a finding: a language shows where someone grew up, not "
                           "their nationality."), id="intro")
            yield Input(placeholder=_("the person's sentence"), compact=True, id="sample")
            yield Static("", id="detected", markup=False)
            yield from self.record_buttons()

    def on_mount(self) -> None:
        """Start in the sentence."""
        self.query_one("#sample", Input).focus()

    def entered(self, field: Input) -> None:
        """Enter: detect a new sentence; record one already detected."""
        self.record()

    def record(self) -> None:
        """Record the sentence once its language is known (detecting it first if needed)."""
        text = self.query_one("#sample", Input).value.strip()
        if not text:
            self.missing(_("The person has not typed anything yet."),
                         self.query_one("#sample", Input))
            return
        if self.found is not None and self.found[0] == text:
            self.dismiss(self.found)
            return
        self.query_one("#message", Static).update(_("Detecting the language…"))
        self._detect(text)

    @work(thread=True, exclusive=True)
    def _detect(self, text: str) -> None:
        try:
            detection = detect(text)
        except UserError as error:
            self.app.call_from_thread(self.query_one("#message", Static).update, error.message)
            return
        self.app.call_from_thread(self._show, text, detection)

    def _show(self, text: str, detection: Detection) -> None:
        self.found = (text, detection)
        self.query_one("#detected", Static).update(describe(detection, self.questionnaires))
        self.query_one("#message", Static).update(
            _("Enter records the sample with the interview; change the sentence to try again."))


def describe(detection: Detection, questionnaires: list[Questionnaire]) -> str:
    """The detection in the officer's words: candidates, doubt, questionnaires that fit."""
    if not detection.candidates:
        return _("No language found: {reason}").format(reason=detection.reason)
    candidates = ", ".join(
        f"{language_name(candidate.language)} ({candidate.language}) "
        f"{format_percent(candidate.probability)}" for candidate in detection.candidates[:3])
    lines = [_("Language: {candidates}").format(candidates=candidates),
             _("Script: {script}").format(script=detection.script)]
    if detection.uncertain:
        lines.append(_("Uncertain: {reason}").format(reason=detection.reason))
    countries = suggest(detection, questionnaires)
    lines.append(_("Questionnaires in this language: {countries}").format(
        countries=", ".join(f"{country_name(code)} ({code})" for code in countries)
        or _("none")))
    return "\n".join(lines)
