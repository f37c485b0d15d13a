"""An interview in progress: actions that check, record an event, and move on.

Every action either raises :class:`InterviewError` (or :class:`AnswerError`) and
changes nothing, or appends exactly one event and applies it. ``Interview.resume``
rebuilds an interview exactly from its events.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from engine.detect import Detection, detect, written_in
from engine.documents.recorded import (
    AttachedFile,
    DocumentRecordError,
    RecordedDocument,
    document_data,
    from_zone,
)
from engine.errors import UserError
from engine.i18n import _
from engine.interview.answers import AnswerError, check_answer, check_written
from engine.interview.audit import check_audit_event
from engine.interview.dates import check_original, given_in
from engine.interview.events import (
    AUDIT_KINDS,
    Event,
    EventKind,
    InterviewRecordError,
    format_time,
)
from engine.interview.question import Question, build_question, fitting_choices
from engine.interview.state import (
    DECLINE_REASONS,
    SCREENING_PREFIX,
    InterviewState,
    ParameterState,
    apply,
    relevant_in,
)
from engine.language_evidence import answer_mismatch
from engine.model import Form, Kind, Parameter, Questionnaire, Screening, Verification
from engine.model.consulates import RCM_COUNTRIES
from engine.suggest import did_you_mean
from engine.texts import pick

if TYPE_CHECKING:
    from engine.assessment import Assessment

Clock = Callable[[], datetime.datetime]
Sink = Callable[[Event, "Interview"], None]
"""Called with each new event before it is applied: a store saves it there, durably.
If the sink raises, the event is not applied and the interview stays as it was."""


class InterviewError(UserError):
    """An action that cannot be taken in this interview now; nothing was recorded."""

    code = "NATID-E052"


_NOT_ABOUT_A_QUESTION = frozenset({EventKind.DOCUMENT_RECORDED, EventKind.DOCUMENT_WITHDRAWN,
                                   EventKind.LANGUAGE_SAMPLE})


def _check_whole(event: Event, index: int) -> None:
    """Check an event about the whole interview (the fold checks documents' data)."""
    if event.kind is EventKind.LANGUAGE_SAMPLE:
        try:
            Detection.from_dict(event.data.get("detection"))
        except ValueError as error:
            raise InterviewRecordError(f"event #{index + 1}: {error}") from None


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class Interview:
    """One person's interview with one questionnaire."""

    def __init__(self, questionnaire: Questionnaire, events: Sequence[Event],
                 *, clock: Clock = _utc_now, content_hash: str = "",
                 sink: Sink | None = None, screening: Screening | None = None) -> None:
        """Rebuild an interview from its events (use :meth:`start` to begin one).

        ``sink`` receives every event recorded from now on (the given events are
        already stored). An interview that began with the protection screening is
        rebuilt with ``screening``, or with the bundled one when none is given.
        """
        self.questionnaire = questionnaire
        self.screening: Screening | None = None
        self._screening_parameters: dict[str, Parameter] = {}
        self.clock = clock
        self.sink = sink
        self.officer_language: str | None = None
        """The officer's language for prompts from now on (default: the one recorded)."""
        self._events: list[Event] = []
        self.state = InterviewState()
        if not events:
            raise InterviewRecordError("an interview needs at least its 'started' event")
        self._apply(events[0])
        if self.state.screening is not None:
            self._use_screening(screening)
        country = self.state.questionnaire.get("country")
        if country != questionnaire.country:
            raise InterviewRecordError(
                f"this interview was recorded with the questionnaire of {country!r}, "
                f"not {questionnaire.country!r}")
        for event in events[1:]:
            self._apply(event)
        self.content_hash = content_hash or str(self.state.questionnaire.get("content_hash", ""))

    @classmethod
    def start(cls, questionnaire: Questionnaire, *, interviewee_language: str,
              officer_language: str, officer: str, content_hash: str = "",
              interview_id: str | None = None, clock: Clock = _utc_now,
              office: str = "", sink: Sink | None = None,
              screening: Screening | None = None, screening_hash: str = "",
              interviewing_country: str = "") -> Interview:
        """Begin a new interview.

        Args:
            questionnaire: the country's questionnaire.
            interviewee_language: the language the person reads (e.g. 'hi').
            officer_language: the language of the officer's screen (e.g. 'es').
            officer: who conducts the interview.
            content_hash: the sha256 of the questionnaire file, kept with the interview.
            interview_id: an id of your own; a random one by default.
            clock: where the time of each event comes from (UTC).
            office: where the interview takes place.
            sink: receives every event, the first included, before it counts (a store).
            screening: the protection screening, asked before the country's questions
                (without it, no certificate request can be produced).
            screening_hash: the sha256 of the screening file.
            interviewing_country: the RCM country where the interview is held ('MX').
        """
        if not isinstance(officer, str) or not officer.strip():
            raise InterviewError("an interview needs the officer's name")
        for what, code in (("interviewee", interviewee_language), ("officer", officer_language)):
            if not isinstance(code, str) or not code.strip():
                raise InterviewError(f"an interview needs the {what}'s language")
        base = interviewee_language.split("-", maxsplit=1)[0]
        if interviewee_language not in questionnaire.languages and base not in \
                questionnaire.languages:
            raise InterviewError(
                f"the questionnaire of {questionnaire.country} is not written in "
                f"{interviewee_language!r}; its languages are "
                + ", ".join(questionnaire.languages))
        if interviewing_country and interviewing_country not in RCM_COUNTRIES:
            raise InterviewError(
                f"{interviewing_country!r} is not a member state of the Regional Conference on "
                "Migration; give its ISO code: " + ", ".join(RCM_COUNTRIES))
        extra: dict[str, Any] = {}
        if screening is not None:
            extra["screening"] = {"version": screening.version, "content_hash": screening_hash}
        if interviewing_country:
            extra["interviewing_country"] = interviewing_country
        started = Event(EventKind.STARTED, format_time(clock()), officer.strip(), {
            "interview_id": interview_id or uuid.uuid4().hex,
            "questionnaire": {"country": questionnaire.country,
                              "version": questionnaire.version,
                              "content_hash": content_hash},
            "interviewee_language": interviewee_language,
            "officer_language": officer_language,
            "office": office,
            **extra,
        })
        interview = cls(questionnaire, [started], clock=clock, content_hash=content_hash,
                        screening=screening)
        if sink is not None:
            sink(started, interview)
            interview.sink = sink
        return interview

    @classmethod
    def resume(cls, questionnaire: Questionnaire, events: Sequence[Event],
               *, clock: Clock = _utc_now, sink: Sink | None = None,
               screening: Screening | None = None) -> Interview:
        """The interview exactly as its events leave it."""
        return cls(questionnaire, events, clock=clock, sink=sink, screening=screening)

    # Reading --------------------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        """Every event so far, oldest first (a copy)."""
        return list(self._events)

    @property
    def id(self) -> str:
        """The interview's id."""
        return self.state.interview_id

    def relevant(self) -> list[Parameter]:
        """The questions asked given the answers so far, in order: the screening's first."""
        return [*self.screening_relevant(), *self.state.relevant(self.questionnaire)]

    def screening_relevant(self) -> list[Parameter]:
        """The screening questions asked given its answers so far ('screening.<id>')."""
        return relevant_in(self.state, list(self._screening_parameters.values()),
                           SCREENING_PREFIX)

    def answers(self) -> dict[str, Any]:
        """The answers that count (to questions still asked), by parameter id."""
        return {**self.screening_answers(prefixed=True),
                **self.state.counting_answers(self.questionnaire)}

    def screening_answers(self, *, prefixed: bool = False) -> dict[str, Any]:
        """The screening's answers that count, by its own ids (or 'screening.<id>')."""
        found: dict[str, Any] = {}
        for parameter in self.screening_relevant():
            current = self.state.parameters.get(parameter.id)
            if current is not None and current.answered:
                key = parameter.id if prefixed else parameter.id.removeprefix(SCREENING_PREFIX)
                found[key] = current.value
        return found

    def dealt_with(self, parameter_id: str) -> bool:
        """Whether a question is answered, or the person declined or does not know."""
        return self._dealt_with(parameter_id)

    def current(self) -> Question | None:
        """The question to put now, or None when every question is dealt with.

        That is the question the officer moved to, else one whose answer no longer fits
        a changed answer (a district outside the state now given), else the first one
        neither answered nor declined nor skipped, else the first skipped one.
        """
        relevant = self.relevant()
        ids = [parameter.id for parameter in relevant]
        if self.state.focus in ids:
            return self._question(relevant[ids.index(self.state.focus)], relevant)
        answers = self.answers()
        for parameter in relevant:
            if parameter.id in answers and not self._fits(parameter, answers):
                return self._question(parameter, relevant)
        pending = [p for p in relevant if not self._dealt_with(p.id)]
        fresh = [p for p in pending if not self._state_of(p.id).skipped]
        waiting = fresh or pending
        return self._question(waiting[0], relevant) if waiting else None

    def question(self, parameter_id: str) -> Question:
        """Any question still asked, e.g. to review or change its answer."""
        parameter = self._parameter(parameter_id)
        relevant = self.relevant()
        self._must_be_asked(parameter, relevant)
        return self._question(parameter, relevant)

    def progress(self) -> tuple[int, int]:
        """(questions answered or declined, questions asked) given the answers so far."""
        relevant = self.relevant()
        done = sum(1 for parameter in relevant if self._dealt_with(parameter.id))
        return done, len(relevant)

    def assess(self, language: str | None = None) -> Assessment:
        """The assessment of the interview as it stands (see engine.assessment)."""
        from engine.assessment import assess

        return assess(self.questionnaire, self.state,
                      language=language or self.state.officer_language)

    def to_json(self) -> str:
        """The interview's record as JSON (what ``natid score`` reads)."""
        from engine.interview.record import to_json

        return to_json(self)

    @classmethod
    def from_json(cls, text: str | bytes, questionnaire: Questionnaire) -> Interview:
        """Rebuild an interview from the JSON of :meth:`to_json`."""
        from engine.interview.record import from_json

        return from_json(text, questionnaire)

    # Acting ---------------------------------------------------------------------------

    def answer(self, parameter_id: str, value: Any, *, officer: str | None = None,
               calendar: str | None = None) -> Event:
        """Record (or change) the answer to a question.

        A date may be given in another calendar the question allows (``calendar=
        'ethiopian'``, ``'bikram_sambat'``, ``'solar_hijri'``): it is kept as given, with
        its Gregorian date as the answer.
        """
        parameter = self._open_parameter(parameter_id)
        original = None
        if calendar not in (None, "gregorian"):
            value, original = given_in(parameter, value, calendar)
        checked = check_answer(self._form_of(parameter.id), parameter, value, self._today())
        extra: dict[str, Any] = {}
        if original is not None:
            extra["original"] = original
        if parameter.kind is Kind.TEXT:
            written = written_in(checked)
            if written is not None:
                extra["written_in"] = {"script": written.script, "language": written.language}
        return self._record(EventKind.ANSWERED, officer, parameter=parameter.id, value=checked,
                            **extra)

    def record_language_sample(self, text: str, *, detection: Detection | None = None,
                               officer: str | None = None) -> Event:
        """Record a sentence the person typed in their own language, and its language.

        ``detection`` is what :func:`engine.detect.detect` found for ``text``, when the
        caller ran it already (an app does, in a background thread); otherwise it is
        run here. The last sample counts as language evidence (engine.language_evidence).
        """
        self._must_be_open()
        if not isinstance(text, str) or not text.strip():
            raise InterviewError(_("the language sample is empty: ask the person to type a "
                                   "sentence"))
        found = detection if detection is not None else detect(text)
        return self._record(EventKind.LANGUAGE_SAMPLE, officer, text=text.strip(),
                            detection=found.to_dict())

    def record_document(self, kind: str, *, original: bool, issuing_country: str = "",
                        number: str = "", issued: str = "", expires: str = "",
                        seen_by: str = "", mrz: str | None = None,
                        file: AttachedFile | None = None, note: str = "",
                        officer: str | None = None) -> Event:
        """Record a document the person carries; it counts in the assessment at once.

        engine.documents.recorded says what each field takes.

        ``mrz`` is the machine-readable zone as typed (two or three lines); the number,
        issuing country and expiry date not given are taken from it. ``file`` names the
        copy's file, which the caller has already put in the store (by its SHA-256).
        ``seen_by`` defaults to the officer.

        Raises:
            InterviewError: a field that cannot be recorded, or a closed interview.
            engine.documents.mrz.MrzError: an MRZ that cannot be read at all.
        """
        self._must_be_open()
        who = seen_by or officer or self.state.officer
        try:
            if mrz is not None:
                issuing_country, number, expires = from_zone(mrz, issuing_country, number,
                                                             expires)
            data = document_data(kind, original=original, issuing_country=issuing_country,
                                 number=number, issued=issued, expires=expires, seen_by=who,
                                 mrz=mrz, file=file, note=note, today=self._today())
        except DocumentRecordError as error:
            raise InterviewError(str(error)) from None
        return self._record(EventKind.DOCUMENT_RECORDED, officer, **data)

    def withdraw_document(self, document_id: str, reason: str, *,
                          officer: str | None = None) -> Event:
        """Take back a document recorded by mistake; the record of it stays in the log."""
        self._must_be_open()
        if all(document.document_id != document_id for document in self.state.documents):
            raise InterviewError(_("there is no document '{id}' in this interview").format(
                id=document_id))
        if not isinstance(reason, str) or not reason.strip():
            raise InterviewError(_("say why the document is withdrawn"))
        return self._record(EventKind.DOCUMENT_WITHDRAWN, officer, document_id=document_id,
                            reason=reason.strip())

    @property
    def documents(self) -> list[RecordedDocument]:
        """The documents recorded and not withdrawn, oldest first."""
        return list(self.state.documents)

    def answer_mismatch(self, parameter_id: str) -> str:
        """Why the script or language of a text answer is unexpected ('' when it is not).

        The officer is shown it; it changes nothing in the assessment.
        """
        parameter = self._parameter(parameter_id)
        current = self._state_of(parameter.id)
        if not current.answered or current.written is None:
            return ""
        form = self._form_of(parameter.id)
        return answer_mismatch(current.written, interviewee=self.state.interviewee_language,
                               officer=self.officer_language or self.state.officer_language,
                               prompt=pick(parameter.prompt, self.state.interviewee_language,
                                           form))

    def decline(self, parameter_id: str, reason: str = "declined", *,
                officer: str | None = None) -> Event:
        """Record that the person declined to answer, or does not know ('dont_know')."""
        parameter = self._open_parameter(parameter_id)
        if reason not in DECLINE_REASONS:
            raise InterviewError(f"the reason for no answer is 'declined' or 'dont_know', "
                                 f"not {reason!r}")
        return self._record(EventKind.DECLINED, officer, parameter=parameter.id, reason=reason)

    def skip(self, parameter_id: str, *, officer: str | None = None) -> Event:
        """Leave a question for later; it comes back once the others are dealt with."""
        parameter = self._open_parameter(parameter_id)
        return self._record(EventKind.SKIPPED, officer, parameter=parameter.id)

    def verify(self, parameter_id: str, outcome: str, reason: str, *,
               officer: str | None = None) -> Event:
        """Record the officer's finding on an answer: 'confirmed' or 'contradicted'.

        The reason says what was seen or heard ("Aadhaar card seen, number matches").
        """
        parameter = self._open_parameter(parameter_id)
        if outcome not in ("confirmed", "contradicted"):
            raise InterviewError(f"a finding is 'confirmed' or 'contradicted', not {outcome!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise InterviewError(_("say why: a finding needs a reason"))
        refusal = self.why_not_verifiable(parameter.id)
        if refusal:
            raise InterviewError(refusal)
        return self._record(EventKind.VERIFIED, officer, parameter=parameter.id,
                            outcome=outcome, reason=reason.strip())

    def record_consular_finding(self, parameter_id: str, outcome: str, reason: str, *,
                                consulate: str, name: str) -> Event:
        """Record the consulate's finding on an item only it can verify.

        The event is attributed to the consulate and its officer ("Consulate General of
        India, Mexico City: R. Sharma"); it counts in the assessment like an officer's
        finding on other questions.
        """
        parameter = self._open_parameter(parameter_id)
        if outcome not in ("confirmed", "contradicted"):
            raise InterviewError(f"a finding is 'confirmed' or 'contradicted', not {outcome!r}")
        if parameter.verify is not Verification.CONSULATE:
            raise InterviewError(_("'{id}' is not an item for the consulate to verify").format(
                id=parameter.id))
        if not self._state_of(parameter.id).answered:
            raise InterviewError(_("'{id}' has no answer to verify yet").format(id=parameter.id))
        texts = {"reason": reason, "consulate": consulate, "name": name}
        missing = [key for key, text in texts.items()
                   if not isinstance(text, str) or not text.strip()]
        if missing:
            raise InterviewError(_("a consular finding needs: {missing}").format(
                missing=", ".join(missing)))
        return self._record(EventKind.CONSULAR_FINDING, f"{consulate.strip()}: {name.strip()}",
                            parameter=parameter.id, outcome=outcome, reason=reason.strip())

    def unanswered_required(self) -> list[Parameter]:
        """Required questions still asked that are neither answered nor declined."""
        return [p for p in self.relevant() if p.required and not self._dealt_with(p.id)]

    def why_not_verifiable(self, parameter_id: str) -> str:
        """Why the officer cannot record a finding on this question now ('' if they can)."""
        parameter = self._parameter(parameter_id)
        if parameter.id.startswith(SCREENING_PREFIX):
            return _("the protection screening's answers are recorded as given, never verified")
        if parameter.verify is Verification.CONSULATE:
            return _("only the consulate can verify '{id}': it goes to the consulate as an "
                     "item to check against its records").format(id=parameter.id)
        if not self._state_of(parameter.id).answered:
            return _("'{id}' has no answer to verify yet").format(id=parameter.id)
        return ""

    def note(self, text: str, parameter_id: str | None = None, *,
             officer: str | None = None) -> Event:
        """Add the officer's note, to the interview or to one question."""
        if not isinstance(text, str) or not text.strip():
            raise InterviewError(_("a note needs some text"))
        self._must_be_open()
        if parameter_id is not None:
            self._parameter(parameter_id)
        return self._record(EventKind.NOTED, officer, text=text.strip(), parameter=parameter_id)

    def go_to(self, parameter_id: str, *, officer: str | None = None) -> Event:
        """Move to a question still asked (to review or change its answer)."""
        parameter = self._open_parameter(parameter_id)
        return self._record(EventKind.MOVED, officer, parameter=parameter.id)

    def back(self, *, officer: str | None = None) -> Event:
        """Move to the question asked before the current one."""
        self._must_be_open()
        relevant = self.relevant()
        current = self.current()
        position = (len(relevant) if current is None
                    else [p.id for p in relevant].index(current.id))
        if position == 0:
            raise InterviewError(_("this is the first question: there is none before it"))
        return self._record(EventKind.MOVED, officer, parameter=relevant[position - 1].id)

    def close(self, reason: str = "", *, officer: str | None = None,
              incomplete: bool = False) -> Event:
        """End the interview: no answers can be added or changed afterwards.

        Every required question still asked must be answered or declined first, unless
        the interview ends early (``incomplete=True``, with the reason: the person left,
        was transferred, ...); the questions left unanswered are recorded with it.
        """
        self._must_be_open()
        if not isinstance(reason, str):
            raise InterviewError(f"the reason for closing is text, not {reason!r}")
        missing = [p.id for p in self.unanswered_required()]
        if missing and not incomplete:
            raise InterviewError(_("required questions have no answer yet: {ids} (answer them, "
                                   "record that the person declines or does not know, or "
                                   "close the interview as incomplete with the reason)")
                                 .format(ids=", ".join(f"'{ident}'" for ident in missing)))
        if incomplete and not reason.strip():
            raise InterviewError(_("say why the interview ends before its required questions "
                                   "are answered"))
        if incomplete:
            return self._record(EventKind.CLOSED, officer, reason=reason.strip(),
                                incomplete=True, unanswered=missing)
        return self._record(EventKind.CLOSED, officer, reason=reason)

    def log(self, kind: EventKind, *, officer: str | None = None, **data: Any) -> Event:
        """Record what is done with the interview (engine.protection's events), even closed.

        Only the audit kinds are accepted here: best-interests steps, routings, requests,
        referrals and refusals.
        """
        if kind not in AUDIT_KINDS:
            raise InterviewError(f"{kind} is not recorded through log()")
        problem = check_audit_event(kind, data)
        if problem:
            raise InterviewError(problem)
        return self._record(kind, officer, **data)

    # Inside ---------------------------------------------------------------------------

    def _use_screening(self, screening: Screening | None) -> None:
        if screening is None:
            from engine.bundled import bundled_screening
            from engine.loader import load_screening

            screening = load_screening(bundled_screening())
        self.screening = screening
        self._screening_parameters = {
            SCREENING_PREFIX + parameter.id: parameter.model_copy(
                update={"id": SCREENING_PREFIX + parameter.id})
            for parameter in screening.parameters}

    def _form_of(self, parameter_id: str) -> Form:
        if parameter_id in self._screening_parameters and self.screening is not None:
            return self.screening
        return self.questionnaire

    def _part_answers(self, parameter_id: str) -> dict[str, Any]:
        """The answers a question's own part sees (its conditions and checks)."""
        if parameter_id in self._screening_parameters:
            return self.screening_answers()
        return self.state.counting_answers(self.questionnaire)

    def _lookup(self, parameter_id: str) -> Parameter | None:
        if parameter_id in self._screening_parameters:
            return self._screening_parameters[parameter_id]
        return self.questionnaire.parameters_by_id.get(parameter_id)

    def _record(self, kind: EventKind, officer: str | None, **data: Any) -> Event:
        if officer is not None and not isinstance(officer, str):
            raise InterviewError(f"the officer is named by text, not {officer!r}")
        who = (officer or self.state.officer).strip()
        if not who:
            raise InterviewError("every action needs the officer who takes it")
        event = Event(kind, format_time(self.clock()), who, data)
        if self.sink is not None:
            self.sink(event, self)
        self._apply(event)
        return event

    def _apply(self, event: Event) -> None:
        index = len(self._events)
        if index:
            self._check_recorded(event, index)
        apply(self.state, event, index)
        self._events.append(event)

    def _check_recorded(self, event: Event, index: int) -> None:
        """Refuse an event (from a file or a store) that no action could have recorded."""
        if event.kind in AUDIT_KINDS:
            problem = check_audit_event(event.kind, event.data)
            if problem:
                raise InterviewRecordError(f"event #{index + 1}: {problem}")
            return
        if self.state.closed:
            raise InterviewRecordError(f"event #{index + 1} ({event.kind}) comes after the "
                                       "interview was closed")
        if event.kind in _NOT_ABOUT_A_QUESTION:
            _check_whole(event, index)
            return
        ident = event.data.get("parameter")
        if ident is None and event.kind in (EventKind.NOTED, EventKind.CLOSED):
            return
        parameter = self._lookup(ident) if isinstance(ident, str) else None
        if not isinstance(ident, str) or parameter is None:
            raise InterviewRecordError(
                f"event #{index + 1} ({event.kind}) is about {ident!r}, which is not a question "
                "of this questionnaire")
        if event.kind is not EventKind.NOTED and all(
                asked.id != ident for asked in self.relevant()):
            raise InterviewRecordError(f"event #{index + 1} ({event.kind}) is about '{ident}', "
                                       "which was not asked given the answers before it")
        if event.kind is EventKind.ANSWERED:
            try:
                check_answer(self._form_of(ident), parameter, event.data.get("value"),
                             event.moment.date())
                check_original(parameter, event.data)
                check_written(event.data)
            except AnswerError as error:
                raise InterviewRecordError(f"event #{index + 1}: {error.message}") from None
        elif event.kind in (EventKind.VERIFIED, EventKind.CONSULAR_FINDING):
            self._check_finding(event, index, parameter)

    def _check_finding(self, event: Event, index: int, parameter: Parameter) -> None:
        """Refuse a finding on a question its author may not verify.

        An officer's finding needs a question they may verify; a consular finding, an item
        only the consulate can verify; both an answer and a reason.
        """
        ident, reason = parameter.id, event.data.get("reason")
        consular = event.kind is EventKind.CONSULAR_FINDING
        if ((parameter.verify is Verification.CONSULATE) != consular
                or ident in self._screening_parameters or not self._state_of(ident).answered
                or not isinstance(reason, str) or not reason.strip()):
            raise InterviewRecordError(
                f"event #{index + 1}: a finding on '{ident}' needs an answer, a reason, and "
                + ("an item only the consulate can verify" if consular
                   else "a question the officer may verify"))

    def _parameter(self, parameter_id: str) -> Parameter:
        if not isinstance(parameter_id, str):
            raise InterviewError(f"a question is named by its id (text), not {parameter_id!r}")
        parameter = self._lookup(parameter_id)
        if parameter is None:
            known = [*self._screening_parameters, *self.questionnaire.parameters_by_id]
            raise InterviewError(
                _("there is no question '{id}' in this questionnaire").format(id=parameter_id)
                + did_you_mean(parameter_id, known))
        return parameter

    def _open_parameter(self, parameter_id: str) -> Parameter:
        self._must_be_open()
        parameter = self._parameter(parameter_id)
        self._must_be_asked(parameter, self.relevant())
        return parameter

    def _must_be_asked(self, parameter: Parameter, relevant: list[Parameter]) -> None:
        if all(asked.id != parameter.id for asked in relevant):
            raise InterviewError(_("'{id}' is not asked, given the answers so far")
                                 .format(id=parameter.id))

    def _must_be_open(self) -> None:
        if self.state.closed:
            raise InterviewError(_("this interview is closed: nothing more can be recorded"))

    def _state_of(self, parameter_id: str) -> ParameterState:
        return self.state.parameters.get(parameter_id) or ParameterState()

    def _dealt_with(self, parameter_id: str) -> bool:
        current = self._state_of(parameter_id)
        return bool(current.answered or current.declined)

    def _question(self, parameter: Parameter, relevant: list[Parameter]) -> Question:
        number = [asked.id for asked in relevant].index(parameter.id) + 1
        return build_question(self._form_of(parameter.id), parameter, number=number,
                              total=len(relevant),
                              interviewee=self.state.interviewee_language,
                              officer=self.officer_language or self.state.officer_language,
                              state=self.state.parameters.get(parameter.id),
                              answers=self._part_answers(parameter.id))

    def _fits(self, parameter: Parameter, answers: dict[str, Any]) -> bool:
        """Whether an answer is still among the choices the other answers leave open."""
        if parameter.kind not in (Kind.CHOICE, Kind.MULTI_CHOICE):
            return True
        open_values = {c.value for c in fitting_choices(
            self._form_of(parameter.id), parameter, self._part_answers(parameter.id))}
        given = answers[parameter.id]
        return all(value in open_values for value in (given if isinstance(given, list)
                                                      else [given]))

    def _today(self) -> datetime.date:
        return self.clock().astimezone(datetime.UTC).date()
