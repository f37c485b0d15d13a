"""Run the scenarios of feature files against a questionnaire, without pytest.

The files are read with pytest-bdd's own parser, so ``natid test`` and the pytest
suite understand a file in exactly the same way; each step is carried out by the
step library (:mod:`engine.scenarios.library`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.exceptions import GherkinParseError, TokenError
from pytest_bdd.gherkin_parser import Scenario as GherkinScenario
from pytest_bdd.gherkin_parser import get_gherkin_document
from pytest_bdd.parser import Feature, FeatureParser, Scenario, ScenarioTemplate

from engine.model import Questionnaire
from engine.scenarios.failures import StepFailure, StepLocation
from engine.scenarios.library import STEPS, StepType, run_step
from engine.scenarios.world import World
from engine.suggest import did_you_mean

_TYPES: dict[str, StepType] = {"given": "given", "when": "when", "then": "then"}
GHERKIN_KEYWORDS = ("Given", "When", "Then", "And", "But")


@dataclass(frozen=True)
class ScenarioResult:
    """How one scenario ran: passed, or the step that failed and why."""

    file: str
    """The feature file as shown to the author."""
    line: int
    name: str
    failure: StepFailure | None = None
    internal: bool = False
    """True when natid itself failed (a fault to report, not the author's)."""

    @property
    def passed(self) -> bool:
        """Whether every step held."""
        return self.failure is None


@dataclass(frozen=True)
class FileProblem:
    """A feature file that cannot be run as written."""

    file: str
    line: int
    message: str

    def location(self) -> str:
        """``file:line``, or the file alone when the line is not known."""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class FeatureReport:
    """Every scenario of one feature file, or what keeps the file from running."""

    file: str
    scenarios: tuple[ScenarioResult, ...]
    problems: tuple[FileProblem, ...]


def run_feature(path: Path, questionnaire: Questionnaire, *, source: str,
                shown: str | None = None) -> FeatureReport:
    """Run every scenario of the feature file at ``path``.

    Args:
        path: the feature file.
        questionnaire: the questionnaire its scenarios are about.
        source: the questionnaire's file name, for messages (e.g. 'in.yaml').
        shown: how to name the feature file in messages (default: ``path`` as given).
    """
    name = shown or str(path)
    feature, problem = _parse(path, name)
    if feature is None:
        return FeatureReport(name, (), (problem,) if problem else ())
    problems = list(_duplicates(path, name))
    templates = sorted(feature.scenarios.values(), key=lambda s: s.line_number)
    if not templates:
        problems.append(FileProblem(name, feature.line_number,
                                    "this file has no scenarios: write at least one "
                                    "'Scenario:' with its steps"))
    results = [_run(template, scenario, title, questionnaire=questionnaire, source=source,
                    name=name)
               for template in templates for scenario, title in _instances(template)]
    return FeatureReport(name, tuple(results), tuple(problems))


def _parse(path: Path, name: str) -> tuple[Feature | None, FileProblem | None]:
    try:
        return FeatureParser(str(path.parent), path.name).parse(), None
    except GherkinParseError as error:
        hint = ("; in a scenario every line is a step starting with Given, When, Then, And "
                "or But, a table row starting with |, or a comment starting with #"
                if isinstance(error, TokenError) else "")
        return None, FileProblem(name, error.line, f"{error.message} (the line reads: "
                                                   f"{error.line_content.strip()!r}){hint}")
    except UnicodeDecodeError:
        return None, FileProblem(name, 0, "not UTF-8 text: save the file as UTF-8")
    except OSError as error:
        return None, FileProblem(name, 0, f"cannot be read: {error.strerror or error}")
    except Exception:  # the parser fails in its own ways on files that are not Gherkin
        return None, FileProblem(name, 1, "this is not a scenario file: it must start with "
                                          "'Feature:' and a name, then its scenarios")


def _duplicates(path: Path, name: str) -> Iterator[FileProblem]:
    """Scenarios with the same name: pytest-bdd would keep only the last of them."""
    document = get_gherkin_document(str(path))
    found: list[GherkinScenario] = []
    for child in document.feature.children:
        if child.scenario is not None:
            found.append(child.scenario)
        elif child.rule is not None:
            found += [part.scenario for part in child.rule.children if part.scenario is not None]
    first: dict[str, int] = {}
    for scenario in found:
        line = scenario.location.line
        if scenario.name in first:
            yield FileProblem(name, line, f"two scenarios are named '{scenario.name}' (lines "
                                          f"{first[scenario.name]} and {line}): give each "
                                          "its own name")
        else:
            first[scenario.name] = line


def _instances(template: ScenarioTemplate) -> Iterator[tuple[Scenario, str]]:
    """The scenario, or one scenario per row of its examples (a Scenario Outline)."""
    if not template.templated:
        yield template.render({}), template.name
        return
    for examples in template.examples:
        for context in examples.as_contexts():
            values = "; ".join(f"{key}: {value}" for key, value in context.items())
            rendered = template.render(context)
            yield rendered, f"{rendered.name} ({values})"


def _run(template: ScenarioTemplate, scenario: Scenario, title: str, *,
         questionnaire: Questionnaire, source: str, name: str) -> ScenarioResult:
    problem = _stray_text(template)
    if problem:
        failure = StepFailure(problem, StepLocation(name, template.line_number))
        return ScenarioResult(name, template.line_number, title, failure)
    world = World(questionnaire, source)
    for step in scenario.steps:
        step_type = _TYPES.get(step.type, "then")
        location = StepLocation(name, step.line_number, f"{step.keyword} {step.name}")
        table = ([[str(cell) for cell in row] for row in step.datatable.raw()]
                 if step.datatable is not None else None)
        try:
            run_step(world, step_type, step.name, location, table)
        except StepFailure as failure:
            return ScenarioResult(name, template.line_number, title, failure)
        except Exception as error:
            reason = (f"natid failed on this step (NATID-E099): {type(error).__name__}: "
                      f"{error}; this is a fault in natid, not in the scenario: please "
                      "report it")
            return ScenarioResult(name, template.line_number, title,
                                  StepFailure(reason, location), internal=True)
    return ScenarioResult(name, template.line_number, title)


def _stray_text(template: ScenarioTemplate) -> str:
    """What is wrong when a scenario has no steps, or a step was read as its description.

    Gherkin takes lines under 'Scenario:' that do not start with a keyword as a
    description, so a misspelt keyword ('Whne') would silently drop the step.
    """
    lines = [line.strip() for line in template.description.splitlines() if line.strip()]
    for line in lines:
        word, _, rest = line.partition(" ")
        if word not in GHERKIN_KEYWORDS and any(
                step.regex.fullmatch(rest.strip()) for step in STEPS):
            return (f"the line '{line}' is not read as a step: it must start with Given, "
                    f"When, Then, And or But{did_you_mean(word, GHERKIN_KEYWORDS)}")
    if len(template.steps) > len(template.all_background_steps):
        return ""
    if lines:
        return (f"this scenario has no steps: the line '{lines[0]}' is read as a "
                "description; steps start with Given, When, Then, And or But")
    return "this scenario has no steps: write its Given, When and Then steps under it"
