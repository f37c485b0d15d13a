"""Scenarios consular authors write, in plain words, to check their questionnaire's rules.

A scenario file (Gherkin) sits beside its questionnaire: ``in.yaml`` → ``in.feature``
(and ``in.*.feature``). Its steps are sentences of the step library
(:mod:`engine.scenarios.library`), for example::

    Scenario: Five confirmations meet the rule
      Given an interview with the India questionnaire
      When the person answers "currency" with "rupee"
      ...
      Then the country's rule is met with 5 confirmations

``natid test in.yaml`` runs them (:mod:`engine.scenarios.runner`, which reads the
files with pytest-bdd's parser); the pytest suite runs the same files through
pytest-bdd with the same library. docs/scenarios.md is the authors' guide.
"""

from __future__ import annotations

from engine.scenarios.discovery import feature_files, looked_for, questionnaire_beside
from engine.scenarios.failures import StepFailure, StepLocation
from engine.scenarios.library import STEPS, StepDefinition, find_step, perform, run_step
from engine.scenarios.world import World

__all__ = [
    "STEPS",
    "StepDefinition",
    "StepFailure",
    "StepLocation",
    "World",
    "feature_files",
    "find_step",
    "looked_for",
    "perform",
    "questionnaire_beside",
    "run_step",
]
