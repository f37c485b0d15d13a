"""Assessing an interview: outcomes, the country's rule, the strength of support."""

from __future__ import annotations

from engine.assessment.assessment import (
    CONSULAR_INTERVIEW_NEEDED,
    INSUFFICIENT,
    PRESUMPTION_SUPPORTED,
    Assessment,
    GroupResult,
    ParameterResult,
    RuleResult,
    assess,
)

__all__ = [
    "CONSULAR_INTERVIEW_NEEDED",
    "INSUFFICIENT",
    "PRESUMPTION_SUPPORTED",
    "Assessment",
    "GroupResult",
    "ParameterResult",
    "RuleResult",
    "assess",
]
