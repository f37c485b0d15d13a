"""docs/scoring.md is true: its figures are read from the page and checked against the engine.

- The tables of default likelihood ratios, caps and verbal scale equal the values
  the engine uses (``engine.assessment.strength``).
- Every interview written as a ```yaml block with an ``example:`` key is replayed
  with the engine (``Interview.start``, ``answer``, ``decline``, ``verify``,
  ``assess``). The worked example is checked against the tables that follow it
  (each parameter's outcome and contribution, the totals, the summaries per tier
  and per domain); the other examples against their own ``expect:``.
- Each row of the table of examples of the automatic check gives the outcome shown.
- The digit rule stated on the page holds for any ``max_typos``.
"""

from __future__ import annotations

import datetime
import math
import re
from functools import cache
from typing import Any

import pytest
import yaml

from engine import Assessment, Interview, Questionnaire, find_questionnaire, load_questionnaire
from engine.assessment.strength import (
    DEFAULT_RATIOS,
    DOMAIN_CAP,
    LANGUAGE_CAP,
    NEUTRAL,
    VERBAL_SCALE,
)
from engine.matching import match_text
from engine.model import EvidenceTier
from tests.conftest import ROOT
from tests.doc_blocks import Block, fenced_blocks

DOC = ROOT / "docs" / "scoring.md"
WORKED = "worked example"
PLACES = 3
MINUS = "\u2212"
"""The page gives log10 values to three decimals."""


@cache
def page() -> str:
    """The text of the page."""
    return DOC.read_text(encoding="utf-8")


@cache
def blocks() -> tuple[Block, ...]:
    """Every fenced block, with the line its text starts on."""
    return fenced_blocks(DOC)


def section(heading: str) -> str:
    """The text under the heading that contains ``heading``, up to the next heading."""
    lines = page().splitlines()
    starts = [i for i, line in enumerate(lines)
              if line.startswith("#") and heading.lower() in line.lower()]
    assert len(starts) == 1, f"docs/scoring.md needs exactly one heading with {heading!r}"
    body: list[str] = []
    for line in lines[starts[0] + 1:]:
        if line.startswith("#"):
            break
        body.append(line)
    return "\n".join(body)


def raw_table(heading: str) -> tuple[list[str], list[list[str]]]:
    """The first table under ``heading``: its header cells and its rows of cells."""
    rows = [line for line in section(heading).splitlines() if line.startswith("|")]
    assert len(rows) > 2, f"no table under {heading!r}"
    header = _cells(rows[0])
    body = [_cells(row) for row in rows[2:]]
    assert all(len(row) == len(header) for row in body), f"ragged table under {heading!r}"
    return header, body


def table(heading: str) -> list[dict[str, str]]:
    """The first table under ``heading``, as rows keyed by the header cells."""
    header, body = raw_table(heading)
    assert len(set(header)) == len(header), f"repeated column names under {heading!r}"
    return [dict(zip(header, row, strict=True)) for row in body]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def number(cell: str) -> float:
    """A figure of the page: '+0.301', '\u22122.000' (a minus sign), '10 000', '1/3', '0'."""
    text = cell.replace(MINUS, "-").replace("+", "").replace(" ", "").replace(",", "")
    match = re.search(r"-?\d+(\.\d+)?(/\d+)?", text)
    assert match, f"not a number: {cell!r}"
    figure = match.group(0)
    if "/" in figure:
        top, bottom = figure.split("/")
        return float(top) / float(bottom)
    return float(figure)


def ident(cell: str) -> str:
    """`currency` -> currency."""
    return cell.strip().strip("`")


def idents(cell: str) -> list[str]:
    """A list of `ids` in one cell, in order."""
    return re.findall(r"`([^`]+)`", cell)


def log10(value: float) -> float:
    return round(value, PLACES)


# The tables of constants ---------------------------------------------------------------


