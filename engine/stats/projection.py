"""The statistics row of an interview, computed from its events (docs/statistics.md).

The same function serves the store's incremental updates (the row as each event
leaves the interview) and ``natid stats rebuild``, so the two cannot disagree.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from engine.interview.events import Event, EventKind
from engine.interview.state import SCREENING_PREFIX
from engine.stats.row import (
    CONSULAR_ANSWERS,
    SEXES,
    UNKNOWN,
    StatsRow,
    age_band,
    quarter_of,
)

if TYPE_CHECKING:
    from engine.interview import Interview

SEX, AGE, TRAVELLING_WITH = "sex", "age", "travelling_with"
"""The shared screening's questions the row reads (by their screening ids)."""
WITH_CARER = "parent_or_guardian"
"""The answer to 'travelling_with' that makes a child accompanied."""
PROTECTION_ROUTES = frozenset({"asylum_authority", "anti_trafficking", "child_protection"})
"""Routes of a raised flag that count as a referral to protection (health care does not)."""
VERDICT_CODES = {"presumption supported": "presumption_supported",
                 "insufficient": "insufficient",
                 "consular interview needed": "consular_interview_needed"}
"""The assessment's conclusion (natid's fixed words) as the row's code."""

_CHANGES_ROW = frozenset({EventKind.STARTED, EventKind.CLOSED, EventKind.REQUEST_PREPARED,
                          EventKind.REFERRAL_PREPARED, EventKind.REQUEST_SENT,
                          EventKind.CONSULATE_ANSWERED})


def changes_row(event: Event) -> bool:
    """Whether an event can change an interview's statistics row.

    Country-questionnaire answers do not: the verdict is counted when the interview is
    closed. Screening answers do (sex, age, company, declared nationality, flags).
    """
    if event.kind in _CHANGES_ROW:
        return True
    parameter = event.data.get("parameter")
    return (event.kind in (EventKind.ANSWERED, EventKind.DECLINED)
            and isinstance(parameter, str) and parameter.startswith(SCREENING_PREFIX))


def project(interview: Interview) -> StatsRow:
    """The statistics row of ``interview`` as its events leave it."""
    from engine.protection import protection_of

    state = interview.state
    started = interview.events[0]
    day = started.moment.date()
    protection = protection_of(interview, language="en")
    answers = interview.screening_answers()
    verdict = _verdict(interview)
    sent = next((event for event in state.audit if event.kind is EventKind.REQUEST_SENT), None)
    answered = _answers(state.audit)
    answer, answer_on = _latest_answer(answered, sent)
    presumed = (interview.questionnaire.country
                if verdict == "presumption_supported" or answer == "issued" else UNKNOWN)
    referral = (state.latest(EventKind.REFERRAL_PREPARED) is not None
                or any(flag.route in PROTECTION_ROUTES for flag in protection.flags))
    prepared = next((event for event in state.audit
                     if event.kind is EventKind.REQUEST_PREPARED), None)
    return StatsRow(
        interview_id=interview.id,
        country_of_interview=state.interviewing_country or UNKNOWN,
        office=" ".join(str(started.data.get("office") or "").split()) or UNKNOWN,
        intercepted_on=day.isoformat(),
        interviewed_on=day.isoformat(),
        period=quarter_of(day),
        declared_nationality=protection.declared_nationality or UNKNOWN,
        presumed_nationality=presumed,
        verdict=verdict,
        sex=_sex(answers.get(SEX)),
        age_band=age_band(answers.get(AGE)),
        child=_child(answers),
        referral=referral,
        request_prepared_on=prepared.moment.date().isoformat() if prepared else None,
        request_sent_on=str(sent.data["on"]) if sent else None,
        first_answer_on=min((on for kind, on in answered if kind != "no_answer"), default=None),
        consular_answer=answer,
        consular_answer_on=answer_on,
    )


def project_after(interview: Interview, event: Event) -> StatsRow:
    """The row as ``event`` (not yet applied to ``interview``) will leave it."""
    from engine.interview import Interview

    if interview.events and interview.events[-1] is event:
        return project(interview)
    after = Interview(interview.questionnaire, [*interview.events, event],
                      screening=interview.screening)
    return project(after)


def _verdict(interview: Interview) -> str:
    if not interview.state.closed:
        return "open"
    return VERDICT_CODES[interview.assess().conclusion]


def _sex(value: Any) -> str:
    return value if isinstance(value, str) and value in SEXES else UNKNOWN


def _child(answers: dict[str, Any]) -> str:
    age = answers.get(AGE)
    if isinstance(age, bool) or not isinstance(age, int | float):
        return UNKNOWN
    if age >= 18:
        return "adult"
    company = answers.get(TRAVELLING_WITH)
    if not isinstance(company, str):
        return UNKNOWN
    return "accompanied" if company == WITH_CARER else "unaccompanied_or_separated"


def _answers(audit: list[Event]) -> list[tuple[str, str]]:
    """(answer, day) of each consular answer recorded, in order."""
    return [(str(event.data["answer"]), str(event.data["on"])) for event in audit
            if event.kind is EventKind.CONSULATE_ANSWERED
            and event.data.get("answer") in CONSULAR_ANSWERS]


def _latest_answer(answered: list[tuple[str, str]], sent: Event | None) -> tuple[str, str | None]:
    """The consular answer column and its day: the last answer, else whether one is awaited."""
    if answered:
        return answered[-1]
    return ("awaiting" if sent is not None else "not_sent"), None


def days_between(first: str, last: str) -> int:
    """Days from one ISO day to another."""
    return (datetime.date.fromisoformat(last) - datetime.date.fromisoformat(first)).days
