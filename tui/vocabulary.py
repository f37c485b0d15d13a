"""The engine's fixed words, marked so that Babel extracts them for the catalogs.

The engine speaks in fixed English words (outcomes, conclusions, the verbal scale);
the app shows them through ``_()`` in the officer's language.
"""

from __future__ import annotations

from tui.i18n import N_

OUTCOMES = (N_("confirmed"), N_("contradicted"), N_("unconfirmed"), N_("declined"),
            N_("not asked"))
CONCLUSIONS = (N_("presumption supported"), N_("insufficient"),
               N_("consular interview needed"))
SUPPORT = (N_("no support either way"), N_("weak support"), N_("moderate support"),
           N_("moderately strong support"), N_("strong support"), N_("very strong support"))
RULE_MET_WITHOUT_DOCUMENT = N_(
    "Next step: the country's rule is met, but by knowledge and language answers alone. "
    "Verify a document or a statement (Ctrl+E on the documents question) before the "
    "consulate is asked."
)
PROTECTION_NEXT_STEP = N_(
    "Next step: the person may need protection, so nothing about them may be sent to a "
    "consulate. Prepare the referral to the protection authorities (Ctrl+F)."
)
"""The next step when a protection flag forbids any request, whatever the answers say."""
TEXTUAL_KEYS = (N_("Dismiss menu"),)
"""Key descriptions of Textual's own widgets, shown in the footer."""
NEXT_STEPS = {
    "presumption supported": N_("Next step: the consulate can be asked to certify the "
                                "person's nationality, with the items listed for it to "
                                "verify."),
    "insufficient": N_("Next step: the answers do not meet the country's rule yet. Ask the "
                       "questions left, verify documents, or ask the consulate for an "
                       "interview."),
    "consular interview needed": N_("Next step: some answers contradict each other or the "
                                    "evidence; the consulate should interview the person."),
}