def test_default_ratios_table_is_the_engines() -> None:
    header, body = raw_table("Default likelihood ratios")
    assert header == ["Evidence tier", "LR if confirmed", "log10", "LR if contradicted", "log10"]
    tiers = {ident(row[0]): row for row in body}
    assert set(tiers) == {tier.value for tier in EvidenceTier}
    for tier, (confirmed, contradicted) in DEFAULT_RATIOS.items():
        _name, if_confirmed, its_log, if_contradicted, its_other_log = tiers[tier.value]
        assert math.isclose(number(if_confirmed), confirmed), tier
        assert math.isclose(number(if_contradicted), contradicted), tier
        assert number(its_log) == log10(math.log10(confirmed)), tier
        assert number(its_other_log) == log10(math.log10(contradicted)), tier


def test_caps_table_is_the_engines() -> None:
    rows = table("Adding up, and the caps")
    caps = {("language" if "language" in row["What is capped"] else "domain"): row
            for row in rows}
    assert set(caps) == {"language", "domain"}
    for name, value in (("language", LANGUAGE_CAP), ("domain", DOMAIN_CAP)):
        row = caps[name]
        assert number(row["At most, either way (log10)"]) == log10(value), name
        assert math.isclose(math.log10(number(row["As a likelihood ratio"])), value), name


def test_verbal_scale_table_is_the_engines() -> None:
    rows = table("The verbal scale")
    steps = rows[:-1]
    assert [row["In words"] for row in steps] == [words for _bound, words in VERBAL_SCALE]
    for row, (bound, _words) in zip(steps, VERBAL_SCALE, strict=True):
        assert number(row["log10 LR at least (either sign)"]) == log10(bound)
        assert math.isclose(math.log10(number(row["LR at least"])), bound)
    neutral = rows[-1]
    assert neutral["In words"] == NEUTRAL
    assert neutral["log10 LR at least (either sign)"].startswith("below")
    assert number(neutral["log10 LR at least (either sign)"]) == log10(VERBAL_SCALE[-1][0])


# Replaying interviews ------------------------------------------------------------------


@cache
def examples() -> dict[str, dict[str, Any]]:
    """Every ```yaml block with an 'example:' key, by its name."""
    found: dict[str, dict[str, Any]] = {}
    for block in blocks():
        if block.language != "yaml":
            continue
        data = yaml.safe_load(block.text)
        if isinstance(data, dict) and "example" in data:
            assert data["example"] not in found, f"two examples named {data['example']!r}"
            found[data["example"]] = data | {"_line": block.line}
    return found


def questionnaire_of(example: dict[str, Any]) -> Questionnaire:
    """The bundled questionnaire, with the likelihood ratios the example adds."""
    questionnaire = load_questionnaire(find_questionnaire(example["questionnaire"]))
    overrides = example.get("likelihood_ratios") or {}
    if not overrides:
        return questionnaire
    document = questionnaire.model_dump(by_alias=True, exclude_none=True)
    for parameter in document["parameters"]:
        if parameter["id"] in overrides:
            parameter["likelihood_ratio"] = overrides[parameter["id"]]
    unknown = set(overrides) - {p["id"] for p in document["parameters"]}
    assert not unknown, f"likelihood_ratios for unknown parameters: {unknown}"
    return Questionnaire.model_validate(document)


def _matches(step: dict[str, Any], pattern: dict[str, Any]) -> bool:
    return all(step.get(key) == value for key, value in pattern.items())


