"""Helpers for the protection, request and referral tests: screened India interviews."""

from __future__ import annotations

from typing import Any

from engine import default_screening
from engine.interview import Interview
from engine.interview.state import SCREENING_PREFIX
from engine.store import Store
from engine.store.recorded import start_recorded
from tests.interview_support import INDIA_ANSWERS, FakeClock, india

NO_FLAG: dict[str, Any] = {
    "information_given": True, "consent": True, "sex": "male", "age": 29,
    "declared_nationality": "IN", "fear_of_return": False, "wants_asylum": False,
    "protection_elsewhere": "none", "documents_held_by_other": False, "owes_debt": False,
    "free_to_leave": True, "threatened": False, "urgent_health": False,
}
"""Screening answers that raise no flag."""

NAMES = {"full_name": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ", "father_name": "हरजीत सिंह संधू"}
"""The person's name in Gurmukhi and their father's in Devanagari, as written for them."""


def screened_india(screening: dict[str, Any] | None = None, *, store: Store | None = None,
                   country: str = "MX", clock: FakeClock | None = None) -> Interview:
    """An India interview whose screening is answered (no flag, but for ``screening``).

    Nothing of the country questionnaire is answered yet.
    """
    options: dict[str, Any] = {"interviewee_language": "pa", "officer_language": "es",
                               "officer": "A. López", "interviewing_country": country,
                               "office": "Estación migratoria Siglo XXI, Tapachula"}
    options["screening"], options["screening_hash"] = default_screening()
    if store is not None:
        interview = start_recorded(store, india(), **options)
    else:
        interview = Interview.start(india(), clock=clock or FakeClock(), **options)
    answers = {**NO_FLAG, **(screening or {})}
    while (question := interview.current()) is not None and \
            question.id.startswith(SCREENING_PREFIX):
        value = answers[question.id.removeprefix(SCREENING_PREFIX)]
        if value in ("declined", "dont_know"):
            interview.decline(question.id, value)
        else:
            interview.answer(question.id, value)
    return interview


def finish_india(interview: Interview, *, close: bool = True) -> Interview:
    """Answer every India question (names in their own scripts), confirm two, and close."""
    answers = {**INDIA_ANSWERS, **NAMES}
    while (question := interview.current()) is not None:
        interview.answer(question.id, answers[question.id])
    interview.verify("documents_held", "confirmed", "Aadhaar card seen, photo matches")
    interview.verify("languages_spoken", "confirmed", "the interpreter confirms Doabi Punjabi")
    if close:
        interview.close()
    return interview
