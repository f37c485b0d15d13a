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
from typing import TYPE_CHECKING, Any

from engine.assessment import (
    CONSULAR_INTERVIEW_NEEDED,
    INSUFFICIENT,
    PRESUMPTION_SUPPORTED,
    Assessment,
)
from engine.bundled import (
    bundled_dir,
    bundled_paths,
    bundled_screening,
    default_screening,
    find_questionnaire,
)
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
from engine.loader import (
    LoadResult,
    check_bytes,
    check_file,
    load_questionnaire,
    load_screening,
)
from engine.model import Questionnaire, Screening
from engine.protection import (
    NothingToReferError,
    Protection,
    RequestRefusedError,
    protection_of,
    record_best_interests,
    request_obstacles,
    route_to_presumed,
)
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

if TYPE_CHECKING:
    from engine.request.model import CertificateRequest
    from engine.request.referral import Referral


def bundled_questionnaires() -> list[Path]:
    """The questionnaire files shipped with natid (one per country of origin)."""
    return bundled_paths()


def start_interview(questionnaire: Questionnaire, *, interviewee_language: str,
                    officer_language: str, officer: str, office: str = "",
                    content_hash: str = "", **options: Any) -> Interview:
    """Begin an interview; see :meth:`Interview.start` for every option.

    The interview begins with the bundled protection screening (``screening=`` to give
    another). Pass the questionnaire file's ``content_hash``
    (``check_file(path).content_hash``) so that a later change to the file is noticed when
    the interview is scored.
    """
    if options.get("screening") is None:
        options["screening"], options["screening_hash"] = default_screening()
    return Interview.start(questionnaire, interviewee_language=interviewee_language,
                           officer_language=officer_language, officer=officer, office=office,
                           content_hash=content_hash, **options)


def resume_interview(questionnaire: Questionnaire, events: Sequence[Event]) -> Interview:
    """An interview exactly as its events leave it."""
    return Interview.resume(questionnaire, events)


def assess(interview: Interview) -> Assessment:
    """The assessment of an interview as it stands."""
    return interview.assess()


def build_request(interview: Interview, *, officer: str, **options: Any) -> CertificateRequest:
    """The certificate request, only when the protection gate allows it.

    See :func:`engine.request.build.build_request`; raises :class:`RequestRefusedError`
    with every reason otherwise (and records the refusal in the interview).
    """
    from engine.request.build import build_request as build

    return build(interview, officer=officer, **options)


def build_referral(interview: Interview, *, officer: str, **options: Any) -> Referral:
    """The referral to the protection authorities the screening's flags call for."""
    from engine.request.referral import build_referral as build

    return build(interview, officer=officer, **options)


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
    "NothingToReferError",
    "Protection",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireNotFoundError",
    "RequestRefusedError",
    "Screening",
    "Store",
    "StoreConflictError",
    "StoreError",
    "UnknownInterviewError",
    "UsageError",
    "UserError",
    "__version__",
    "assess",
    "build_referral",
    "build_request",
    "bundled_dir",
    "bundled_paths",
    "bundled_questionnaires",
    "bundled_screening",
    "check_bytes",
    "check_file",
    "default_screening",
    "find_questionnaire",
    "load_questionnaire",
    "load_screening",
    "open_store",
    "protection_of",
    "record_best_interests",
    "request_obstacles",
    "resume_interview",
    "resume_recorded",
    "route_to_presumed",
    "start_interview",
    "start_recorded",
]
