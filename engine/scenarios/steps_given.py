"""'Given' steps: the interview a scenario starts from."""

from __future__ import annotations

import datetime

from engine.scenarios.failures import StepFailure
from engine.scenarios.names import check_country, language_code
from engine.scenarios.world import World


def interview_with(world: World, country: str) -> None:
    """Given an interview with the India questionnaire."""
    check_country(world.questionnaire, country, world.source)
    world.begin()


def interview_in(world: World, interviewee: str, officer: str) -> None:
    """Given an interview in Hindi with an officer working in Spanish."""
    languages = list(world.questionnaire.languages)
    world.begin(interviewee=language_code(interviewee, allowed=languages, whose="the person"),
                officer=language_code(officer, whose="the officer"))


def takes_place_on(world: World, day: str) -> None:
    """Given the interview takes place on 2026-03-01."""
    try:
        date = datetime.date.fromisoformat(day.strip())
    except ValueError:
        raise StepFailure(f"'{day}' is not a date: write it YYYY-MM-DD, "
                          "e.g. 2026-03-01") from None
    world.begin(day=date)
