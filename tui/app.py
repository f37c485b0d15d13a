"""The officer's terminal app: start, choose, interview, review, result.

The app holds no rules: it asks the engine for the question, records through the
engine (which saves every event in the store before it counts) and shows the
engine's assessment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from engine.bundled import bundled_paths, find_questionnaire
from engine.detect import preload
from engine.errors import InternalError, UserError
from engine.interview import Interview
from engine.loader import LoadResult, check_file
from engine.model import Questionnaire
from engine.store import Store, open_store
from engine.store.recorded import resume_recorded, start_recorded
from tui.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, language_name, translator

if TYPE_CHECKING:
    from textual.timer import Timer

    from engine.render.layout import Layout
    from tui.commands.share import BackgroundShare
    from tui.screens.sample_dialog import Sample

DEFAULT_INTERVIEWING_COUNTRY = "MX"
"""The RCM country where interviews are held until the officer chooses another."""


@dataclass
class Prepared:
    """What preparing a request or a referral wrote, and to whom it is addressed."""

    addressee: str
    """The consulate (a request) or the authorities (a referral) it is addressed to."""
    written: list[Path] = field(default_factory=list)
    """The files written, JSON first."""
    problems: list[str] = field(default_factory=list)
    """What could not be written (the PDF when fonts are missing), in the officer's words."""


