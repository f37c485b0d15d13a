"""The state of an interview: the fold of its events.

Nothing here is stored: resume, review, assessment and statistics all read the
same fold of the same events, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.conditions import evaluate
from engine.documents.recorded import DocumentRecordError, RecordedDocument, from_event
from engine.interview.events import AUDIT_KINDS, Event, EventKind, InterviewRecordError
from engine.model import Parameter, Questionnaire

DECLINE_REASONS = ("declined", "dont_know")
SCREENING_PREFIX = "screening."
"""Screening questions are named 'screening.<id>' in an interview, apart from the
country questionnaire's own ids."""


@dataclass
class Verification:
    """An officer's finding on one answer."""

    outcome: str
    """'confirmed' or 'contradicted'."""
    reason: str
    officer: str
    at: str


@dataclass
class ParameterState:
    """Where one question stands."""

    value: Any = None
    answered: bool = False
    declined: str | None = None
    """'declined' or 'dont_know' when the person gave no answer on purpose."""
    skipped: bool = False
    verification: Verification | None = None
    consular: Verification | None = None
    """The consulate's finding on an item only it can verify (its officer is the consulate)."""
    original: dict[str, str] | None = None
    """A date as the person gave it in another calendar: {"calendar": …, "date": …}."""
    written: dict[str, Any] | None = None
    """What a text answer is written in: {"script": …, "language": … or None}."""
    events: list[int] = field(default_factory=list)
    """Indexes of every event about this question, changes included."""


@dataclass(frozen=True)
class LanguageSample:
    """A sentence the person typed, and the detection recorded with it."""

    text: str
    detection: dict[str, Any]
    """What :meth:`engine.detect.Detection.to_dict` gave."""
    officer: str
    at: str


@dataclass
class InterviewState:
    """Everything the events say, ready to be read."""

    interview_id: str = ""
    questionnaire: dict[str, Any] = field(default_factory=dict)
    interviewee_language: str = ""
    officer_language: str = ""
    started_at: str = ""
    officer: str = ""
    parameters: dict[str, ParameterState] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    focus: str | None = None
    closed: bool = False
    screening: dict[str, Any] | None = None
    """The screening the interview began with (version, content hash), if any."""
    interviewing_country: str = ""
    """The RCM country where the interview takes place (ISO code), if recorded."""
    audit: list[Event] = field(default_factory=list)
    """Best-interests steps, routings, requests and referrals, and every refusal, in order."""
    language_samples: list[LanguageSample] = field(default_factory=list)
    """The person's language samples, oldest first (the last one counts)."""
    documents: list[RecordedDocument] = field(default_factory=list)
    """The documents recorded and not withdrawn, oldest first."""

    def relevant(self, questionnaire: Questionnaire) -> list[Parameter]:
        """The parameters whose conditions hold for the answers that count, in order."""
        return relevant_in(self, questionnaire.parameters)

    def latest(self, kind: EventKind) -> Event | None:
        """The last audit event of that kind."""
        return next((event for event in reversed(self.audit) if event.kind is kind), None)

    def counting_answers(self, questionnaire: Questionnaire,
                         relevant: list[Parameter] | None = None) -> dict[str, Any]:
        """The answers that count: given, and to questions that are still asked."""
        asked = self.relevant(questionnaire) if relevant is None else relevant
        return {p.id: self.parameters[p.id].value for p in asked
                if p.id in self.parameters and self.parameters[p.id].answered}


def relevant_in(state: InterviewState, parameters: Sequence[Parameter],
                prefix: str = "") -> list[Parameter]:
    """Of ``parameters`` (ids carrying ``prefix``), those asked given the answers so far.

    Conditions name the ids without the prefix: each part of an interview reads only
    its own answers.
    """
    visible: dict[str, Any] = {}
    relevant: list[Parameter] = []
    for parameter in parameters:
        if not evaluate(parameter.when, visible):
            continue
        relevant.append(parameter)
        current = state.parameters.get(parameter.id)
        if current is not None and current.answered:
            visible[parameter.id.removeprefix(prefix)] = current.value
    return relevant


def fold(events: list[Event]) -> InterviewState:
    """The state after ``events``, in order.

    Raises:
        InterviewRecordError: the events do not form an interview (the first is not
            'started', or an event lacks what its kind needs).
    """
    state = InterviewState()
    for index, event in enumerate(events):
        apply(state, event, index)
    return state


def apply(state: InterviewState, event: Event, index: int) -> None:
    """Change ``state`` by one event (the index is its place in the interview)."""
    if (index == 0) != (event.kind is EventKind.STARTED):
        raise InterviewRecordError(
            "the first event of an interview must be 'started'" if index == 0
            else f"event #{index + 1}: an interview starts only once")
    if event.kind in _ON_INTERVIEW:
        _ON_INTERVIEW[event.kind](state, event, index)
    elif event.kind in AUDIT_KINDS:
        state.audit.append(event)
    else:
        ident = _text(event.data, "parameter", index)
        current = state.parameters.setdefault(ident, ParameterState())
        current.events.append(index)
        if event.kind is EventKind.MOVED:
            state.focus = ident
            return
        if state.focus == ident:
            state.focus = None
        _ON_PARAMETER[event.kind](current, event, index)


