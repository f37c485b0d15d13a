"""The world of one scenario: its questionnaire, its interview, and the step being run."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from engine.assessment import Assessment
from engine.bundled import default_screening
from engine.interview import Interview
from engine.loader import check_file
from engine.model import Parameter, Questionnaire
from engine.scenarios.discovery import questionnaire_beside
from engine.scenarios.failures import StepFailure, StepLocation
from engine.scenarios.names import country_name
from engine.suggest import did_you_mean

OFFICER = "Scenario officer"
"""The officer named in every event a scenario records."""


class World:
    """One scenario's questionnaire and interview; every step reads or changes it."""

    def __init__(self, questionnaire: Questionnaire, source: str) -> None:
        """A world for ``questionnaire``, read from the file named ``source`` (for messages)."""
        self.questionnaire = questionnaire
        self.source = source
        self.interviewee_language = questionnaire.source_language
        self.officer_language = "en"
        self.day: datetime.date | None = None
        self.location: StepLocation | None = None
        """The step being run, for the messages of its failures."""
        self.screened = False
        """Whether the interview begins with the protection screening."""
        self.interviewing_country = "MX"
        """The RCM country where the interview is held."""
        self.outcome: object = None
        """What the officer's last request for a request or a referral gave (or the error)."""
        self._interview: Interview | None = None

    @classmethod
    def for_feature(cls, feature: Path) -> World:
        """A world for a scenario file, with the questionnaire beside it.

        Raises:
            QuestionnaireNotFoundError: no questionnaire beside the file.
            QuestionnaireError: the questionnaire has authoring errors.
        """
        path = questionnaire_beside(feature)
        return cls(check_file(path).unwrap(), path.name)

    @property
    def country(self) -> str:
        """The questionnaire's country in words, e.g. 'India'."""
        return country_name(self.questionnaire.country)

    # The interview ---------------------------------------------------------------------

    @property
    def started(self) -> bool:
        """Whether a 'Given an interview …' step has begun the interview."""
        return self._interview is not None

    @property
    def interview(self) -> Interview:
        """The interview under way.

        Raises:
            StepFailure: no step has begun it yet.
        """
        if self._interview is None:
            raise StepFailure(f"there is no interview yet: begin the scenario with 'Given an "
                              f"interview with the {self.country} questionnaire'")
        return self._interview

    def begin(self, *, interviewee: str | None = None, officer: str | None = None,
              day: datetime.date | None = None, screened: bool | None = None,
              country: str | None = None) -> None:
        """Begin the interview, or begin it again with other languages or another day.

        Raises:
            StepFailure: something was already recorded in the interview.
        """
        if self._interview is not None and len(self._interview.events) > 1:
            raise StepFailure("the interview is already under way: put the 'Given' steps that "
                              "describe it before the answers")
        self.interviewee_language = interviewee or self.interviewee_language
        self.officer_language = officer or self.officer_language
        self.day = day or self.day
        self.screened = self.screened if screened is None else screened
        self.interviewing_country = country or self.interviewing_country
        options: dict[str, Any] = {"interviewing_country": self.interviewing_country}
        if self.screened:
            options["screening"], options["screening_hash"] = default_screening()
        fixed = self.day
        if fixed is not None:
            noon = datetime.datetime(fixed.year, fixed.month, fixed.day, 12, tzinfo=datetime.UTC)
            options["clock"] = lambda: noon
        self._interview = Interview.start(
            self.questionnaire, interviewee_language=self.interviewee_language,
            officer_language=self.officer_language, officer=OFFICER, **options)

    def assessment(self) -> Assessment:
        """The assessment of the interview as it stands."""
        return self.interview.assess()

    # Reading the questionnaire ----------------------------------------------------------

    def parameter(self, parameter_id: str) -> Parameter:
        """The question ``parameter_id``.

        Raises:
            StepFailure: the questionnaire has no such question.
        """
        try:
            return self.questionnaire.parameter(parameter_id)
        except KeyError:
            known = self.questionnaire.parameters_by_id
            raise StepFailure(
                f"'{parameter_id}' is not a question of the {self.country} questionnaire "
                f"({self.source}){did_you_mean(parameter_id, known)}") from None

    def asked(self, parameter_id: str) -> bool:
        """Whether the question is asked, given the answers so far."""
        return any(p.id == parameter_id for p in self.interview.relevant())
