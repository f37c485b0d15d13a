"""The person's language sample as language evidence (engine.language_evidence)."""

from __future__ import annotations

from engine.assessment.outcomes import CONFIRMED, UNCONFIRMED
from engine.assessment.strength import DEFAULT_RATIOS
from engine.detect import Detection
from engine.interview.state import InterviewState
from engine.model import EvidenceTier, Questionnaire

SAMPLE = "language_sample"
"""How the sample is named among the assessment's results."""


def sample_outcome(questionnaire: Questionnaire,
                   state: InterviewState) -> tuple[str, str, float] | None:
    """(outcome, reason, likelihood ratio) of the last language sample; None without one.

    A sample in a language of the presumed country is 'confirmed' with the default
    likelihood ratio of language evidence; any other is 'unconfirmed' (ratio 1): an
    automatic detection is never held against the person.
    """
    if not state.language_samples:
        return None
    from engine.language_evidence import sample_finding

    detection = Detection.from_dict(state.language_samples[-1].detection)
    supports, reason = sample_finding(questionnaire, questionnaire.country, detection)
    if supports:
        return CONFIRMED, reason, DEFAULT_RATIOS[EvidenceTier.LANGUAGE][0]
    return UNCONFIRMED, reason, 1.0
