"""'Then' steps: what natid should conclude from the interview so far."""

from __future__ import annotations

import json
import math

from engine.assessment import (
    CONSULAR_INTERVIEW_NEEDED,
    INSUFFICIENT,
    PRESUMPTION_SUPPORTED,
    Assessment,
)
from engine.assessment.outcomes import (
    CONFIRMED,
    CONTRADICTED,
    DECLINED,
    NOT_ASKED,
    UNCONFIRMED,
)
from engine.interview import Interview
from engine.scenarios.failures import StepFailure
from engine.scenarios.world import World
from engine.suggest import did_you_mean, one_of

OUTCOMES = (CONFIRMED, CONTRADICTED, UNCONFIRMED, DECLINED)
"""The outcomes a 'Then "x" is …' step may expect ('not asked' has its own step)."""
CONCLUSIONS = (PRESUMPTION_SUPPORTED, INSUFFICIENT, CONSULAR_INTERVIEW_NEEDED)
DIRECTIONS = {"towards": 1, "against": -1, "neutral": 0, "neither towards nor against": 0}
VERDICTS = ("met", "not met")
_ZERO = 1e-9


def outcome_is(world: World, parameter: str, outcome: str) -> None:
    """Then "currency" is confirmed."""
    ident = world.parameter(parameter).id
    expected = outcome.strip()
    if expected not in OUTCOMES:
        words = [*OUTCOMES, "asked", "not asked"]
        raise StepFailure(f"'{outcome}' is not an outcome{did_you_mean(expected, words)}; "
                          f"a question is {one_of(OUTCOMES)}, or it is asked or not asked")
    if not world.asked(ident):
        raise StepFailure(f"'{ident}' is not asked, given the answers so far, so it cannot "
                          f"be {expected}{_condition(world, ident)}")
    result = next(r for r in world.assessment().parameters if r.parameter == ident)
    if result.outcome == NOT_ASKED:
        raise StepFailure(f"'{ident}' has no answer yet, so it is not {expected}")
    if result.outcome != expected:
        raise StepFailure(f"'{ident}' is {result.outcome}, not {expected}: {result.reason}")


def is_asked(world: World, parameter: str) -> None:
    """Then "district" is asked."""
    ident = world.parameter(parameter).id
    if not world.asked(ident):
        raise StepFailure(f"'{ident}' is not asked, given the answers so far"
                          f"{_condition(world, ident)}")


def is_not_asked(world: World, parameter: str) -> None:
    """Then "district" is not asked."""
    ident = world.parameter(parameter).id
    relevant = [p.id for p in world.interview.relevant()]
    if ident in relevant:
        because = _condition(world, ident) or " (it is asked in every interview)"
        raise StepFailure(f"'{ident}' is asked: it is question {relevant.index(ident) + 1} of "
                          f"{len(relevant)}, given the answers so far{because}")


def rule_is(world: World, verdict: str, count: str | None = None) -> None:
    """Then the country's rule is met with 5 confirmations."""
    expected = verdict.strip()
    if expected not in VERDICTS:
        raise StepFailure(f"the country's rule is 'met' or 'not met', not '{verdict}'"
                          f"{did_you_mean(expected, VERDICTS)}")
    rule = world.assessment().rule
    actual = "met" if rule.met else "not met"
    wanted = None if count is None else (0 if count == "no" else int(count))
    if actual == expected and wanted in (None, len(rule.confirmed)):
        return
    listed = f" ({', '.join(rule.confirmed)})" if rule.confirmed else ""
    expectation = expected + ("" if wanted is None else f" with {wanted}")
    raise StepFailure(f"the country's rule is {actual}: {len(rule.confirmed)} of "
                      f"{rule.required} confirmations{listed}; the scenario expects it "
                      f"{expectation}")


def conclusion_is(world: World, conclusion: str) -> None:
    """Then the conclusion is "presumption supported"."""
    expected = conclusion.strip()
    if expected not in CONCLUSIONS:
        raise StepFailure(f"'{conclusion}' is not a conclusion natid draws"
                          f"{did_you_mean(expected, CONCLUSIONS)}; it draws "
                          f"{one_of(CONCLUSIONS)}")
    assessment = world.assessment()
    if assessment.conclusion != expected:
        raise StepFailure(f"the conclusion is \"{assessment.conclusion}\", not \"{expected}\": "
                          f"{_why(assessment)}")


