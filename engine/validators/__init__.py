"""Checks of a questionnaire's meaning, run once its structure is valid.

Each module checks one family of rules and returns diagnostics; none raises.
"""

from __future__ import annotations

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import Form, Screening
from engine.validators import ids, languages, reachability, references, screening


def check_meaning(questionnaire: Form, locator: Locator) -> list[Diagnostic]:
    """Every semantic problem of a structurally valid questionnaire or screening."""
    found = [
        *ids.check(questionnaire, locator),
        *languages.check(questionnaire, locator),
    ]
    reference_problems = references.check(questionnaire, locator)
    found.extend(reference_problems)
    found.extend(reachability.check(questionnaire, locator, reference_problems))
    if isinstance(questionnaire, Screening):
        found.extend(screening.check(questionnaire, locator))
    return found