class NatidApp(App[int]):
    """natid's interview app."""

    CSS_PATH = "natid.tcss"
    TITLE = "natid"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("Quit"), show=False),
        Binding("f2", "toggle_dark", N_("Light or dark"), show=False),
    ]

    def __init__(self, *, db: str | None = None, questionnaire: str | None = None,
                 officer_language: str = DEFAULT_LANGUAGE, officer: str = "",
                 office: str = "", interviewing_country: str = DEFAULT_INTERVIEWING_COUNTRY,
                 output_dir: str | Path | None = None) -> None:
        super().__init__()
        self.db = db
        self.only_questionnaire = questionnaire
        self.officer_language = officer_language
        self.officer = officer
        self.office = office
        self.interviewing_country = interviewing_country
        """The RCM country where the interview is held (chosen on the setup screen)."""
        self.output_dir = Path(output_dir) if output_dir is not None else Path.cwd()
        """Where requests and referrals are written."""
        self._store: Store | None = None
        self._interview: Interview | None = None
        self._loaded: list[tuple[Path, LoadResult]] | None = None
        self._share: BackgroundShare | None = None
        self._share_timer: Timer | None = None
        self._language_before = translator.language
        translator.set_language(officer_language)

    @property
    def store(self) -> Store:
        """The open store."""
        if self._store is None:
            raise InternalError("the app has no store open")
        return self._store

    @property
    def interview(self) -> Interview:
        """The interview on screen."""
        if self._interview is None:
            raise InternalError("no interview is open")
        return self._interview

    def _handle_exception(self, error: Exception) -> None:
        """A fault of natid's own: say so without a traceback (NATID_DEBUG=1 shows it)."""
        if os.environ.get("NATID_DEBUG"):
            super()._handle_exception(error)
            return
        self._exception = self._exception or error
        self.exit(70, message=(
            f"natid: internal error (NATID-E099): {type(error).__name__}: {error}\n"
            "Everything recorded before this was saved; reopen natid to resume the "
            "interview. Run again with NATID_DEBUG=1 for the details to report."))

    # Start and stop -------------------------------------------------------------------

    def on_mount(self) -> None:
        """Open the store, then show the start screen."""
        from tui.screens.start import StartScreen

        try:
            self._store = open_store(self.db)
            self.questionnaires()
        except UserError as error:
            self.exit(3, message=f"natid: {error.message}")
            return
        self.sub_title = _("Nationality identification")
        self.push_screen(StartScreen())

    def on_unmount(self) -> None:
        """Release the store; natid speaks again the language it spoke before the app."""
        if self._share is not None:
            self._share.stop()
        if self._store is not None:
            self._store.close()
        translator.language = self._language_before

    # Questionnaires -------------------------------------------------------------------

    def questionnaires(self) -> list[tuple[Path, Questionnaire]]:
        """The questionnaires offered: the one asked for, or every bundled one."""
        if self._loaded is None:
            paths = ([find_questionnaire(self.only_questionnaire)] if self.only_questionnaire
                     else bundled_paths())
            loaded = [(path, check_file(path)) for path in paths]
            self._loaded = [(path, result) for path, result in loaded if result.ok]
            if not self._loaded:
                first = loaded[0][1].unwrap() if loaded else None
                raise UserError(f"no questionnaire can be used ({first})")
        return [(path, result.unwrap()) for path, result in self._loaded]

    def _result_for(self, country: str) -> LoadResult:
        for _path, result in self._loaded or []:
            if result.questionnaire is not None and result.questionnaire.country == country:
                return result
        return check_file(find_questionnaire(country))

    # Interviews -----------------------------------------------------------------------

    def open_interviews(self) -> list[object]:
        """The open interviews in the store, newest first."""
        return list(self.store.interviews("open"))

    def begin(self, index: int, interviewee_language: str, *,
              sample: Sample | None = None) -> None:
        """Start a new interview with the questionnaire chosen, where the officer said.

        A language sample taken before is recorded with it.
        """
        _path, result = (self._loaded or [])[index]
        try:
            interview = start_recorded(
                self.store, result.unwrap(), interviewee_language=interviewee_language,
                officer_language=self.officer_language, officer=self.officer,
                office=self.office, content_hash=result.content_hash,
                interviewing_country=self.interviewing_country)
        except UserError as error:
            self.notify(_("Not started: {reason}").format(reason=error.message),
                        severity="error")
            return
        self._interview = interview
        self._say_store_notices()
        if sample is not None:
            self.record_sample(sample)
        self._preload_detection()
        self.show_current()

    def _say_store_notices(self) -> None:
        """What the store has to tell the officer (a master key it has just created)."""
        while self.store.notices:
            self.notify(self.store.notices.pop(0), severity="warning", timeout=30)

    def record_sample(self, sample: Sample) -> bool:
        """Record the person's language sample with the interview; say so if it fails."""
        try:
            self.interview.record_language_sample(sample[0], detection=sample[1])
        except UserError as error:
            self.notify(_("Language sample not recorded: {reason}").format(
                reason=error.message), severity="error")
            return False
        return True

    def record_document(self, fields: dict[str, Any]) -> tuple[str, str]:
        """Record a document from the dialog's fields: ('', what was recorded), or (why not, '').

        The file of its copy is kept in the store first; nothing typed is lost on a
        refusal (the dialog stays open).
        """
        from engine.documents.attach import record_document

        try:
            event = record_document(
                self.interview, self.store, path=fields["file"] or None, kind=fields["kind"],
                original=fields["original"], issuing_country=fields["country"],
                number=fields["number"], issued=fields["issued"], expires=fields["expires"],
                mrz=fields["mrz"])
        except UserError as error:
            return error.message, ""
        document = next(d for d in self.interview.documents
                        if d.document_id == event.data["document_id"])
        result = next((r for r in self.interview.assess().documents
                       if r.parameter.endswith(document.document_id)), None)
        reason = (result.reason if result is not None
                  else _("It counts once, with the same document recorded before."))
        return "", _("Recorded: {document}. {reason}").format(document=document.describe(),
                                                             reason=reason)

    @work(thread=True, exclusive=True, group="detect", exit_on_error=False)
    def _preload_detection(self) -> None:
        """Load langdetect's profiles in the background: text answers are read with it."""
        preload()

    def resume(self, interview_id: str) -> None:
        """Reopen a stored interview where it stopped."""
        try:
            summary = self.store.interview(interview_id)
            result = self._result_for(summary.country)
            if summary.content_hash and summary.content_hash != result.content_hash:
                self.notify(_("The questionnaire has changed since this interview began."),
                            severity="warning")
            self._interview = resume_recorded(self.store, result.unwrap(), summary.id)
        except UserError as error:
            self.notify(_("Cannot resume: {reason}").format(reason=error.message),
                        severity="error")
            return
        self._preload_detection()
        self.show_current()

    def show_current(self) -> None:
        """Show the question to put now, or the review when every question is dealt with.

        A closed interview shows only its result: nothing in it can change.
        """
        from tui.screens.question import QuestionScreen
        from tui.screens.result import ResultScreen
        from tui.screens.review import ReviewScreen

        if self.interview.state.closed:
            self._back_to_start()
            self.push_screen(ResultScreen())
            return
        question = self.interview.current()
        if question is not None and isinstance(self.screen, QuestionScreen):
            self.call_next(self.screen.show, question)
            return
        self._back_to_start()
        self.push_screen(ReviewScreen() if question is None else QuestionScreen(question))

    def jump_to(self, parameter_id: str) -> None:
        """Go to a question from the review."""
        try:
            self.interview.go_to(parameter_id)
        except UserError as error:
            self.notify(error.message, severity="error")
            return
        self.show_current()

    def close_interview(self, reason: str = "", *, incomplete: bool = False) -> None:
        """Record the end of the interview; its result stays, to prepare what it produces."""
        try:
            self.interview.close(reason, incomplete=incomplete)
        except UserError as error:
            self.notify(_("Not closed: {reason}").format(reason=error.message),
                        severity="error")
            return
        self.notify(_("Interview closed."))
        self.show_current()

    def finish(self) -> None:
        """Leave the interview on screen and go back to the start screen."""
        from tui.screens.start import StartScreen

        self._interview = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(StartScreen())

    def _back_to_start(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    # Sharing with the consulate -------------------------------------------------------

    def action_toggle_share(self) -> None:
        """Ctrl+W: share the interview live with its consulate (``natid share``), or stop."""
        from tui.commands.share import BackgroundShare

        if self._share is not None:
            self._share.stop()
            self._share = None
            if self._share_timer is not None:
                self._share_timer.stop()
                self._share_timer = None
            self.notify(_("Sharing stopped: the consulate's link no longer works."))
            return
        try:
            self._share = BackgroundShare.start(
                self.interview, db=self.store.location, officer=self._officer(),
                interviewing_country=self.interviewing_country)
        except UserError as error:
            self.notify(_("Not shared: {reason}").format(reason=error.message),
                        severity="error", timeout=20)
            return
        self.copy_to_clipboard(self._share.link)
        self.notify(_("Shared with {consulate}. Send this link (it works once): {link}").format(
            consulate=self._share.consulate, link=self._share.link), timeout=60)
        if self._share_timer is not None:
            self._share_timer.stop()
        self._share_timer = self.set_interval(0.25, self._follow_share, name="share")

    def _follow_share(self) -> None:
        """While sharing: take in what the consulate recorded in the store, and show it."""
        from engine.interview.events import EventKind
        from tui.widgets.rule_panel import RulePanel

        if self._interview is None or self._share is None:
            return
        if not self._share.running:
            self._share = None
            if self._share_timer is not None:
                self._share_timer.stop()
                self._share_timer = None
            self.notify(_("Sharing has ended."))
        stored = self.store.interview(self._interview.id).event_count
        known = len(self._interview.events)
        if stored == known:
            return
        self._interview = resume_recorded(self.store, self._interview.questionnaire,
                                          self._interview.id)
        for event in self._interview.events[known:]:
            if event.kind is EventKind.CONSULAR_FINDING:
                self.notify(_("{officer}: '{id}' {outcome}").format(
                    officer=event.officer, id=event.data["parameter"],
                    outcome=_(event.data["outcome"])), timeout=15)
        for panel in self.screen.query(RulePanel):
            panel.show(self._interview.assess())

    # Requests and referrals ---------------------------------------------------------

    def prepare_request(self) -> Prepared:
        """Ask the engine for the certificate request, and write it as JSON and PDF.

        The request goes to the consulate that serves the country where the interview is
        held. The engine's gate decides; a refusal is recorded at once, a request once its
        JSON file is written (a request that could not be written was not produced).

        Raises:
            RequestRefusedError: the protection gate holds the request back.
            UserError: the folder cannot be written in, or no consulate serves the country.
        """
        from engine.documents.attach import request_copies
        from engine.request.build import prepare_request, record_prepared
        from engine.request.layouts import request_layout
        from engine.store.recorded import must_be_intact

        folder = self._output_folder()
        interview, officer = self.interview, self._officer()
        must_be_intact(self.store, interview.id)
        request = prepare_request(
            interview, officer=officer,
            interviewing_country=interview.state.interviewing_country
            or self.interviewing_country)
        copies = request_copies(interview, self.store)
        stem = folder / f"request-{request.request_id}"
        prepared = _write_documents(stem, data=request.model_dump_json(indent=2) + "\n",
                                    layout=request_layout(request, copies),
                                    prepared_at=request.prepared_at,
                                    addressee=request.addressee.name)
        if prepared.written:
            for name, data in copies.items():
                _write_file(prepared, stem.with_name(f"{stem.name}-{name}"), data)
        if prepared.written:
            record_prepared(interview, request, officer=officer)
        return prepared

    def prepare_referral(self) -> Prepared:
        """Ask the engine for the referral to the protection authorities, and write it.

        Raises:
            NothingToReferError: the screening raised no flag that calls for a referral.
            UserError: the folder cannot be written in.
        """
        from engine.request.layouts import referral_layout
        from engine.request.referral import build_referral, record_referral

        folder = self._output_folder()
        officer = self._officer()
        referral = build_referral(self.interview, officer=officer,
                                  language=self.officer_language, record=False)
        prepared = _write_documents(
            folder / f"referral-{referral.referral_id}",
            data=referral.model_dump_json(indent=2) + "\n", layout=referral_layout(referral),
            prepared_at=referral.prepared_at,
            addressee=", ".join(route.authority for route in referral.routes))
        if prepared.written:
            record_referral(self.interview, referral, officer=officer)
        return prepared

    def _officer(self) -> str:
        return self.officer.strip() or self.interview.state.officer

    def _output_folder(self) -> Path:
        folder = self.output_dir
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise UserError(_("natid cannot write in the folder {folder}: nothing was "
                              "prepared").format(folder=folder))
        return folder

    # Language -------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Speak another language from now on: every screen is redrawn in it."""
        from tui.screens.result import ResultScreen
        from tui.screens.review import ReviewScreen
        from tui.screens.setup import SetupScreen
        from tui.screens.start import StartScreen

        translator.set_language(language)
        self.officer_language = language
        if self._interview is not None:
            self._interview.officer_language = language
        self.sub_title = _("Nationality identification")
        showing = type(self.screen)
        if isinstance(self.screen, StartScreen):
            self.screen.remember_fields()
        # Screens are built afresh in the new language, where they were.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(StartScreen())
        if showing is SetupScreen:
            self.push_screen(SetupScreen())
        elif self._interview is not None and showing is not StartScreen:
            self.show_current()  # a closed interview: its result
            if self._interview.state.closed:
                return
            if showing in (ReviewScreen, ResultScreen):
                self.push_screen(ReviewScreen())
            if showing is ResultScreen:
                self.push_screen(ResultScreen())

    def action_switch_language(self) -> None:
        """Ctrl+L: the next officer language."""
        index = LANGUAGES.index(self.officer_language)
        self.set_language(LANGUAGES[(index + 1) % len(LANGUAGES)])
        self.notify(_("natid now speaks {language}.").format(
            language=language_name(self.officer_language, self.officer_language)))


def _write_documents(stem: Path, *, data: str, layout: Layout, prepared_at: str,
                     addressee: str) -> Prepared:
    """Write ``stem``.json, then ``stem``.pdf; what cannot be written is said, never raised."""
    from engine.interview.events import parse_time
    from engine.render import render_pdf

    prepared = Prepared(addressee)
    _write_file(prepared, stem.with_name(f"{stem.name}.json"), data.encode("utf-8"))
    if not prepared.written:
        return prepared  # without its JSON, the document was not produced
    try:
        pdf = render_pdf(layout, created=parse_time(prepared_at))
    except UserError as error:  # the fonts are missing, or the PDF cannot be made
        prepared.problems.append(_("No PDF: {reason}").format(reason=error.message))
    else:
        _write_file(prepared, stem.with_name(f"{stem.name}.pdf"), pdf)
    return prepared


def _write_file(prepared: Prepared, path: Path, data: bytes) -> None:
    """Write a new file, readable by its owner only (it names a person), never over another.

    A failure is added to ``prepared.problems``.
    """
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as stream:
            stream.write(data)
    except OSError as error:
        prepared.problems.append(_("{path} was not written: {reason}").format(
            path=path, reason=error.strerror or error))
    else:
        prepared.written.append(path)
