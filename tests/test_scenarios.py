"""Scenarios beside the questionnaires: run by pytest-bdd, and by ``natid test``.

Every scenario of the bundled questionnaires' feature files is a pytest test here,
through pytest-bdd, with step definitions bound from natid's own step library
(``engine.scenarios.STEPS``) — the library ``natid test`` runs them with too.
"""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from pytest_bdd import parsers, scenarios, step

from engine.bundled import bundled_paths
from engine.loader import check_file
from engine.scenarios import (
    STEPS,
    StepDefinition,
    StepFailure,
    StepLocation,
    World,
    feature_files,
    find_step,
    perform,
    run_step,
)
from engine.scenarios.library import KEYWORDS
from engine.scenarios.runner import run_feature
from engine.scenarios.values import answer_value
from tests.conftest import ROOT, run_natid
from tui.cli import main

QUESTIONNAIRES = ROOT / "questionnaires"
FEATURES = [path for questionnaire in bundled_paths() for path in feature_files(questionnaire)]

# -- pytest-bdd: every scenario of the bundled feature files ------------------------------

scenarios(*(str(path) for path in FEATURES))


class ScenarioWorlds:
    """A pytest plugin: a fresh world for each scenario, told which step is running."""

    def __init__(self) -> None:
        self.worlds: WeakKeyDictionary[pytest.Item, World] = WeakKeyDictionary()

    @pytest.hookimpl
    def pytest_bdd_before_scenario(self, request: pytest.FixtureRequest, feature: Any) -> None:
        self.worlds[request.node] = World.for_feature(Path(feature.filename))

    @pytest.hookimpl
    def pytest_bdd_before_step(self, request: pytest.FixtureRequest, feature: Any,
                               step: Any) -> None:
        world = self.worlds.get(request.node)
        if world is not None:
            shown = Path(feature.filename).relative_to(ROOT)
            world.location = StepLocation(str(shown), step.line_number,
                                          f"{step.keyword} {step.name}")


WORLDS = ScenarioWorlds()


@pytest.fixture(scope="module", autouse=True)
def _scenario_worlds(pytestconfig: pytest.Config) -> Iterator[None]:
    pytestconfig.pluginmanager.register(WORLDS, "natid-scenario-worlds")
    yield
    pytestconfig.pluginmanager.unregister(WORLDS)


@pytest.fixture
def scenario_world(request: pytest.FixtureRequest) -> World:
    return WORLDS.worlds[request.node]


def _bound(definition: StepDefinition) -> Callable[..., None]:
    """A pytest-bdd step function that hands the step to the library's definition."""

    def run_definition(scenario_world: World, datatable: Any = None,
                       **arguments: str | None) -> None:
        perform(definition, scenario_world, arguments, datatable)

    kinds = inspect.Parameter
    parameters = [kinds("scenario_world", kinds.POSITIONAL_OR_KEYWORD)]
    parameters += [kinds(name, kinds.KEYWORD_ONLY) for name in definition.arguments]
    parameters.append(kinds("datatable", kinds.KEYWORD_ONLY, default=None))
    run_definition.__signature__ = inspect.Signature(parameters)
    return run_definition


for _definition in STEPS:
    step(parsers.re(_definition.pattern), type_=_definition.type)(_bound(_definition))


def test_each_bundled_questionnaire_has_its_scenarios() -> None:
    assert {path.name for path in FEATURES} >= {"in.feature", "ht.feature"}


# -- The step library, in-process ---------------------------------------------------------

def india_world() -> World:
    return World.for_feature(QUESTIONNAIRES / "in.feature")


def run(world: World, step_type: Any, text: str, line: int = 7) -> None:
    run_step(world, step_type, text, StepLocation("in.feature", line, text))


def test_a_failing_step_names_the_file_the_line_and_what_is_wrong() -> None:
    world = india_world()
    run(world, "given", "an interview with the India questionnaire")
    run(world, "when", 'the person answers "currency" with "dollar"')
    with pytest.raises(StepFailure) as caught:
        run(world, "then", '"currency" is confirmed', line=12)
    assert str(caught.value) == ("in.feature:12: 'currency' is contradicted, not confirmed: "
                                 "'dollar' matches none of the accepted answers")


def test_natid_errors_in_a_step_become_step_failures() -> None:
    world = india_world()
    run(world, "given", "an interview with the India questionnaire")
    with pytest.raises(StepFailure, match=r"^in.feature:9: 'district' is not asked"):
        run(world, "when", 'the person answers "district" with "amritsar"', line=9)


def test_a_step_before_the_interview_begins_says_how_to_begin_it() -> None:
    with pytest.raises(StepFailure, match="Given an interview with the India questionnaire"):
        run(india_world(), "when", 'the person answers "state" with "PB"')