def steps_of(example: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The example's header and steps ('same_as' another example, less 'leave_out')."""
    if "same_as" not in example:
        return example, list(example["steps"])
    base = examples()[example["same_as"]]
    steps = list(base["steps"])
    for pattern in example.get("leave_out", []):
        kept = [step for step in steps if not _matches(step, pattern)]
        assert len(kept) == len(steps) - 1, f"leave_out {pattern} must match one step"
        steps = kept
    return base, steps


def replay(example: dict[str, Any]) -> tuple[Interview, Assessment]:
    """Replay an example's steps with the engine; return the interview and its assessment."""
    header, steps = steps_of(example)
    day = header["interview_day"]
    day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(day)
    moments = iter(datetime.datetime(day.year, day.month, day.day, 9, 0, tzinfo=datetime.UTC)
                   + datetime.timedelta(minutes=minute) for minute in range(10_000))
    interview = Interview.start(questionnaire_of(header),
                                interviewee_language=header["interviewee_language"],
                                officer_language=header["officer_language"],
                                officer=header["officer"], clock=lambda: next(moments))
    for step in steps:
        before = len(interview.events)
        if "answer" in step:
            interview.answer(step["answer"], step["value"])
        elif "decline" in step:
            interview.decline(step["decline"], step.get("reason", "declined"))
        elif "verify" in step:
            interview.verify(step["verify"], step["outcome"], step["reason"])
        else:
            pytest.fail(f"docs/scoring.md:{example['_line']}: unknown step {step}")
        assert len(interview.events) == before + 1
    return interview, interview.assess()


def result(assessment: Assessment, parameter: str) -> Any:
    return next(r for r in assessment.parameters if r.parameter == parameter)


def test_the_page_has_its_examples() -> None:
    assert WORKED in examples()
    assert len(examples()) >= 6
    assert examples()[WORKED]["questionnaire"] == "IN"


@pytest.mark.parametrize("name", sorted(set(examples()) - {WORKED}))
def test_example_gives_what_the_page_says(name: str) -> None:
    example = examples()[name]
    where = f"docs/scoring.md:{example['_line']} ({name})"
    _interview, assessment = replay(example)
    expect = example["expect"]
    for parameter, outcome in expect.get("outcomes", {}).items():
        assert assessment.outcome(parameter) == outcome, f"{where}: {parameter}"
    for parameter, figure in expect.get("contributions", {}).items():
        assert log10(result(assessment, parameter).contribution) == figure, \
            f"{where}: {parameter}"
    if "log10_lr" in expect:
        assert log10(assessment.log10_lr) == expect["log10_lr"], where
    if "strength" in expect:
        assert assessment.strength == expect["strength"], where
    if "rule" in expect:
        assert assessment.rule.summary() == expect["rule"], where
    if "conclusion" in expect:
        assert assessment.conclusion == expect["conclusion"], where
    expected_pairs = [tuple(pair) for pair in expect.get("inconsistencies", [])]
    assert [c.parameters for c in assessment.contradictions] == expected_pairs, where


# The worked example ----------------------------------------------------------------------


@cache
def worked() -> tuple[Interview, Assessment]:
    return replay(examples()[WORKED])


def test_worked_example_each_parameter() -> None:
    interview, assessment = worked()
    rows = table("Outcome and weight of each parameter")
    # Every parameter of the questionnaire, in its order, exactly once.
    assert [ident(row["Parameter"]) for row in rows] == \
        [p.id for p in interview.questionnaire.parameters]
    for row in rows:
        parameter = ident(row["Parameter"])
        found = result(assessment, parameter)
        assert found.outcome == row["Outcome"], parameter
        assert log10(found.contribution) == number(row["log10 LR"]), parameter
        assert found.verify == row["Verified by"], parameter
        tier, _, domain = row["Evidence"].partition(" (")
        assert found.tier == tier, parameter
        assert (found.domain or "") == domain.rstrip(")"), parameter


def test_worked_example_totals() -> None:
    _interview, assessment = worked()
    totals = {row["Result"]: row["Value"] for row in table("Totals")}
    assert idents(totals["Confirmed parameters"]) == list(assessment.rule.confirmed)
    assert totals["The country's rule"] == assessment.rule.summary()
    assert number(totals["log10 LR (total)"]) == log10(assessment.log10_lr)
    assert number(totals["Likelihood ratio"]) == round(10 ** assessment.log10_lr)
    assert totals["Strength of support"] == assessment.strength
    assert totals["Inconsistent answers"] == "none"
    assert assessment.contradictions == ()
    assert idents(totals["Items for the consulate"]) == list(assessment.items_for_consulate)
    assert totals["Conclusion"] == assessment.conclusion
    # The sum of the table's contributions is the total (the caps are already in them).
    rows = table("Outcome and weight of each parameter")
    assert math.isclose(sum(number(row["log10 LR"]) for row in rows),
                        number(totals["log10 LR (total)"]), abs_tol=2 * 10 ** -PLACES)


@pytest.mark.parametrize(("heading", "column", "attribute"), [
    ("By evidence tier", "Tier", "by_tier"),
    ("By knowledge domain", "Domain", "by_domain"),
])
def test_worked_example_summaries(heading: str, column: str, attribute: str) -> None:
    _interview, assessment = worked()
    groups = getattr(assessment, attribute)
    rows = {ident(row[column]): row for row in table(heading)}
    assert set(rows) == set(groups)
    for name, group in groups.items():
        row = rows[name]
        assert int(row["Confirmed"]) == group.confirmed, name
        assert int(row["Contradicted"]) == group.contradicted, name
        assert int(row["Unconfirmed"]) == group.unconfirmed, name
        assert number(row["log10 LR"]) == log10(group.log10_lr), name


def test_worked_example_records_one_event_per_step() -> None:
    interview, _assessment = worked()
    steps = examples()[WORKED]["steps"]
    events = interview.events
    assert len(events) == len(steps) + 1
    assert {event.officer for event in events} == {examples()[WORKED]["officer"]}
    assert [str(event.kind) for event in events[1:]] == [
        {"answer": "answered", "decline": "declined", "verify": "verified"}[
            next(key for key in ("answer", "decline", "verify") if key in step)]
        for step in steps]


def test_worked_example_survives_a_round_trip() -> None:
    interview, assessment = worked()
    again = Interview.from_json(interview.to_json(), interview.questionnaire).assess()
    assert again.to_dict() == assessment.to_dict()


# The examples of the automatic check ----------------------------------------------------

_HOW = {
    "exact": re.compile(r"' matches '"),
    "variant": re.compile(r"an accepted spelling of"),
    "spelling": re.compile(r"within \d+ spelling mistake"),
    "value": re.compile(r"is an accepted answer"),
    "—": re.compile(r"matches none|is not an accepted answer"),
}


def automatic_rows() -> list[dict[str, str]]:
    return table("Examples of the automatic check")


@pytest.mark.parametrize("row", automatic_rows(),
                         ids=lambda row: f"{row['Question']}={row['Answer given']}")
def test_automatic_check_example(row: dict[str, str]) -> None:
    questionnaire = load_questionnaire(find_questionnaire(row["Questionnaire"]))
    interview = Interview.start(questionnaire, interviewee_language="en",
                                officer_language="en", officer="Test officer")
    earlier = row["Earlier answer"]
    if earlier != "—":
        parameter, _, value = ident(earlier).partition(": ")
        interview.answer(parameter, value)
    parameter = ident(row["Question"])
    interview.answer(parameter, ident(row["Answer given"]))
    found = result(interview.assess(), parameter)
    assert found.outcome == row["Outcome"], found.reason
    assert _HOW[row["How"]].search(found.reason), found.reason


def test_digits_never_count_as_spelling_mistakes() -> None:
    # The page: "14 August is never a misspelling of 15 August, whatever max_typos says".
    assert "`14 August` is never a misspelling of `15 August`" in page()
    for typos in (1, 2, 3):
        assert match_text("14 August", [("15 August", "exact")], typos) is None
        assert match_text("15 Agust", [("15 August", "exact")], typos) is not None


def test_partial_dates_of_birth_fit_every_age_they_allow() -> None:
    # The page: born in 1996, on 20 November 2026, "any age from 27 to 32 fits".
    assert "India's tolerance of 2 any age from 27 to 32 fits" in " ".join(page().split())
    questionnaire = load_questionnaire(find_questionnaire("IN"))
    moment = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)
    for age, fits in ((26, False), (27, True), (32, True), (33, False)):
        interview = Interview.start(questionnaire, interviewee_language="hi",
                                    officer_language="en", officer="Test officer",
                                    clock=lambda: moment)
        interview.answer("date_of_birth", "1996")
        interview.answer("age", age)
        pairs = [c.parameters for c in interview.assess().contradictions]
        assert pairs == ([] if fits else [("date_of_birth", "age")]), age
