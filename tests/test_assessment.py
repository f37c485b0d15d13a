"""The assessment: outcomes, the country's rule, the strength of support, contradictions.

The two results (the rule and the strength) are checked side by side on the India and
Haiti questionnaires and on small questionnaires built here to isolate one effect.
"""

from __future__ import annotations

import datetime
import json
import math
from typing import Any

import pytest

import engine
from engine import (
    CONSULAR_INTERVIEW_NEEDED,
    INSUFFICIENT,
    PRESUMPTION_SUPPORTED,
    Assessment,
    Interview,
    Questionnaire,
)
from engine.assessment.strength import NEUTRAL, verbal
from tests.interview_support import (
    HAITI_ANSWERS,
    INDIA_ANSWERS,
    START,
    FakeClock,
    answer_all,
    build,
    full_india,
    haiti,
    india,
    parameter,
    start,
)

LOG2, LOG3 = math.log10(2), math.log10(3)
CONCLUSIONS = {PRESUMPTION_SUPPORTED, INSUFFICIENT, CONSULAR_INTERVIEW_NEEDED}


def close_to(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def contributions(assessment: Assessment) -> dict[str, float]:
    return {r.parameter: r.contribution for r in assessment.parameters}


def outcomes(assessment: Assessment) -> dict[str, str]:
    return {r.parameter: r.outcome for r in assessment.parameters}


def officer_doc(ident: str, evidence: str, **extra: Any) -> dict[str, Any]:
    return parameter(ident, evidence=evidence, verify="officer", **extra)


def known(ident: str, answer: str, domain: str = "geography", **extra: Any) -> dict[str, Any]:
    data = parameter(ident, answer_key={"accept": [answer]}, **extra)
    data["domain"] = domain
    return data


# One questionnaire with each tier and each way of verifying
TIERS = build([
    officer_doc("passport", "proof"),
    officer_doc("birth_certificate", "presumption"),
    known("capital", "New Delhi"),
    officer_doc("mother_tongue", "language"),
    parameter("full_name", evidence="presumption", verify="consulate"),
], rule=2)


def interview_of(questionnaire: Questionnaire, answers: dict[str, Any],
                 findings: dict[str, str] | None = None,
                 declined: dict[str, str] | None = None) -> Interview:
    interview = start(questionnaire, officer_language="en")
    for ident, value in answers.items():
        interview.answer(ident, value)
    for ident, outcome in (findings or {}).items():
        interview.verify(ident, outcome, f"{ident}: checked by the officer")
    for ident, reason in (declined or {}).items():
        interview.decline(ident, reason)
    return interview


# Outcomes per way of verifying -------------------------------------------------------


def test_auto_answers_are_confirmed_or_contradicted_by_the_key() -> None:
    right = interview_of(TIERS, {"capital": "new delhi"}).assess()
    wrong = interview_of(TIERS, {"capital": "Mumbai"}).assess()
    assert right.outcome("capital") == "confirmed"
    assert wrong.outcome("capital") == "contradicted"


def test_officer_answers_wait_for_the_officers_finding() -> None:
    interview = interview_of(TIERS, {"birth_certificate": "copy of a birth certificate"})
    assert interview.assess().outcome("birth_certificate") == "unconfirmed"
    interview.verify("birth_certificate", "confirmed", "copy seen, names match")
    assert interview.assess().outcome("birth_certificate") == "confirmed"
    interview.verify("birth_certificate", "contradicted", "the seal is of another country")
    assert interview.assess().outcome("birth_certificate") == "contradicted"


def test_consulate_answers_stay_unconfirmed_and_go_to_the_consulate() -> None:
    assessment = interview_of(TIERS, {"full_name": "Ravi Kumar"}).assess()
    assert assessment.outcome("full_name") == "unconfirmed"
    assert assessment.items_for_consulate == ("full_name",)
    assert contributions(assessment)["full_name"] == 0
    unanswered = interview_of(TIERS, {}).assess()
    assert unanswered.items_for_consulate == ()


def test_unanswered_and_declined_outcomes() -> None:
    interview = interview_of(TIERS, {}, declined={"capital": "dont_know",
                                                  "mother_tongue": "declined"})
    assessment = interview.assess()
    assert outcomes(assessment) == {"passport": "not asked", "birth_certificate": "not asked",
                                    "capital": "declined", "mother_tongue": "declined",
                                    "full_name": "not asked"}
    reasons = {r.parameter: r.reason for r in assessment.parameters}
    assert "does not know" in reasons["capital"]
    assert "declined" in reasons["mother_tongue"]
    assert "never counted against" in reasons["capital"]


def test_an_answer_key_that_depends_on_a_missing_answer_leaves_the_answer_unconfirmed(
) -> None:
    questionnaire = build([
        parameter("state", "choice", evidence="presumption", verify="officer",
                  choices=[{"value": "PB", "label": {"en": "Punjab", "hi": "पंजाब"}},
                           {"value": "DL", "label": {"en": "Delhi", "hi": "दिल्ली"}}]),
        parameter("capital", answer_key={"depends_on": "state",
                                         "cases": {"PB": ["Chandigarh"], "DL": ["New Delhi"]}}),
    ])
    interview = interview_of(questionnaire, {"capital": "Chandigarh"})
    assert interview.assess().outcome("capital") == "unconfirmed"
    interview.answer("state", "DL")
    assert interview.assess().outcome("capital") == "contradicted"
    interview.answer("state", "PB")
    assert interview.assess().outcome("capital") == "confirmed"


# The country's rule: exactly N -------------------------------------------------------


INDIA_AUTO = ("currency", "state_capital", "independence_day", "national_anthem")


def test_india_rule_is_met_with_exactly_five_confirmations() -> None:
    interview = start(india())
    answer_all(interview, INDIA_ANSWERS)
    four = interview.assess()
    assert four.rule.required == 5
    assert four.rule.confirmed == INDIA_AUTO
    assert not four.rule.met
    assert four.rule.summary() == "4 of 5 confirmations: not met"
    assert four.conclusion == INSUFFICIENT
    interview.verify("documents_held", "confirmed", "voter ID card seen")
    five = interview.assess()
    assert len(five.rule.confirmed) == 5
    assert five.rule.met
    assert five.rule.summary() == "5 of 5 confirmations: met"
    assert five.conclusion == PRESUMPTION_SUPPORTED


def test_haiti_rule_is_met_with_exactly_four_confirmations() -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    answer_all(interview, HAITI_ANSWERS)
    four = interview.assess()
    assert four.rule.required == 4
    assert four.rule.confirmed == ("capitale", "monnaie", "independance", "chef_lieu")
    # Knowledge alone meets Haiti's rule, but carries no presumption: a document or a
    # statement must be confirmed too.
    assert four.rule.met and four.conclusion == INSUFFICIENT
    assert any("knowledge and language answers alone" in line for line in four.explanation)
    interview.decline("chef_lieu", "dont_know")
    three = interview.assess()
    assert len(three.rule.confirmed) == 3
    assert not three.rule.met and three.conclusion == INSUFFICIENT
    interview.verify("pieces_identite", "confirmed", "CINU seen")
    assert interview.assess().conclusion == PRESUMPTION_SUPPORTED
    interview.verify("pieces_identite", "contradicted", "the CINU belongs to someone else")
    assert interview.assess().conclusion == CONSULAR_INTERVIEW_NEEDED


def test_only_confirmations_count_towards_the_rule() -> None:
    questionnaire = build([known(f"q{n}", "yes sir") for n in range(6)], rule=3)
    answers = {"q0": "yes sir", "q1": "yes sir", "q2": "no", "q3": "no"}
    assessment = interview_of(questionnaire, answers, declined={"q4": "declined"}).assess()
    assert assessment.rule.confirmed == ("q0", "q1")
    assert not assessment.rule.met
    assessment = interview_of(questionnaire, answers | {"q5": "yes sir"}).assess()
    assert assessment.rule.confirmed == ("q0", "q1", "q5")
    assert assessment.rule.met


# Strength of support -----------------------------------------------------------------


@pytest.mark.parametrize(("ident", "answer", "confirmed", "contradicted"), [
    ("passport", "P1234567", 2.0, -2.0),
    ("birth_certificate", "original", 1.0, -1.0),
    ("mother_tongue", "Hindi", LOG3, -LOG3),
])
def test_default_ratios_of_officer_checked_tiers(ident: str, answer: str, confirmed: float,
                                                 contradicted: float) -> None:
    yes = interview_of(TIERS, {ident: answer}, findings={ident: "confirmed"}).assess()
    no = interview_of(TIERS, {ident: answer}, findings={ident: "contradicted"}).assess()
    assert close_to(contributions(yes)[ident], confirmed)
    assert close_to(yes.log10_lr, confirmed)
    assert close_to(contributions(no)[ident], contradicted)
    assert close_to(no.log10_lr, contradicted)


def test_default_ratios_of_knowledge() -> None:
    yes = interview_of(TIERS, {"capital": "New Delhi"}).assess()
    no = interview_of(TIERS, {"capital": "Karachi"}).assess()
    assert close_to(yes.log10_lr, LOG2)
    assert close_to(no.log10_lr, -LOG2)


def test_log10_ratios_add_up() -> None:
    interview = interview_of(
        TIERS, {"passport": "P1234567", "birth_certificate": "original", "capital": "Delhi",
                "mother_tongue": "Hindi", "full_name": "Ravi Kumar"},
        findings={"passport": "confirmed", "birth_certificate": "contradicted",
                  "mother_tongue": "confirmed"})
    assessment = interview.assess()
    expected = {"passport": 2.0, "birth_certificate": -1.0, "capital": -LOG2,
                "mother_tongue": LOG3, "full_name": 0.0}
    for ident, value in expected.items():
        assert close_to(contributions(assessment)[ident], value), ident
    assert close_to(assessment.log10_lr, sum(expected.values()))
    assert close_to(assessment.to_dict()["strength"]["log10_lr"],
                    round(sum(expected.values()), 4))


def test_a_parameter_may_set_its_own_ratios() -> None:
    questionnaire = build([
        officer_doc("voter_id", "presumption",
                    likelihood_ratio={"confirmed": 50, "contradicted": 0.2}),
        officer_doc("ration_card", "presumption", likelihood_ratio={"confirmed": 3}),
        officer_doc("school_certificate", "presumption",
                    likelihood_ratio={"contradicted": 0.04}),
    ])
    answers = {"voter_id": "seen", "ration_card": "seen", "school_certificate": "seen"}
    yes = interview_of(questionnaire, answers, findings=dict.fromkeys(answers, "confirmed"))
    no = interview_of(questionnaire, answers, findings=dict.fromkeys(answers, "contradicted"))
    assert close_to(contributions(yes.assess())["voter_id"], math.log10(50))
    assert close_to(contributions(no.assess())["voter_id"], math.log10(0.2))
    assert close_to(contributions(yes.assess())["ration_card"], math.log10(3))
    assert close_to(contributions(no.assess())["ration_card"], -1.0)         # tier default
    assert close_to(contributions(yes.assess())["school_certificate"], 1.0)  # tier default
    assert close_to(contributions(no.assess())["school_certificate"], math.log10(0.04))


def test_all_language_evidence_together_is_capped() -> None:
    questionnaire = build([officer_doc("mother_tongue", "language"),
                           officer_doc("dialect", "language"),
                           officer_doc("script", "language"),
                           officer_doc("birth_certificate", "presumption")])
    answers = {"mother_tongue": "Punjabi", "dialect": "Doabi", "script": "Gurmukhi",
               "birth_certificate": "copy"}
    findings = dict.fromkeys(answers, "confirmed")
    assessment = interview_of(questionnaire, answers, findings=findings).assess()
    language = [contributions(assessment)[i] for i in ("mother_tongue", "dialect", "script")]
    assert close_to(sum(language), LOG3)
    assert all(close_to(value, LOG3 / 3) for value in language)
    assert close_to(assessment.by_tier["language"].log10_lr, LOG3)
    assert close_to(assessment.log10_lr, LOG3 + 1.0)  # the presumption is not capped
    against = interview_of(questionnaire, answers,
                           findings=dict.fromkeys(answers, "contradicted")).assess()
    assert close_to(against.by_tier["language"].log10_lr, -LOG3)


def test_one_knowledge_domain_is_capped_either_way() -> None:
    questionnaire = build([
        *(known(f"geo{n}", "yes sir") for n in range(5)),
        known("history", "yes sir", domain="history"),
        known("hero", "yes sir", domain="civics", likelihood_ratio={"confirmed": 1000}),
    ])
    everything = {f"geo{n}": "yes sir" for n in range(5)} | {"history": "yes sir",
                                                             "hero": "yes sir"}
    assessment = interview_of(questionnaire, everything).assess()
    assert close_to(assessment.by_domain["geography"].log10_lr, 1.0)     # 5 x 0.301, capped
    assert assessment.by_domain["geography"].confirmed == 5
    assert close_to(assessment.by_domain["history"].log10_lr, LOG2)      # under the cap
    assert close_to(assessment.by_domain["civics"].log10_lr, 1.0)        # 3.0 capped
    assert close_to(assessment.log10_lr, 2.0 + LOG2)
    wrong = dict.fromkeys(everything, "no")
    against = interview_of(questionnaire, wrong).assess()
    assert close_to(against.by_domain["geography"].log10_lr, -1.0)
    assert close_to(against.by_domain["civics"].log10_lr, -LOG2)


def test_a_domain_cap_scales_mixed_outcomes_together() -> None:
    questionnaire = build([known(f"geo{n}", "yes sir") for n in range(6)])
    answers = {f"geo{n}": "yes sir" for n in range(5)} | {"geo5": "no"}
    assessment = interview_of(questionnaire, answers).assess()
    assert close_to(assessment.by_domain["geography"].log10_lr, 1.0)   # 4 x 0.301, capped
    assert contributions(assessment)["geo5"] < 0
    assert close_to(sum(contributions(assessment).values()), 1.0)


@pytest.mark.parametrize(("log10_lr", "words"), [
    (0.0, NEUTRAL),
    (0.29, NEUTRAL),
    (-0.29, NEUTRAL),
    (LOG2, "weak support for"),
    (-LOG2, "weak support against"),
    (0.99, "weak support for"),
    (1.0, "moderate support for"),
    (-1.0, "moderate support against"),
    (1.99, "moderate support for"),
    (2.0, "moderately strong support for"),
    (-2.5, "moderately strong support against"),
    (3.0, "strong support for"),
    (-3.0, "strong support against"),
    (4.0, "very strong support for"),
    (-4.0, "very strong support against"),
    (6.5, "very strong support for"),
])
def test_the_verbal_scale_in_both_directions(log10_lr: float, words: str) -> None:
    said = verbal(log10_lr, "IN")
    if words == NEUTRAL:
        assert said == NEUTRAL == "no support either way"
    else:
        assert said == f"{words} the presumed nationality (IN)"


def test_an_assessment_says_its_strength_in_words() -> None:
    proof = interview_of(TIERS, {"passport": "P1"}, findings={"passport": "confirmed"})
    assert proof.assess().strength == "moderately strong support for the presumed nationality (IN)"
    weak = interview_of(TIERS, {"capital": "Karachi"})
    assert weak.assess().strength == "weak support against the presumed nationality (IN)"
    nothing = interview_of(TIERS, {"full_name": "Ravi Kumar"})
    assert nothing.assess().strength == NEUTRAL
    balanced = interview_of(TIERS, {"capital": "New Delhi", "birth_certificate": "copy"},
                            findings={"birth_certificate": "confirmed"})
    balanced.verify("birth_certificate", "contradicted", "another person's certificate")
    assert close_to(balanced.assess().log10_lr, LOG2 - 1.0)
    assert balanced.assess().strength == "weak support against the presumed nationality (IN)"


def test_a_weak_override_stays_in_the_neutral_band() -> None:
    questionnaire = build([officer_doc("accent", "presumption",
                                       likelihood_ratio={"confirmed": 1.5})])
    assessment = interview_of(questionnaire, {"accent": "Doaba"},
                              findings={"accent": "confirmed"}).assess()
    assert 0 < assessment.log10_lr < LOG2
    assert assessment.strength == NEUTRAL


# Declining is neutral ----------------------------------------------------------------


def same_result(first: Assessment, second: Assessment) -> None:
    assert first.log10_lr == second.log10_lr
    assert first.rule == second.rule
    assert first.strength == second.strength
    assert first.conclusion == second.conclusion
    assert first.by_tier == second.by_tier
    assert first.by_domain == second.by_domain
    assert first.contradictions == second.contradictions
    assert first.items_for_consulate == second.items_for_consulate


@pytest.mark.parametrize("reason", ["declined", "dont_know"])
def test_declining_gives_the_same_result_as_not_answering(reason: str) -> None:
    base = {"passport": "P1", "capital": "New Delhi"}
    findings = {"passport": "confirmed"}
    silent = interview_of(TIERS, base, findings=findings).assess()
    declining = interview_of(TIERS, base, findings=findings,
                             declined={"birth_certificate": reason, "mother_tongue": reason,
                                       "full_name": reason}).assess()
    same_result(silent, declining)
    assert declining.outcome("mother_tongue") == "declined"
    wrong = interview_of(TIERS, base | {"birth_certificate": "copy"},
                         findings=findings | {"birth_certificate": "contradicted"}).assess()
    assert wrong.log10_lr < silent.log10_lr


@pytest.mark.parametrize("reason", ["declined", "dont_know"])
def test_declining_in_india_changes_nothing_but_the_outcome(reason: str) -> None:
    answers = {k: v for k, v in INDIA_ANSWERS.items()
               if k not in ("national_anthem", "mother_name", "pin_code")}
    silent = start(india())
    declining = start(india())
    for interview in (silent, declining):
        for ident, value in answers.items():
            if ident in {p.id for p in interview.relevant()}:
                interview.answer(ident, value)
    for ident in ("national_anthem", "mother_name", "pin_code"):
        declining.decline(ident, reason)
    same_result(silent.assess(), declining.assess())
    assert declining.progress()[0] == silent.progress()[0] + 3


# Contradictions between answers -----------------------------------------------------


def india_interview(**changes: Any) -> Interview:
    interview = full_india()
    for ident, value in changes.items():
        interview.answer(ident, value)
    return interview


def test_a_district_outside_the_state_is_a_contradiction_naming_both() -> None:
    assessment = india_interview(district="ahmedabad").assess(language="en")
    [contradiction] = assessment.contradictions
    assert contradiction.check == "district_in_state"
    assert contradiction.parameters == ("district", "state")
    assert "district" in contradiction.message and "state" in contradiction.message
    assert "'ahmedabad'" in contradiction.message and "'PB'" in contradiction.message
    assert "The district given is not in the state given" in contradiction.message
    assert assessment.rule.met  # the rule is still met, side by side...
    assert assessment.conclusion == CONSULAR_INTERVIEW_NEEDED  # ...but answers disagree
    assert any(line.startswith("Inconsistent answers (district_in_state)")
               for line in assessment.explanation)


def test_the_check_message_is_in_the_officers_language() -> None:
    interview = india_interview(district="ahmedabad")
    [contradiction] = interview.assess().contradictions  # officer_language 'es'
    assert "El distrito indicado no pertenece al estado indicado" in contradiction.message
    [english] = interview.assess(language="en").contradictions
    assert "The district given is not in the state given" in english.message


@pytest.mark.parametrize(("pin", "state", "consistent"), [
    ("144040", "PB", True), ("160017", "PB", True), ("560001", "PB", False),
    ("110001", "DL", True), ("400001", "DL", False),
])
def test_a_pin_code_must_start_as_its_state_needs(pin: str, state: str,
                                                  consistent: bool) -> None:
    interview = start(india())
    interview.answer("state", state)
    interview.answer("pin_code", pin)
    assessment = interview.assess()
    if consistent:
        assert assessment.contradictions == ()
        return
    [contradiction] = assessment.contradictions
    assert contradiction.check == "pin_matches_state"
    assert contradiction.parameters == ("pin_code", "state")
    assert "pin_code" in contradiction.message and "state" in contradiction.message
    assert assessment.conclusion == CONSULAR_INTERVIEW_NEEDED


@pytest.mark.parametrize(("age", "consistent"), [
    (29, True), (27, True), (31, True), (26, False), (32, False), (45, False), (0, False),
])
def test_a_full_date_of_birth_must_fit_the_age(age: int, consistent: bool) -> None:
    # Born 1995-06-10; the interview is on 2025-03-15: 29 years old, tolerance 2.
    assessment = india_interview(age=age).assess()
    if consistent:
        assert assessment.contradictions == ()
        assert assessment.conclusion == PRESUMPTION_SUPPORTED
        return
    [contradiction] = assessment.contradictions
    assert contradiction.check == "age_matches_date_of_birth"
    assert contradiction.parameters == ("date_of_birth", "age")
    assert "date_of_birth" in contradiction.message and "age" in contradiction.message
    assert assessment.conclusion == CONSULAR_INTERVIEW_NEEDED


def possible_ages(partial: str, on: datetime.date) -> set[int]:
    """Every age the person can be on ``on`` if born on a day the partial date allows."""
    parts = [int(part) for part in partial.split("-")]
    first = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
    if len(parts) > 1:
        last = (datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
                - datetime.timedelta(days=1))
    else:
        last = datetime.date(parts[0], 12, 31)
    ages = set()
    day = first
    while day <= last:
        ages.add(on.year - day.year - ((on.month, on.day) < (day.month, day.day)))
        day += datetime.timedelta(days=1)
    return ages


def age_mismatches(partials: list[str]) -> list[str]:
    """Where the check disagrees with 'the age fits some day the partial date allows'."""
    on = START.date()
    wrong = []
    for partial in partials:
        ages = possible_ages(partial, on)
        for age in range(15, 36):
            fits = min(abs(age - possible) for possible in ages) <= 2
            interview = start(india())
            interview.answer("date_of_birth", partial)
            interview.answer("age", age)
            contradicted = bool(interview.assess().contradictions)
            if contradicted == fits:
                wrong.append(f"born {partial}, age {age}: "
                             f"{'contradiction' if contradicted else 'no contradiction'}, "
                             f"but the possible ages are {sorted(ages)} (tolerance 2)")
    return wrong


def test_a_birth_year_alone_must_fit_the_age() -> None:
    assert possible_ages("2000", START.date()) == {24, 25}
    assert age_mismatches(["2000", "1990"]) == []


def test_a_birth_month_must_fit_the_age() -> None:
    assert possible_ages("2000-03", START.date()) == {24, 25}
    assert possible_ages("2000-05", START.date()) == {24}
    assert age_mismatches(["2000-01", "2000-03", "2000-05", "2000-12"]) == []


def test_partial_dates_far_from_the_age_are_contradictions() -> None:
    for partial in ("2000", "2000-05"):
        interview = start(india())
        interview.answer("date_of_birth", partial)
        interview.answer("age", 40)
        [contradiction] = interview.assess().contradictions
        assert contradiction.parameters == ("date_of_birth", "age")


def test_the_age_is_reckoned_on_the_day_the_interview_started() -> None:
    clock = FakeClock(start=datetime.datetime(2010, 6, 1, 12, 0, tzinfo=datetime.UTC))
    interview = start(india(), clock=clock)
    interview.answer("date_of_birth", "1995-06-10")
    interview.answer("age", 14)
    assert interview.assess().contradictions == ()
    resumed = Interview.resume(india(), interview.events)
    assert resumed.assess().contradictions == ()


def test_a_contradicted_proof_document_needs_a_consular_interview() -> None:
    questionnaire = build([
        officer_doc("passport", "proof"),
        officer_doc("voter_id", "presumption", likelihood_ratio={"confirmed": 1000}),
        officer_doc("ration_card", "presumption"),
        known("capital", "New Delhi"),
    ], rule=2)
    answers = {"passport": "P1", "voter_id": "seen", "ration_card": "seen",
               "capital": "New Delhi"}
    findings = {"passport": "contradicted", "voter_id": "confirmed", "ration_card": "confirmed"}
    assessment = interview_of(questionnaire, answers, findings=findings).assess()
    assert assessment.rule.met
    assert assessment.log10_lr > 2  # strong support otherwise...
    assert assessment.conclusion == CONSULAR_INTERVIEW_NEEDED
    confirmed = interview_of(questionnaire, answers,
                             findings=findings | {"passport": "confirmed"}).assess()
    assert confirmed.conclusion == PRESUMPTION_SUPPORTED


# What natid says --------------------------------------------------------------------


def many_assessments() -> list[Assessment]:
    india_full = full_india()
    with_passport = india_interview(district="ahmedabad")
    empty = start(india())
    haitian = start(haiti(), interviewee="ht", officer_language="fr")
    answer_all(haitian, HAITI_ANSWERS)
    proof = interview_of(TIERS, {"passport": "P1", "capital": "New Delhi",
                                 "birth_certificate": "x"},
                         findings={"passport": "confirmed", "birth_certificate": "confirmed"})
    against = interview_of(TIERS, {"passport": "P1"}, findings={"passport": "contradicted"})
    return [india_full.assess(), with_passport.assess(), empty.assess(), haitian.assess(),
            haitian.assess(language="ht"), proof.assess(), against.assess()]


def test_natid_never_says_proven() -> None:
    seen = set()
    for assessment in many_assessments():
        assert assessment.conclusion in CONCLUSIONS
        seen.add(assessment.conclusion)
        words = " ".join([assessment.conclusion, assessment.strength,
                          *assessment.explanation]).casefold()
        assert "proven" not in words
        assert "proved" not in words
        assert "proves" not in words
    assert seen == CONCLUSIONS
    assert (PRESUMPTION_SUPPORTED, INSUFFICIENT, CONSULAR_INTERVIEW_NEEDED) == (
        "presumption supported", "insufficient", "consular interview needed")


def test_summaries_per_tier_and_per_domain() -> None:
    assessment = full_india().assess()
    tiers = assessment.by_tier
    assert set(tiers) == {"proof", "presumption", "knowledge", "language"}
    assert (tiers["presumption"].confirmed, tiers["presumption"].unconfirmed) == (1, 13)
    assert (tiers["proof"].confirmed, tiers["proof"].unconfirmed) == (0, 1)
    assert (tiers["knowledge"].confirmed, tiers["knowledge"].contradicted) == (4, 0)
    assert tiers["language"].confirmed == 1
    assert close_to(tiers["knowledge"].log10_lr, 4 * LOG2)
    assert close_to(tiers["language"].log10_lr, LOG3)
    assert close_to(tiers["presumption"].log10_lr, 1.0)
    assert close_to(sum(group.log10_lr for group in tiers.values()), assessment.log10_lr)
    assert set(assessment.by_domain) == {"daily_life", "geography", "history", "civics"}
    assert all(group.confirmed == 1 and close_to(group.log10_lr, LOG2)
               for group in assessment.by_domain.values())


def test_summaries_count_contradictions() -> None:
    interview = full_india()
    interview.answer("independence_day", "14 August")
    interview.answer("national_anthem", "Vande Mataram")
    interview.verify("languages_spoken", "contradicted", "the interpreter hears Urdu")
    assessment = interview.assess()
    assert assessment.by_tier["knowledge"].confirmed == 2
    assert assessment.by_tier["knowledge"].contradicted == 2
    assert assessment.by_domain["history"].contradicted == 1
    assert assessment.by_domain["civics"].contradicted == 1
    assert assessment.by_tier["language"].contradicted == 1
    assert close_to(assessment.by_tier["language"].log10_lr, -LOG3)


def test_every_step_is_explained() -> None:
    assessment = full_india().assess()
    lines = assessment.explanation
    assert lines[0] == "Country's rule: 6 of 5 confirmations: met."
    assert lines[-1] == "Conclusion: presumption supported."
    answered = [r for r in assessment.parameters if r.outcome != "not asked"]
    for result in answered:
        assert any(line.startswith(f"{result.parameter}: {result.outcome}")
                   and f"{result.contribution:+.2f}" in line for line in lines), result
    assert any(line.startswith("Strength of support: log10 LR +2.68, moderately strong support")
               for line in lines)


def test_to_dict_is_json_and_says_what_the_assessment_says() -> None:
    for assessment in many_assessments():
        data = json.loads(json.dumps(assessment.to_dict(), ensure_ascii=False))
        assert data["country"] == assessment.country
        assert data["conclusion"] == assessment.conclusion
        assert data["rule"] == {"required": assessment.rule.required,
                                "confirmed": list(assessment.rule.confirmed),
                                "met": assessment.rule.met}
        assert data["strength"]["words"] == assessment.strength
        assert close_to(data["strength"]["log10_lr"], round(assessment.log10_lr, 4))
        assert [p["parameter"] for p in data["parameters"]] == [
            r.parameter for r in assessment.parameters]
        assert [p["outcome"] for p in data["parameters"]] == [
            r.outcome for r in assessment.parameters]
        assert set(data["by_tier"]) == set(assessment.by_tier)
        assert data["items_for_consulate"] == list(assessment.items_for_consulate)
        assert [c["parameters"] for c in data["contradictions"]] == [
            list(c.parameters) for c in assessment.contradictions]
        assert data["explanation"] == list(assessment.explanation)


def test_the_engine_module_assesses_like_the_interview() -> None:
    interview = full_india()
    assert engine.assess(interview) == interview.assess()
