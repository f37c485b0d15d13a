"""natid's engine: questionnaires, interviews, assessment — no screen, no UI.

Other tools embed natid through this module::

    import engine

    questionnaire = engine.load_questionnaire(engine.find_questionnaire("IN"))
    interview = engine.start_interview(questionnaire, interviewee_language="hi",
                                       officer_language="es", officer="A. López")
    question = interview.current()          # the prompt in Hindi and in Spanish
    interview.answer(question.id, "Gurpreet Singh")
    assessment = interview.assess()         # the country's rule and the strength of support

docs/api.md documents every call. Heavy or optional libraries (Textual, langdetect)
are never imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.assessment import (
    CONSULAR_INTERVIEW_NEEDED,
    INSUFFICIENT,
    PRESUMPTION_SUPPORTED,
    Assessment,
)
from engine.bundled import bundled_dir, bundled_paths, find_questionnaire
from engine.errors import (
    Diagnostic,
    InternalError,
    NatidError,
    QuestionnaireError,
    QuestionnaireNotFoundError,
    UsageError,
    UserError,
)
from engine.interview import (
    AnswerError,
    Event,
    EventKind,
    Interview,
    InterviewError,
    InterviewRecordError,
    Question,
)
from engine.loader import LoadResult, check_bytes, check_file, load_questionnaire
from engine.model import Questionnaire
from engine.store import (
    InterviewSummary,
    Store,
    StoreConflictError,
    StoreError,
    UnknownInterviewError,
    open_store,
)
from engine.store.recorded import resume_recorded, start_recorded
from engine.version import __version__


def bundled_questionnaires() -> list[Path]:
    """The questionnaire files shipped with natid (one per country of origin)."""
    return bundled_paths()


def start_interview(questionnaire: Questionnaire, *, interviewee_language: str,
                    officer_language: str, officer: str, office: str = "",
                    content_hash: str = "", **options: Any) -> Interview:
    """Begin an interview; see :meth:`Interview.start` for every option.

    Pass the questionnaire file's ``content_hash`` (``check_file(path).content_hash``) so
    that a later change to the file is noticed when the interview is scored.
    """
    return Interview.start(questionnaire, interviewee_language=interviewee_language,
                           officer_language=officer_language, officer=officer, office=office,
                           content_hash=content_hash, **options)


def resume_interview(questionnaire: Questionnaire, events: Sequence[Event]) -> Interview:
    """An interview exactly as its events leave it."""
    return Interview.resume(questionnaire, events)


def assess(interview: Interview) -> Assessment:
    """The assessment of an interview as it stands."""
    return interview.assess()


__all__ = [
    "CONSULAR_INTERVIEW_NEEDED",
    "INSUFFICIENT",
    "PRESUMPTION_SUPPORTED",
    "AnswerError",
    "Assessment",
    "Diagnostic",
    "Event",
    "EventKind",
    "InternalError",
    "Interview",
    "InterviewError",
    "InterviewRecordError",
    "InterviewSummary",
    "LoadResult",
    "NatidError",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireNotFoundError",
    "Store",
    "StoreConflictError",
    "StoreError",
    "UnknownInterviewError",
    "UsageError",
    "UserError",
    "__version__",
    "assess",
    "bundled_dir",
    "bundled_paths",
    "bundled_questionnaires",
    "check_bytes",
    "check_file",
    "find_questionnaire",
    "load_questionnaire",
    "open_store",
    "resume_interview",
    "resume_recorded",
    "start_interview",
    "start_recorded",
]
