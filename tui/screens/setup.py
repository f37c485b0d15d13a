"""A new interview: where it is held, the country of presumed nationality, the language."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Header, Label, Select, Static

from engine.detect import suggest
from engine.model.consulates import RCM_COUNTRIES
from tui.i18n import N_, _, country_name, language_name
from tui.screens.base import NatidScreen
from tui.screens.sample_dialog import Sample


class SetupScreen(NatidScreen):
    """Where the interview is held, which country's questionnaire, which language."""

    HELP = N_(
        "# New interview\n\nChoose the **country where the interview is held** (a member "
        "of the Regional Conference on Migration): a request goes to the consulate that "
        "serves it. natid remembers it until you quit.\n\nChoose the **country of presumed "
        "nationality**: natid uses the questionnaire that country contributed.\n\nChoose "
        "the **person's language**: each question is shown in it, beside your own language, "
        "so the person can read it in their own script.\n\n**Ctrl+T** (or **Language "
        "sample**) lets the person type a sentence in their own language: natid says which "
        "language it is and which questionnaires are written in it, and records the sample "
        "with the interview. It is a hint, never a finding.\n\nEvery interview begins with the "
        "**protection screening**, then the country's questions.\n\n**Start** begins the "
        "interview; **Escape** goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("ctrl+t", "sample", N_("Language sample")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sample: Sample | None = None

    def compose(self) -> ComposeResult:
        """The three choices and the start button."""
        choices = self.app.questionnaires()
        yield Header()
        with Vertical(id="setup"):
            yield Static(_("New interview"), classes="title")
            with Horizontal(classes="row"):
                yield Label(_("Interview held in"), classes="field-label")
                yield Select(sorted(((f"{country_name(code)} ({code})", code)
                                     for code in RCM_COUNTRIES), key=_by_name),
                             value=self.app.interviewing_country, allow_blank=False,
                             compact=True, id="held-in")
            with Horizontal(classes="row"):
                yield Label(_("Country"), classes="field-label")
                yield Select([(f"{country_name(q.country)} ({q.country})", index)
                              for index, (_path, q) in enumerate(choices)],
                             prompt=_("Choose the country"), compact=True, id="country")
            with Horizontal(classes="row"):
                yield Label(_("Person's language"), classes="field-label")
                yield Select([], prompt=_("Choose the country first"), compact=True,
                             id="interviewee")
            yield Static("", id="sample-found", markup=False)
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("Start"), id="start", variant="primary", compact=True)
                yield Button(_("Language sample"), id="sample", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Start in the country field: the country of the interview changes seldom."""
        self.query_one("#country", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Remember where interviews are held; offer the chosen questionnaire's languages."""
        if event.select.id == "held-in" and isinstance(event.value, str):
            self.app.interviewing_country = event.value
            return
        if event.select.id != "country" or not isinstance(event.value, int):
            return
        _path, questionnaire = self.app.questionnaires()[event.value]
        languages = self.query_one("#interviewee", Select)
        languages.set_options([(language_name(code), code) for code in questionnaire.languages])
        languages.prompt = _("Choose the person's language")
        if self.sample is not None:
            sampled = [c.language for c in self.sample[1].candidates]
            fitting = [code for code in questionnaire.languages
                       if code.split("-")[0] in sampled]
            if fitting:
                languages.value = fitting[0]

    def action_sample(self) -> None:
        """Let the person type a sentence; choose the questionnaire it suggests."""
        from tui.screens.sample_dialog import LanguageSampleDialog, describe

        questionnaires = [q for _path, q in self.app.questionnaires()]

        def keep(sample: Sample | None) -> None:
            if sample is None:
                return
            self.sample = sample
            self.query_one("#sample-found", Static).update(
                _("Language sample: “{text}”").format(text=sample[0]) + "\n"
                + describe(sample[1], questionnaires))
            countries = suggest(sample[1], questionnaires)
            country = self.query_one("#country", Select)
            if countries and not isinstance(country.value, int):
                codes = [q.country for q in questionnaires]
                country.value = codes.index(countries[0])

        self.app.push_screen(LanguageSampleDialog(questionnaires), keep)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Begin the interview, or take a language sample."""
        if event.button.id == "sample":
            self.action_sample()
            return
        country = self.query_one("#country", Select).value
        language = self.query_one("#interviewee", Select).value
        if not isinstance(country, int):
            self.query_one("#message", Static).update(_("Choose the country first."))
            return
        if not isinstance(language, str):
            self.query_one("#message", Static).update(_("Choose the person's language."))
            return
        self.app.begin(country, language, sample=self.sample)


def _by_name(option: tuple[str, str]) -> str:
    """Sort 'Estados Unidos' and 'États-Unis' among the E's."""
    return unicodedata.normalize("NFKD", option[0]).casefold()