def _noted(state: InterviewState, event: Event, index: int) -> None:
    state.notes.append({"text": _text(event.data, "text", index),
                        "parameter": event.data.get("parameter"),
                        "officer": event.officer, "at": event.at})


def _closed(state: InterviewState, event: Event, index: int) -> None:
    state.closed = True


def _document_recorded(state: InterviewState, event: Event, index: int) -> None:
    try:
        state.documents.append(from_event(event.data, event.at))
    except DocumentRecordError as error:
        raise InterviewRecordError(f"event #{index + 1}: {error}") from None


def _document_withdrawn(state: InterviewState, event: Event, index: int) -> None:
    ident = _text(event.data, "document_id", index)
    _text(event.data, "reason", index)
    if all(document.document_id != ident for document in state.documents):
        raise InterviewRecordError(f"event #{index + 1}: no document {ident!r} to withdraw")
    state.documents = [d for d in state.documents if d.document_id != ident]


def _language_sample(state: InterviewState, event: Event, index: int) -> None:
    detection = event.data.get("detection")
    if not isinstance(detection, dict):
        raise InterviewRecordError(f"event #{index + 1}: a language sample without its "
                                   "detection")
    state.language_samples.append(LanguageSample(_text(event.data, "text", index),
                                                 detection, event.officer, event.at))


def _started(state: InterviewState, event: Event, index: int) -> None:
    _start(state, event)


_ON_INTERVIEW: dict[EventKind, Callable[[InterviewState, Event, int], None]] = {
    EventKind.STARTED: _started,
    EventKind.NOTED: _noted,
    EventKind.CLOSED: _closed,
    EventKind.DOCUMENT_RECORDED: _document_recorded,
    EventKind.DOCUMENT_WITHDRAWN: _document_withdrawn,
    EventKind.LANGUAGE_SAMPLE: _language_sample,
}
"""What each event that is not about one question changes."""


def _answered(current: ParameterState, event: Event, index: int) -> None:
    if "value" not in event.data:
        raise InterviewRecordError(f"event #{index + 1}: an answer without a 'value'")
    value = event.data["value"]
    if current.answered and not _same_answer(current.value, value):
        current.verification = None  # a finding is about the answer it was made on
        current.consular = None
    current.value, current.answered = value, True
    current.declined, current.skipped = None, False
    original = event.data.get("original")
    current.original = dict(original) if isinstance(original, dict) else None
    written = event.data.get("written_in")
    current.written = dict(written) if isinstance(written, dict) else None


def _same_answer(before: Any, after: Any) -> bool:
    """Equal answers; the same choices in another order are the same answer."""
    if isinstance(before, list) and isinstance(after, list):
        return sorted(map(str, before)) == sorted(map(str, after))
    return bool(before == after)


def _declined(current: ParameterState, event: Event, index: int) -> None:
    reason = event.data.get("reason")
    if reason not in DECLINE_REASONS:
        raise InterviewRecordError(f"event #{index + 1}: decline reason {reason!r} is not "
                                   "'declined' or 'dont_know'")
    current.value, current.answered, current.declined = None, False, reason
    current.skipped, current.verification, current.original = False, None, None
    current.written, current.consular = None, None


def _skipped(current: ParameterState, event: Event, index: int) -> None:
    current.skipped = True


def _verified(current: ParameterState, event: Event, index: int) -> None:
    outcome = event.data.get("outcome")
    if outcome not in ("confirmed", "contradicted"):
        raise InterviewRecordError(f"event #{index + 1}: outcome {outcome!r} is not "
                                   "'confirmed' or 'contradicted'")
    current.verification = Verification(outcome, str(event.data.get("reason", "")),
                                        event.officer, event.at)


def _consular_finding(current: ParameterState, event: Event, index: int) -> None:
    outcome = event.data.get("outcome")
    if outcome not in ("confirmed", "contradicted"):
        raise InterviewRecordError(f"event #{index + 1}: outcome {outcome!r} is not "
                                   "'confirmed' or 'contradicted'")
    current.consular = Verification(outcome, str(event.data.get("reason", "")),
                                    event.officer, event.at)


_ON_PARAMETER: dict[EventKind, Callable[[ParameterState, Event, int], None]] = {
    EventKind.ANSWERED: _answered,
    EventKind.DECLINED: _declined,
    EventKind.SKIPPED: _skipped,
    EventKind.VERIFIED: _verified,
    EventKind.CONSULAR_FINDING: _consular_finding,
}


def _start(state: InterviewState, event: Event) -> None:
    data = event.data
    questionnaire = data.get("questionnaire")
    if not isinstance(questionnaire, dict):
        raise InterviewRecordError("the 'started' event does not name its questionnaire")
    state.interview_id = _text(data, "interview_id", 0)
    state.questionnaire = questionnaire
    state.interviewee_language = _text(data, "interviewee_language", 0)
    state.officer_language = _text(data, "officer_language", 0)
    state.started_at = event.at
    state.officer = event.officer
    screening = data.get("screening")
    if screening is not None and not isinstance(screening, dict):
        raise InterviewRecordError("the 'started' event names its screening wrongly")
    state.screening = screening
    country = data.get("interviewing_country", "")
    state.interviewing_country = country if isinstance(country, str) else ""


def _text(data: dict[str, Any], key: str, index: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise InterviewRecordError(f"event #{index + 1}: '{key}' is missing or not text")
    return value