def test_a_sentence_of_another_kind_says_which_keyword_it_needs() -> None:
    with pytest.raises(StepFailure, match="is a 'When' step, not a 'Then' step"):
        find_step("then", 'the person answers "state" with "PB"')


def test_an_unknown_sentence_suggests_the_nearest_one() -> None:
    with pytest.raises(StepFailure, match="did you mean 'When the person answers"):
        find_step("when", 'the person answer "state" with "PB"')


def test_choices_are_read_from_values_and_labels_in_any_language() -> None:
    world = india_world()
    state = world.parameter("state")
    assert answer_value(world.questionnaire, state, "PB") == "PB"
    assert answer_value(world.questionnaire, state, "punjab") == "PB"
    assert answer_value(world.questionnaire, state, "पंजाब") == "PB"
    with pytest.raises(StepFailure, match="did you mean 'Punjab'"):
        answer_value(world.questionnaire, state, "Panjab")


def test_multiple_choices_keep_a_label_that_holds_a_comma_whole() -> None:
    world = World.for_feature(QUESTIONNAIRES / "ht.feature")
    documents = world.parameter("pieces_identite")
    written = "NIF (numéro d'identification fiscale, matricule fiscal), CINU"
    assert answer_value(world.questionnaire, documents, written) == ["NIF", "CINU"]
    with pytest.raises(StepFailure, match="'CINO' is not one of the choices"):
        answer_value(world.questionnaire, documents, "NIF, CINO")


KINDS = """\
format_version: 1
country: IN
title: {en: Kinds}
version: "1"
issued_by: Test authority
source_language: en
languages: {en: {status: source}}
rule: {confirmations_required: 1}
parameters:
  - {id: married, kind: yes_no, prompt: {en: "Married?"}, evidence: presumption,
     verify: officer}
  - {id: age, kind: number, prompt: {en: "Age?"}, evidence: presumption, verify: officer}
  - {id: born, kind: date, prompt: {en: "Born?"}, evidence: presumption, verify: officer}
"""


@pytest.mark.parametrize(("parameter", "written", "value"), [
    ("married", "yes", True), ("married", "False", False), ("age", "23", 23),
    ("age", "1.5", 1.5), ("born", " 1990-05-10 ", "1990-05-10"),
])
def test_each_kind_reads_its_answers(tmp_path: Path, parameter: str, written: str,
                                     value: Any) -> None:
    (tmp_path / "kinds.yaml").write_text(KINDS, encoding="utf-8")
    questionnaire = check_file(tmp_path / "kinds.yaml").unwrap()
    assert answer_value(questionnaire, questionnaire.parameter(parameter), written) == value


@pytest.mark.parametrize(("parameter", "written", "message"), [
    ("married", "maybe", "'married' is answered yes or no, not 'maybe'"),
    ("age", "twenty", "'age' takes a number, like 23 or 1.5, not 'twenty'"),
])
def test_answers_that_do_not_fit_their_kind_fail(tmp_path: Path, parameter: str,
                                                 written: str, message: str) -> None:
    (tmp_path / "kinds.yaml").write_text(KINDS, encoding="utf-8")
    questionnaire = check_file(tmp_path / "kinds.yaml").unwrap()
    with pytest.raises(StepFailure) as caught:
        answer_value(questionnaire, questionnaire.parameter(parameter), written)
    assert caught.value.reason == message


def test_scenario_files_are_found_beside_their_questionnaire(tmp_path: Path) -> None:
    questionnaire = tmp_path / "in.yaml"
    for name in ("in.yaml", "in.feature", "in.rule.feature", "in.a.feature", "ht.feature"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in feature_files(questionnaire)] == [
        "in.feature", "in.a.feature", "in.rule.feature"]


