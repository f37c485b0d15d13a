"""The assessment of an interview: the country's rule and the strength of support.

The two results are given side by side and never merged into one number. The
conclusion only names the next step, in natid's fixed words: "presumption
supported", "insufficient" or "consular interview needed" — never "proven".
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from engine.assessment.documents import document_outcomes, mrz_contradictions
from engine.assessment.language_sample import SAMPLE, sample_outcome
from engine.assessment.outcomes import (
    CONFIRMED,
    CONTRADICTED,
    NOT_ASKED,
    UNCONFIRMED,
    outcome_of,
)
from engine.assessment.strength import (
    DOMAIN_CAP,
    LANGUAGE_CAP,
    WEAK_SUPPORT,
    cap,
    contribution,
    level,
    verbal,
)
from engine.consistency import Contradiction, find_contradictions
from engine.interview.state import InterviewState
from engine.model import EvidenceTier, Questionnaire, Verification

PRESUMPTION_SUPPORTED = "presumption supported"
INSUFFICIENT = "insufficient"
CONSULAR_INTERVIEW_NEEDED = "consular interview needed"


@dataclass(frozen=True)
class ParameterResult:
    """One parameter in the assessment: its outcome, its weight, and why."""

    parameter: str
    outcome: str
    tier: str
    domain: str | None
    verify: str
    contribution: float
    """What it adds to log10 of the likelihood ratio (after caps)."""
    reason: str


@dataclass(frozen=True)
class RuleResult:
    """The country's rule: confirmations counted against its threshold."""

    required: int
    confirmed: tuple[str, ...]
    met: bool

    def summary(self) -> str:
        """E.g. '3 of 5 confirmations: not met'."""
        return (f"{len(self.confirmed)} of {self.required} confirmations: "
                f"{'met' if self.met else 'not met'}")


@dataclass(frozen=True)
class GroupResult:
    """Outcomes of one evidence tier or one knowledge domain."""

    confirmed: int = 0
    contradicted: int = 0
    unconfirmed: int = 0
    log10_lr: float = 0.0


