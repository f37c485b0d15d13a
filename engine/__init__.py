"""natid's engine: questionnaires, interviews, assessment — no screen, no UI.

Import this package from other tools::

    import engine
    questionnaire = engine.load_questionnaire("questionnaires/in.yaml")

Heavy or optional libraries (Textual, langdetect) are never imported here.
"""

from __future__ import annotations

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
from engine.loader import LoadResult, check_bytes, check_file, load_questionnaire
from engine.model import Questionnaire
from engine.version import __version__

__all__ = [
    "Diagnostic",
    "InternalError",
    "LoadResult",
    "NatidError",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireNotFoundError",
    "UsageError",
    "UserError",
    "__version__",
    "bundled_dir",
    "bundled_paths",
    "check_bytes",
    "check_file",
    "find_questionnaire",
    "load_questionnaire",
]
