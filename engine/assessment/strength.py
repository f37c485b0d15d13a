"""Strength of support: likelihood ratios, their caps, and the verbal scale.

Each confirmed or contradicted parameter carries a likelihood ratio (LR): how much
more likely its outcome is if the person has the presumed nationality than if not.
The LRs multiply, so their log10 values add. docs/scoring.md explains the method.
"""

from __future__ import annotations

import math

from engine.model import EvidenceTier, Parameter

DEFAULT_RATIOS: dict[EvidenceTier, tuple[float, float]] = {
    EvidenceTier.PROOF: (100.0, 0.01),
    EvidenceTier.PRESUMPTION: (10.0, 0.1),
    EvidenceTier.KNOWLEDGE: (2.0, 0.5),
    EvidenceTier.LANGUAGE: (3.0, 1 / 3),
}
"""(if confirmed, if contradicted) for each evidence tier, unless a parameter sets its own."""

LANGUAGE_CAP = math.log10(3.0)
"""All language evidence together moves the score by at most this much (log10)."""
DOMAIN_CAP = 1.0
"""One knowledge domain moves the score by at most this much (log10), either way."""

WEAK_SUPPORT = math.log10(2.0)
"""The smallest score (log10) that is more than 'no support either way'."""

# (lower bound of |log10 LR|, words), after ENFSI's guideline for evaluative reporting (2015).
VERBAL_SCALE: tuple[tuple[float, str], ...] = (
    (4.0, "very strong support"),
    (3.0, "strong support"),
    (2.0, "moderately strong support"),
    (1.0, "moderate support"),
    (WEAK_SUPPORT, "weak support"),
)
NEUTRAL = "no support either way"


def contribution(parameter: Parameter, outcome: str) -> float:
    """log10 of the parameter's likelihood ratio for 'confirmed' or 'contradicted'."""
    confirmed, contradicted = DEFAULT_RATIOS[parameter.evidence]
    own = parameter.likelihood_ratio
    if own is not None:
        confirmed = own.confirmed or confirmed
        contradicted = own.contradicted or contradicted
    return math.log10(confirmed if outcome == "confirmed" else contradicted)


def cap(total: float, limit: float) -> float:
    """``total`` kept within ±``limit``."""
    return max(-limit, min(limit, total))


def level(log10_lr: float) -> tuple[str, str]:
    """(words, direction) of a score: ('moderate support', 'for'), or (NEUTRAL, '')."""
    size = abs(log10_lr)
    for bound, words in VERBAL_SCALE:
        if size >= bound - 1e-9:
            return words, "for" if log10_lr > 0 else "against"
    return NEUTRAL, ""


def verbal(log10_lr: float, country: str) -> str:
    """The score in words, e.g. 'moderate support for the presumed nationality (IN)'."""
    words, direction = level(log10_lr)
    if not direction:
        return words
    return f"{words} {direction} the presumed nationality ({country})"