@dataclass(frozen=True)
class Assessment:
    """Everything natid concludes from an interview, with the reasons."""

    country: str
    parameters: tuple[ParameterResult, ...]
    rule: RuleResult
    log10_lr: float
    strength: str
    """The strength of support in words (ENFSI verbal scale), with its direction."""
    by_tier: dict[str, GroupResult]
    by_domain: dict[str, GroupResult]
    contradictions: tuple[Contradiction, ...]
    conclusion: str
    items_for_consulate: tuple[str, ...]
    """Answered parameters only the consulate can verify."""
    support: str = ""
    """The step of the verbal scale alone, e.g. 'moderate support' (for translation)."""
    direction: str = ""
    """'for' or 'against' the presumed nationality; '' when neutral."""
    language_sample: ParameterResult | None = None
    """The person's last language sample as language evidence (never one of the country's
    parameters, so never counted for its rule); None when there is none."""
    documents: tuple[ParameterResult, ...] = ()
    """One result per distinct document recorded ('document.<id>'): confirmed when issued
    by the presumed country, contradicted when by another (never counted for the rule)."""

    @cached_property
    def explanation(self) -> tuple[str, ...]:
        """Every step of the assessment in words: the rule, each parameter, the score."""
        shown = (*self.parameters, *self.documents,
                 *([self.language_sample] if self.language_sample else []))
        return _explain(shown, self.rule, self.log10_lr, country=self.country,
                        contradictions=self.contradictions, conclusion=self.conclusion)

    def outcome(self, parameter_id: str) -> str:
        """The outcome of one parameter."""
        for result in self.parameters:
            if result.parameter == parameter_id:
                return result.outcome
        raise KeyError(parameter_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (``natid score --format json``)."""
        return {
            "country": self.country,
            "conclusion": self.conclusion,
            "rule": {"required": self.rule.required, "confirmed": list(self.rule.confirmed),
                     "met": self.rule.met},
            "strength": {"log10_lr": round(self.log10_lr, 4), "words": self.strength,
                         "support": self.support, "direction": self.direction},
            "parameters": [vars(result) | {"contribution": round(result.contribution, 4)}
                           for result in self.parameters],
            "by_tier": {k: _rounded(v) for k, v in self.by_tier.items()},
            "by_domain": {k: _rounded(v) for k, v in self.by_domain.items()},
            "contradictions": [{"check": c.check, "parameters": list(c.parameters),
                                "message": c.message} for c in self.contradictions],
            "items_for_consulate": list(self.items_for_consulate),
            "documents": [vars(result) | {"contribution": round(result.contribution, 4)}
                          for result in self.documents],
            "language_sample": (None if self.language_sample is None
                                else vars(self.language_sample)
                                | {"contribution": round(self.language_sample.contribution, 4)}),
            "explanation": list(self.explanation),
        }


def _rounded(group: GroupResult) -> dict[str, Any]:
    return vars(group) | {"log10_lr": round(group.log10_lr, 4)}


def assess(questionnaire: Questionnaire, state: InterviewState,
           on: datetime.date | None = None, language: str = "en") -> Assessment:
    """Assess an interview's state against its questionnaire.

    ``on`` is the day ages are computed for (default: the day the interview started).
    """
    relevant = state.relevant(questionnaire)
    relevant_ids = {p.id for p in relevant}
    answers = state.counting_answers(questionnaire, relevant)
    day = on or _start_day(state)
    raw: list[ParameterResult] = []
    for parameter in questionnaire.parameters:
        result = outcome_of(questionnaire, parameter, state, answers,
                            parameter.id in relevant_ids)
        weight = (contribution(parameter, result.outcome)
                  if result.outcome in (CONFIRMED, CONTRADICTED) else 0.0)
        raw.append(ParameterResult(parameter.id, result.outcome, str(parameter.evidence),
                                   parameter.domain, str(parameter.verify), weight,
                                   result.reason))
    sample = _sample_result(questionnaire, state)
    capped = _apply_caps([*raw, sample] if sample else raw)
    results = tuple(capped[:len(raw)])
    sample = capped[-1] if sample else None
    documents = tuple(ParameterResult(found.ident, found.outcome, found.tier, None, "officer",
                                      found.log10_lr, found.reason)
                      for found in document_outcomes(questionnaire, state.documents))
    extra = (*documents, *([sample] if sample else []))
    confirmed = tuple(r.parameter for r in results if r.outcome == CONFIRMED)
    rule = RuleResult(questionnaire.rule.confirmations_required, confirmed,
                      len(confirmed) >= questionnaire.rule.confirmations_required)
    total = sum(r.contribution for r in (*results, *extra))
    contradictions = (*find_contradictions(questionnaire, answers, day, language),
                      *mrz_contradictions(questionnaire, answers, state.documents))
    conclusion = _conclusion((*results, *documents), rule, total, contradictions)
    return Assessment(
        country=questionnaire.country, parameters=results, rule=rule, log10_lr=total,
        strength=verbal(total, questionnaire.country),
        by_tier=_groups([*results, *extra], lambda r: r.tier),
        by_domain=_groups([r for r in results if r.domain], lambda r: str(r.domain)),
        contradictions=contradictions, conclusion=conclusion,
        items_for_consulate=tuple(
            r.parameter for r in results
            if r.verify == Verification.CONSULATE and r.outcome == UNCONFIRMED),
        support=level(total)[0], direction=level(total)[1], language_sample=sample,
        documents=documents,
    )


def _sample_result(questionnaire: Questionnaire, state: InterviewState) -> ParameterResult | None:
    found = sample_outcome(questionnaire, state)
    if found is None:
        return None
    outcome, reason, ratio = found
    return ParameterResult(SAMPLE, outcome, str(EvidenceTier.LANGUAGE), None, "auto",
                           math.log10(ratio), reason)


def _start_day(state: InterviewState) -> datetime.date:
    try:
        return datetime.date.fromisoformat(state.started_at[:10])
    except ValueError:
        return datetime.datetime.now(datetime.UTC).date()


def _apply_caps(raw: list[ParameterResult]) -> list[ParameterResult]:
    """Scale language evidence and each knowledge domain down to their caps."""
    weights = [result.contribution for result in raw]
    groups: dict[tuple[str, str], list[int]] = {}
    for index, result in enumerate(raw):
        if result.tier == EvidenceTier.LANGUAGE:
            groups.setdefault(("language", ""), []).append(index)
        elif result.tier == EvidenceTier.KNOWLEDGE:
            groups.setdefault(("domain", result.domain or ""), []).append(index)
    for (kind, _name), members in groups.items():
        limit = LANGUAGE_CAP if kind == "language" else DOMAIN_CAP
        total = sum(weights[i] for i in members)
        allowed = cap(total, limit)
        if total and allowed != total:
            for i in members:
                weights[i] *= allowed / total
    return [replace(result, contribution=weight) for result, weight in zip(raw, weights,
                                                                           strict=True)]


def _groups(results: Any, key: Any) -> dict[str, GroupResult]:
    tallies: dict[str, list[float]] = {}
    for result in results:
        tally = tallies.setdefault(key(result), [0, 0, 0, 0.0])
        tally[0] += result.outcome == CONFIRMED
        tally[1] += result.outcome == CONTRADICTED
        tally[2] += result.outcome == UNCONFIRMED
        tally[3] += result.contribution
    return {name: GroupResult(int(a), int(b), int(c), d) for name, (a, b, c, d) in tallies.items()}


_SUBSTANTIVE = (EvidenceTier.PROOF, EvidenceTier.PRESUMPTION)
"""Evidence beyond knowledge of the country and language: documents and statements."""


def _conclusion(results: tuple[ParameterResult, ...], rule: RuleResult, total: float,
                contradictions: tuple[Contradiction, ...]) -> str:
    """The next step, from the two results (docs/scoring.md, "The conclusion").

    Inconsistent answers, a document or statement found false, or any support against
    the presumed nationality call for a consular interview. Otherwise the presumption
    is supported when the country's rule is met and at least one confirmation is a
    document or a statement: knowledge and language alone never carry it.
    """
    against = any(r.outcome == CONTRADICTED and r.tier in _SUBSTANTIVE for r in results)
    if contradictions or against or total <= -WEAK_SUPPORT:
        return CONSULAR_INTERVIEW_NEEDED
    if rule.met and _has_substantive(results):
        return PRESUMPTION_SUPPORTED
    return INSUFFICIENT


def _has_substantive(results: tuple[ParameterResult, ...]) -> bool:
    return any(r.outcome == CONFIRMED and r.tier in _SUBSTANTIVE for r in results)


def _explain(results: tuple[ParameterResult, ...], rule: RuleResult, total: float, *,
             country: str, contradictions: tuple[Contradiction, ...],
             conclusion: str) -> tuple[str, ...]:
    lines = [f"Country's rule: {rule.summary()}."]
    lines.extend(
        f"{r.parameter}: {r.outcome} ({r.tier}{', ' + r.domain if r.domain else ''}), "
        f"{r.contribution:+.2f} — {r.reason}"
        for r in results if r.outcome != NOT_ASKED
    )
    lines.append(f"Strength of support: log10 LR {total:+.2f}, {verbal(total, country)}.")
    lines.extend(f"Inconsistent answers ({c.check}): {c.message}." for c in contradictions)
    if rule.met and not _has_substantive(results):
        lines.append("The rule is met on knowledge and language answers alone: at least one "
                     "document or statement must be confirmed too.")
    lines.append(f"Conclusion: {conclusion}.")
    return tuple(lines)