def strength_is(world: World, direction: str) -> None:
    """Then the strength of support is towards the presumed nationality."""
    expected = direction.strip()
    if expected not in DIRECTIONS:
        raise StepFailure(f"the strength of support is 'towards' or 'against' the presumed "
                          f"nationality, or 'neutral', not '{direction}'"
                          f"{did_you_mean(expected, DIRECTIONS)}")
    assessment = world.assessment()
    sign = 0 if abs(assessment.log10_lr) < _ZERO else (1 if assessment.log10_lr > 0 else -1)
    if sign != DIRECTIONS[expected]:
        raise StepFailure(f"the strength of support is {assessment.strength} "
                          f"(log10 LR {assessment.log10_lr:+.2f}), not {expected}: "
                          f"{_why(assessment)}")


def strength_reads(world: World, words: str) -> None:
    """Then the strength of support is described as "moderate support"."""
    strength = world.assessment().strength
    if words.strip().casefold() not in strength.casefold():
        raise StepFailure(f"the strength of support is described as \"{strength}\", which "
                          f"does not say \"{words.strip()}\"")


def same_as_unanswered(world: World, parameter: str) -> None:
    """Then the assessment is the same as if "father_name" had been left unanswered."""
    ident = world.parameter(parameter).id
    interview = world.interview
    without = Interview.resume(world.questionnaire, [
        event for event in interview.events if event.data.get("parameter") != ident])
    now, then = interview.assess(), without.assess()
    differences = [
        f"{what}: {a} now, {b} without it"
        for what, a, b in (
            ("confirmations", len(now.rule.confirmed), len(then.rule.confirmed)),
            ("the country's rule", _met(now), _met(then)),
            ("log10 LR", f"{now.log10_lr:+.2f}", f"{then.log10_lr:+.2f}"),
            ("the conclusion", now.conclusion, then.conclusion),
        )
        if a != b
    ]
    if not differences and not math.isclose(now.log10_lr, then.log10_lr, abs_tol=_ZERO):
        differences.append(f"log10 LR: {now.log10_lr!r} now, {then.log10_lr!r} without it")
    if differences:
        raise StepFailure(f"what was recorded for '{ident}' changes the assessment: "
                          + "; ".join(differences))


def inconsistent_because(world: World, check: str) -> None:
    """Then the answers are inconsistent because of "district_in_state"."""
    known = [item.id for item in world.questionnaire.checks]
    if check not in known:
        listed = f"its checks are {one_of(known)}" if known else "it has no consistency checks"
        raise StepFailure(f"'{check}' is not a consistency check of the questionnaire "
                          f"({world.source}){did_you_mean(check, known)}; {listed}")
    found = world.assessment().contradictions
    if all(item.check != check for item in found):
        others = (f"; the answers break {one_of([c.check for c in found])}" if found
                  else "; the answers break no check")
        raise StepFailure(f"the answers do not break the check '{check}'{others}")


def consistent(world: World) -> None:
    """Then the answers are consistent."""
    found = world.assessment().contradictions
    if found:
        raise StepFailure("the answers are inconsistent: "
                          + "; ".join(f"{c.check}: {c.message}" for c in found))


def _met(assessment: Assessment) -> str:
    return "met" if assessment.rule.met else "not met"


def _why(assessment: Assessment) -> str:
    """The reasons behind a conclusion, in one line."""
    parts = [f"country's rule {assessment.rule.summary()}",
             f"log10 LR {assessment.log10_lr:+.2f}"]
    parts += [f"{r.parameter} {r.outcome}" for r in assessment.parameters
              if r.outcome == CONTRADICTED]
    parts += [f"inconsistent answers ({c.check})" for c in assessment.contradictions]
    return "; ".join(parts)


def _condition(world: World, ident: str) -> str:
    when = world.questionnaire.parameter(ident).when
    if when is None:
        return ""
    shown = json.dumps(when.model_dump(by_alias=True, exclude_none=True), ensure_ascii=False)
    return f" (it is asked when: {shown})"