def test_a_fault_of_natid_in_a_step_is_reported_as_such(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(self: World) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(World, "assessment", broken)
    folder = india_copy(tmp_path, FAILING)
    monkeypatch.chdir(folder)
    assert main(["test", "in.yaml"]) == 70
    out = capsys.readouterr().out
    assert ("      in.feature:6: natid failed on this step (NATID-E099): ZeroDivisionError: "
            "division by zero; this is a fault in natid, not in the scenario") in out
    assert_no_traceback(out)


def test_mistakes_pytest_bdd_would_pass_over_silently_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "in.feature"
    path.write_text("""\
Feature: Careless

  Scenario: Twice the same name
    Given an interview with the India questionnaire

  Scenario: A misspelt keyword
    Whne the person answers "state" with "PB"
    Then the answers are consistent

  Scenario: Twice the same name
    Given an interview with the India questionnaire
""", encoding="utf-8")
    report = run_feature(path, india_world().questionnaire, source="in.yaml", shown="in.feature")
    assert [(p.line, p.message) for p in report.problems] == [
        (10, "two scenarios are named 'Twice the same name' (lines 3 and 10): give each its "
             "own name")]
    misspelt = next(r for r in report.scenarios if r.name == "A misspelt keyword")
    assert misspelt.failure is not None
    assert str(misspelt.failure) == (
        "in.feature:6: the line 'Whne the person answers \"state\" with \"PB\"' is not read "
        "as a step: it must start with Given, When, Then, And or But — did you mean 'When'?")


# -- natid test, as a person runs it --------------------------------------------------------

def india_copy(tmp_path: Path, feature: str, name: str = "in.feature") -> Path:
    shutil.copy(QUESTIONNAIRES / "in.yaml", tmp_path / "in.yaml")
    (tmp_path / name).write_text(feature, encoding="utf-8")
    return tmp_path


FAILING = """\
Feature: A rule written wrongly

  Scenario: One confirmation is taken for enough
    Given an interview with the India questionnaire
    When the person answers "currency" with "rupee"
    Then "currency" is confirmed
    And the country's rule is met with 1 confirmation

  Scenario: A confirmed currency
    Given an interview with the India questionnaire
    When the person answers "currency" with "rupee"
    Then "currency" is confirmed
"""


def assert_no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output


@pytest.mark.slow
def test_every_india_scenario_passes() -> None:
    code, out, err = run_natid("test", "questionnaires/in.yaml")
    assert code == 0, out + err
    lines = out.splitlines()
    scenario_lines = [line for line in lines if line.startswith(("PASS", "FAIL"))]
    assert scenario_lines and all(line.startswith(("PASS  in.feature:",
                                                   "PASS  in.protection.feature:"))
                                  for line in scenario_lines)
    assert "PASS  in.feature:21  Five confirmations meet the rule" in lines
    assert any(line.startswith("PASS  in.protection.feature:") for line in lines)
    assert lines[-1] == f"{len(scenario_lines)} passed, 0 failed"
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_a_failing_expectation_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = india_copy(tmp_path, FAILING)
    code, out, err = run_natid("test", "in.yaml", cwd=folder)
    assert code == 1, out + err
    lines = out.splitlines()
    assert lines[0] == "FAIL  in.feature:3  One confirmation is taken for enough"
    assert lines[1] == ("      in.feature:7: the country's rule is not met: 1 of 5 confirmations "
                        "(currency); the scenario expects it met with 1")
    assert "PASS  in.feature:9  A confirmed currency" in lines
    assert lines[-1] == "1 passed, 1 failed"
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_an_unknown_parameter_is_reported_with_did_you_mean(tmp_path: Path) -> None:
    feature = FAILING.replace('answers "currency"', 'answers "curency"', 1)
    code, out, err = run_natid("test", str(india_copy(tmp_path, feature) / "in.yaml"))
    assert code == 1
    assert (f"{tmp_path / 'in.feature'}:5: 'curency' is not a question of the India "
            "questionnaire (in.yaml) — did you mean 'currency'?") in out
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_natid_errors_and_unknown_words_fail_the_scenario_not_natid(tmp_path: Path) -> None:
    feature = FAILING + """
  Scenario: A question that is not asked
    Given an interview with the India questionnaire
    When the person answers "district" with "amritsar"

  Scenario: An outcome natid does not know
    Given an interview with the India questionnaire
    When the person answers "currency" with "rupee"
    Then "currency" is confirmd
"""
    code, out, err = run_natid("test", "in.yaml", cwd=india_copy(tmp_path, feature))
    assert code == 1
    assert "in.feature:16: 'district' is not asked, given the answers so far" in out
    assert "in.feature:21: 'confirmd' is not an outcome — did you mean 'confirmed'?" in out
    assert out.splitlines()[-1] == "1 passed, 3 failed"
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_every_scenario_file_of_the_questionnaire_runs(tmp_path: Path) -> None:
    folder = india_copy(tmp_path, "Feature: Currency\n" + FAILING.split("\n\n", 2)[2])
    (folder / "in.rule.feature").write_text("""\
Feature: More rules

  Scenario: Another confirmed currency
    Given an interview with the India questionnaire
    When the person answers "currency" with "rupees"
    Then "currency" is confirmed
""", encoding="utf-8")
    code, out, err = run_natid("test", "in.yaml", cwd=folder)
    assert code == 0, out + err
    assert out.splitlines() == [
        "PASS  in.feature:2  A confirmed currency",
        "PASS  in.rule.feature:3  Another confirmed currency",
        "2 passed, 0 failed",
    ]


@pytest.mark.slow
def test_a_questionnaire_without_scenarios_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copy(QUESTIONNAIRES / "in.yaml", tmp_path / "in.yaml")
    code, out, err = run_natid("test", "in.yaml", cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert err == ("natid: in.yaml: no scenario file found beside it; looked for 'in.feature' "
                   "or 'in.*.feature' in ./ (see docs/scenarios.md)\n")


@pytest.mark.slow
def test_a_missing_questionnaire_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run_natid("test", "nowhere.yaml", cwd=tmp_path)
    assert code == 2
    assert "nowhere.yaml: no such file" in err
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_a_gherkin_mistake_is_reported_with_its_line(tmp_path: Path) -> None:
    feature = FAILING.replace("    Then \"currency\" is confirmed\n    And",
                              "    Then \"currency\" is confirmed\n    Whne the person\n    And", 1)
    code, out, err = run_natid("test", "in.yaml", cwd=india_copy(tmp_path, feature))
    assert code == 1
    assert "ERROR in.feature:7  this file cannot be run as written" in out
    assert "in.feature:7: Unexpected token" in out
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_authoring_errors_are_printed_as_lint_prints_them(tmp_path: Path) -> None:
    folder = india_copy(tmp_path, FAILING)
    path = folder / "in.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "confirmations_required: 5", "confirmations_required: five"), encoding="utf-8")
    code, out, err = run_natid("test", "in.yaml", cwd=folder)
    lint_code, lint_out, _ = run_natid("lint", "in.yaml", cwd=folder)
    assert code == lint_code == 1
    first_error = lint_out.splitlines()[0]
    line = path.read_text(encoding="utf-8").splitlines().index(
        "  confirmations_required: five") + 1
    assert first_error.startswith(f"in.yaml:{line}:")
    assert out.splitlines()[:2] == lint_out.splitlines()[:2]
    assert "PASS" not in out
    assert_no_traceback(out, err)


@pytest.mark.slow
def test_json_output_for_ci() -> None:
    code, out, err = run_natid("test", "HT", "--format", "json")
    assert code == 0, out + err
    report = json.loads(out)
    assert report["questionnaire"] == "questionnaires/ht.yaml"
    assert report["features"] == ["questionnaires/ht.feature"]
    assert report["failed"] == 0
    assert report["passed"] == len(report["scenarios"]) > 10
    first = report["scenarios"][0]
    assert first == {"file": "questionnaires/ht.feature", "line": 21,
                     "name": "Four confirmations meet the rule", "passed": True,
                     "failure": None}


@pytest.mark.slow
def test_json_output_gives_the_failing_step(tmp_path: Path) -> None:
    code, out, _ = run_natid("test", "in.yaml", "--format", "json",
                             cwd=india_copy(tmp_path, FAILING))
    assert code == 1
    failing = json.loads(out)["scenarios"][0]
    assert failing["passed"] is False
    assert failing["failure"] == {
        "file": "in.feature", "line": 7,
        "step": "And the country's rule is met with 1 confirmation",
        "message": "the country's rule is not met: 1 of 5 confirmations (currency); the "
                   "scenario expects it met with 1",
        "internal": False,
    }


@pytest.mark.slow
def test_natid_test_never_imports_textual_or_langdetect() -> None:
    probe = ("import contextlib, io, sys\n"
             "from tui.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    code = main(['test', 'IN'])\n"
             "print(code, sorted({m.split('.')[0] for m in sys.modules}"
             " & {'textual', 'langdetect'}))\n")
    completed = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=120)
    assert completed.stdout.strip() == "0 []"


# -- The authors' guide -----------------------------------------------------------------

GUIDE = ROOT / "docs" / "scenarios.md"


def test_the_guide_shows_every_sentence_of_the_library() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [f"{KEYWORDS[d.type]} {d.example}" for d in STEPS
               if f"`{KEYWORDS[d.type]} {d.example}`" not in guide]
    assert not missing


def first_line(block: str) -> str:
    """The first line of a Gherkin block that is neither blank nor a comment."""
    return next(line.strip() for line in block.splitlines()
                if line.strip() and not line.strip().startswith("#"))


def test_the_guides_examples_run_and_pass(tmp_path: Path) -> None:
    blocks = [textwrap.dedent(block) for block in re.findall(
        r"```gherkin\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)]
    runnable = [block for block in blocks if first_line(block).startswith(("Feature:", "Scen"))]
    assert len(runnable) == 3
    questionnaire = check_file(QUESTIONNAIRES / "in.yaml").unwrap()
    for index, block in enumerate(runnable):
        text = block if first_line(block).startswith("Feature:") else (
            "Feature: The guide\n  Background:\n    Given an interview with the India "
            "questionnaire\n\n" + textwrap.indent(block, "  "))
        path = tmp_path / f"guide{index}.feature"
        path.write_text(text, encoding="utf-8")
        report = run_feature(path, questionnaire, source="in.yaml")
        assert report.scenarios and not report.problems, report
        assert all(result.passed for result in report.scenarios), report
