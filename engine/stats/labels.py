"""The words statistics are shown with, in the officer's language.

Country names come from CLDR through Babel (:func:`engine.i18n.country_name`); natid's
own words (groupings, measures, values) from its gettext catalogs. Codes stay the same
in every language: CSV and JSON carry them beside the labels.
"""

from __future__ import annotations

from engine.i18n import N_, country_name, translations
from engine.stats.row import UNKNOWN

DIMENSIONS = {
    "presumed_nationality": N_("Presumed nationality"),
    "declared_nationality": N_("Declared nationality"),
    "country_of_interview": N_("Country of interview"),
    "office": N_("Office"),
    "sex": N_("Sex"),
    "age_band": N_("Age band"),
    "child": N_("Child"),
    "verdict": N_("Verdict"),
    "consular_answer": N_("Consular answer"),
}
"""What statistics can be grouped by, and the heading of each."""
COUNTRY_DIMENSIONS = frozenset({"presumed_nationality", "declared_nationality",
                                "country_of_interview"})

MEASURES = {
    "interviews": N_("Interviews"),
    "presumptions_supported": N_("Presumptions supported"),
    "protection_referrals": N_("Referrals to protection"),
    "requests_sent": N_("Requests sent"),
    "certificates_issued": N_("Certificates issued"),
    "median_days_to_certificate": N_("Median days to certificate"),
    "p90_days_to_certificate": N_("90th percentile days to certificate"),
    "unanswered_30_days": N_("Without answer after 30 days"),
    "unanswered_60_days": N_("Without answer after 60 days"),
    "unanswered_90_days": N_("Without answer after 90 days"),
}
"""What is counted for each group, in the order shown."""

VALUES = {
    "verdict": {"presumption_supported": N_("Presumption supported"),
                "insufficient": N_("Insufficient"),
                "consular_interview_needed": N_("Consular interview needed"),
                "open": N_("Interview open")},
    "sex": {"female": N_("Female"), "male": N_("Male"), "other": N_("Other")},
    "child": {"adult": N_("Adult"), "accompanied": N_("Accompanied child"),
              "unaccompanied_or_separated": N_("Unaccompanied or separated child")},
    "consular_answer": {"issued": N_("Certificate issued"), "refused": N_("Refused"),
                        "more_information": N_("More information asked"),
                        "no_answer": N_("No answer"), "not_sent": N_("Request not sent"),
                        "awaiting": N_("Awaiting answer")},
}
"""Labels of coded values; age bands are shown as they are ('18-29')."""

UNKNOWN_NATIONALITY = N_("Unknown nationality")
UNKNOWN_VALUE = N_("Unknown")
TOTAL = N_("Total")
SUPPRESSED_NOTE = N_("x: not shown (fewer than {threshold} interviews, or hidden so that such "
                     "a cell cannot be worked out from a total)")
UNSUPPRESSED_NOTE = N_("NOT SUPPRESSED: small cells are shown. For the national office's own "
                       "use only; do not send or publish")


def say(message: str, language: str) -> str:
    """One of natid's own texts in ``language``."""
    return translations(language).gettext(message)


def value_label(dimension: str, code: str, language: str) -> str:
    """How a grouping's value is shown: a country's name, natid's word, or the code."""
    if code == UNKNOWN:
        return say(UNKNOWN_NATIONALITY if dimension in COUNTRY_DIMENSIONS and
                   dimension != "country_of_interview" else UNKNOWN_VALUE, language)
    if dimension in COUNTRY_DIMENSIONS:
        return country_name(code, language)
    known = VALUES.get(dimension, {})
    return say(known[code], language) if code in known else code
