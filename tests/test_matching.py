"""Matching answers against an answer key: normalising, variants, spelling, numbers, dates.

The functions of engine.matching are checked directly, and then as an officer sees
them: the outcome of 'auto' questions in the India and Haiti questionnaires and in
small questionnaires built here.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from engine import Interview, Questionnaire
from engine.matching import (
    MIN_LENGTH_FOR_TYPOS,
    Match,
    as_date,
    as_number,
    distance,
    match_text,
    normalize,
)
from tests.interview_support import build, choices, haiti, india, parameter, start

# Normalising ------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [
    ("\uff24\uff45\uff4c\uff48\uff49", "delhi"),  # NFKC: full-width letters
    ("\ufb01rozpur", "firozpur"),            # NFKC: the "fi" ligature
    ("Rupee\u00b2", "rupee2"),                # NFKC: a superscript digit
    ("NEW DELHI", "new delhi"),
    ("Straße", "strasse"),                    # case folding, not just lower()
    ("Pòtoprens", "potoprens"),               # Latin accents go
    ("Gonaïves", "gonaives"),
    ("Jérémie", "jeremie"),
    ("Je\u0301re\u0301mie", "jeremie"),       # the same accents, decomposed
    ("Miragoâne", "miragoane"),
    ("Fòlibète", "folibete"),
    ("Jana-Gana-Mana", "jana gana mana"),     # punctuation becomes a space
    ("Grand'Anse", "grand anse"),
    ("Grand\u2019Anse", "grand anse"),        # a typographic apostrophe too
    ("15/08", "15 08"),
    ("15.08", "15 08"),
    ("(Port-au-Prince)!", "port au prince"),
    ("  New \t\n Delhi  ", "new delhi"),      # spaces collapse and are trimmed
    ("New\u00a0Delhi", "new delhi"),          # a no-break space is a space
    ("New\u3000Delhi", "new delhi"),          # so is an ideographic space
    ("", ""),
    (" -- ", ""),
])
def test_normalize(given: str, expected: str) -> None:
    assert normalize(given) == expected


@pytest.mark.parametrize("word", ["दिल्ली", "मुंबई", "कोलकाता", "ਦਿੱਲੀ", "ਚੰਡੀਗੜ੍ਹ", "ਰੁਪਏ",
                                  "गुरुग्राम", "ਸ੍ਰੀਨਗਰ"])
def test_devanagari_and_gurmukhi_vowel_signs_are_kept(word: str) -> None:
    assert normalize(word) == word
    stripped = "".join(char for char in word if not ("\u093e" <= char <= "\u094d"
                                                      or "\u0a3e" <= char <= "\u0a4d"
                                                      or char in "\u0901\u0902\u0a02\u0a70"
                                                      "\u0a71"))
    assert stripped != word
    assert normalize(stripped) != normalize(word)


def test_vowel_signs_make_different_words() -> None:
    # दिल (heart) and दील: one vowel sign apart; ਦਿਲ and ਦੀਲ likewise.
    assert normalize("दिल") != normalize("दील")
    assert normalize("ਦਿਲ") != normalize("ਦੀਲ")
    assert normalize("कमल") != normalize("कोमल")


def test_nukta_letters_written_either_way_are_the_same() -> None:
    assert normalize("\u0958") == normalize("\u0915\u093c")   # क़
    assert normalize("\u0a59") == normalize("\u0a16\u0a3c")   # ਖ਼
    assert normalize("ज़िला") == normalize("\u091c\u093c\u093f\u0932\u093e")


def test_a_danda_is_punctuation() -> None:
    assert normalize("भारत।") == "भारत"


# Spelling distance ------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("patna", "patna", 0),
    ("patna", "patan", 1),          # one transposition, not two substitutions
    ("chandigarh", "chandigrah", 1),
    ("shimla", "shmla", 1),          # a deletion
    ("shimla", "shimlaa", 1),        # an insertion
    ("shimla", "shimpa", 1),         # a substitution
    ("bhopal", "bhpoal", 1),
    ("mumbai", "bombay", 3),
    ("", "abc", 3),
])
def test_distance(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 5) == expected
    assert distance(b, a, 5) == expected


def test_distance_stops_above_its_limit() -> None:
    assert distance("thiruvananthapuram", "trivandrum", 2) == 3
    assert distance("abcdef", "ghijkl", 1) == 2
    assert distance("ab", "abcdef", 1) == 2


# Matching text ----------------------------------------------------------------------

KEY = [("Chandigarh", "exact"), ("चंडीगढ़", "variant"), ("ਚੰਡੀਗੜ੍ਹ", "variant")]


def test_an_exact_answer_and_its_variants_in_other_scripts() -> None:
    assert match_text("Chandigarh", KEY, 1) == Match("exact", "Chandigarh")
    assert match_text("  CHANDIGARH. ", KEY, 1) == Match("exact", "Chandigarh")
    assert match_text("चंडीगढ़", KEY, 1) == Match("variant", "चंडीगढ़")
    assert match_text("ਚੰਡੀਗੜ੍ਹ", KEY, 1) == Match("variant", "ਚੰਡੀਗੜ੍ਹ")


def test_spelling_mistakes_are_forgiven_up_to_max_typos() -> None:
    assert match_text("Chandigar", KEY, 1) == Match("spelling", "Chandigarh", 1)
    assert match_text("Chandigrah", KEY, 1) == Match("spelling", "Chandigarh", 1)
    assert match_text("Chandgar", KEY, 1) is None
    assert match_text("Chandgar", KEY, 2) == Match("spelling", "Chandigarh", 2)
    assert match_text("Chndgr", KEY, 3) is None          # 4 mistakes
    assert match_text("Chandigar", KEY, 0) is None        # no tolerance: exact only


def test_the_closest_accepted_answer_is_named() -> None:
    accepted = [("Dehradun", "exact"), ("Dehra Dun", "variant"), ("Gairsain", "exact")]
    assert match_text("Dehra Dn", accepted, 2) == Match("spelling", "Dehra Dun", 1)
    assert match_text("Gairsian", accepted, 2) == Match("spelling", "Gairsain", 1)


def test_spelling_tolerance_needs_six_characters_or_more() -> None:
    assert MIN_LENGTH_FOR_TYPOS == 6
    assert match_text("Ptna", [("Patna", "exact")], 3) is None        # short answer
    assert match_text("Patn", [("Patna", "exact")], 3) is None
    assert match_text("Lehhhh", [("Leh", "exact")], 3) is None        # short key
    assert match_text("Shimal", [("Shimla", "exact")], 1) == Match("spelling", "Shimla", 1)
    assert match_text("Shiml", [("Shimla", "exact")], 1) is None       # 5 characters


def test_different_digits_are_never_forgiven() -> None:
    key = [("15 August", "exact")]
    assert match_text("15 Augst", key, 1) == Match("spelling", "15 August", 1)
    assert match_text("14 August", key, 3) is None
    assert match_text("16 August", key, 3) is None
    assert match_text("51 August", key, 3) is None      # transposed digits
    assert match_text("15 August 1947", key, 3) is None
    assert match_text("1 August", key, 3) is None


def test_nothing_matches_an_empty_answer() -> None:
    assert match_text("", KEY, 3) is None
    assert match_text(" ...  ", KEY, 3) is None


def test_a_transposition_counts_as_one_mistake() -> None:
    key = [("Gandhinagar", "exact")]
    assert match_text("Gandhingaar", key, 1) == Match("spelling", "Gandhinagar", 1)
    assert match_text("Gnadhingaar", key, 1) is None
    assert match_text("Gnadhingaar", key, 2) == Match("spelling", "Gandhinagar", 2)


# Numbers and dates as values --------------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [
    (12, 12.0), (12.5, 12.5), ("12", 12.0), (" 12 ", 12.0), ("12,5", 12.5), ("-3", -3.0),
    ("twelve", None), ("", None), (True, None), (False, None), (None, None),
    (float("nan"), None), (float("inf"), None), ("nan", None), ("inf", None), ([12], None),
])
def test_as_number(given: Any, expected: float | None) -> None:
    assert as_number(given) == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("1804-01-01", datetime.date(1804, 1, 1)),
    (datetime.date(1947, 8, 15), datetime.date(1947, 8, 15)),
    ("1804", None), ("1804-01", None), ("01/01/1804", None), ("1804-02-30", None),
    (18040101, None), (None, None),
])
def test_as_date(given: Any, expected: datetime.date | None) -> None:
    assert as_date(given) == expected


# As the officer sees it: outcomes of 'auto' questions -------------------------------


def outcome(questionnaire: Questionnaire, answers: dict[str, Any],
            interviewee: str = "en") -> dict[str, str]:
    interview: Interview = start(questionnaire, interviewee=interviewee, officer_language="en")
    for ident, value in answers.items():
        interview.answer(ident, value)
    assessment = interview.assess()
    return {ident: assessment.outcome(ident) for ident in answers}


@pytest.mark.parametrize(("answer", "expected"), [
    ("rupee", "confirmed"), ("Rupees", "confirmed"), ("INR", "confirmed"),
    ("rupaiya", "confirmed"), ("Indian Rupee", "confirmed"), ("rupia", "confirmed"),
    ("रुपया", "confirmed"), ("रुपये", "confirmed"), ("ਰੁਪਏ", "confirmed"),
    ("rupeess", "confirmed"),       # one mistake in 7 letters
    ("rupay", "contradicted"),      # five letters: no mistakes forgiven
    ("dollar", "contradicted"), ("taka", "contradicted"),
])
def test_india_currency(answer: str, expected: str) -> None:
    assert outcome(india(), {"currency": answer})["currency"] == expected


@pytest.mark.parametrize(("state", "answer", "expected"), [
    ("PB", "Chandigarh", "confirmed"),
    ("PB", "chandigar", "confirmed"),
    ("PB", "चंडीगढ़", "confirmed"),
    ("PB", "Amritsar", "contradicted"),
    ("KA", "Bangalore", "confirmed"),
    ("KA", "Bengaluru", "confirmed"),
    ("KA", "Bengaloru", "confirmed"),
    ("KA", "बंगलौर", "confirmed"),
    ("MH", "Bombay", "confirmed"),
    ("MH", "Nagpur", "confirmed"),
    ("TN", "Madrás", "confirmed"),
    ("WB", "Calcuta", "confirmed"),
    ("DL", "Nueva Delhi", "confirmed"),
    ("DL", "ਨਵੀਂ ਦਿੱਲੀ", "confirmed"),
    ("GJ", "Ahmedabad", "contradicted"),
])
def test_india_state_capital_depends_on_the_state(state: str, answer: str,
                                                  expected: str) -> None:
    result = outcome(india(), {"state": state, "state_capital": answer})
    assert result["state_capital"] == expected


@pytest.mark.parametrize(("answer", "expected"), [
    ("15 August", "confirmed"), ("August 15th", "confirmed"), ("15/08", "confirmed"),
    ("15.08", "confirmed"), ("15-08", "confirmed"), ("15 de agosto", "confirmed"),
    ("१५ अगस्त", "confirmed"), ("15 अगस्त", "confirmed"), ("੧੫ ਅਗਸਤ", "confirmed"),
    ("15 August 1947", "confirmed"),
    ("14 August", "contradicted"),     # Pakistan's independence day
    ("26 January", "contradicted"),    # Republic Day
    ("15 Augustt", "contradicted"),    # this key forgives no mistakes (max_typos: 0)
])
def test_india_independence_day(answer: str, expected: str) -> None:
    assert outcome(india(), {"independence_day": answer})["independence_day"] == expected


@pytest.mark.parametrize(("answer", "expected"), [
    ("Jana Gana Mana", "confirmed"), ("jana-gana-mana", "confirmed"),
    ("JANA GANA MANN", "confirmed"), ("Jan Gan Man", "confirmed"),
    ("जन गण मन", "confirmed"), ("ਜਨ ਗਣ ਮਨ", "confirmed"),
    ("Vande Mataram", "contradicted"), ("Jana Gana", "contradicted"),
])
def test_india_national_anthem(answer: str, expected: str) -> None:
    assert outcome(india(), {"national_anthem": answer})["national_anthem"] == expected


@pytest.mark.parametrize(("answers", "expected"), [
    ({"capitale": "Pòtoprens"}, "confirmed"),
    ({"capitale": "potoprens"}, "confirmed"),
    ({"capitale": "PORT AU PRINCE"}, "confirmed"),
    ({"capitale": "Puerto Principe"}, "confirmed"),
    ({"capitale": "Port-au-Princ"}, "confirmed"),
    ({"capitale": "Santo Domingo"}, "contradicted"),
    ({"monnaie": "goud"}, "confirmed"),
    ({"monnaie": "Gourdes"}, "confirmed"),
    ({"monnaie": "peso"}, "contradicted"),
    ({"departement_naissance": "GA", "chef_lieu": "Jeremie"}, "confirmed"),
    ({"departement_naissance": "GA", "chef_lieu": "JÉRÉMIE"}, "confirmed"),
    ({"departement_naissance": "AR", "chef_lieu": "Gonayiv"}, "confirmed"),
    ({"departement_naissance": "ND", "chef_lieu": "Okap"}, "confirmed"),
    ({"departement_naissance": "ND", "chef_lieu": "Jacmel"}, "contradicted"),
])
def test_haiti_answers(answers: dict[str, str], expected: str) -> None:
    last = list(answers)[-1]
    assert outcome(haiti(), answers, interviewee="ht")[last] == expected


@pytest.mark.parametrize(("answer", "expected"), [
    ("1804-01-01", "confirmed"),
    ("1804-01-02", "contradicted"),
    ("1803-11-18", "contradicted"),   # the battle of Vertières, not independence
])
def test_haiti_independence_is_compared_as_a_date(answer: str, expected: str) -> None:
    assert outcome(haiti(), {"independance": answer})["independance"] == expected


def test_a_partial_date_that_fits_the_key_is_not_counted_against_the_person() -> None:
    # The person knows the year (or the month) but not the day: not a wrong answer.
    for partial in ("1804", "1804-01"):
        assert outcome(haiti(), {"independance": partial})["independance"] != "contradicted"


def test_a_partial_date_that_cannot_fit_the_key_is_contradicted() -> None:
    for partial in ("1805", "1804-02"):
        assert outcome(haiti(), {"independance": partial})["independance"] == "contradicted"


def number_questionnaire(tolerance: float, accept: list[Any]) -> Questionnaire:
    return build([parameter("partition_year", "number",
                            answer_key={"accept": accept, "tolerance": tolerance})])


@pytest.mark.parametrize(("tolerance", "answer", "expected"), [
    (0, 1947, "confirmed"), (0, 1947.0, "confirmed"), (0, 1948, "contradicted"),
    (1, 1948, "confirmed"), (1, 1946, "confirmed"), (1, 1949, "contradicted"),
    (0.5, 1947.5, "confirmed"), (0.5, 1947.6, "contradicted"),
    (2, 1945, "confirmed"), (2, 1944, "contradicted"),
])
def test_numbers_match_as_values_within_their_tolerance(tolerance: float, answer: float,
                                                        expected: str) -> None:
    questionnaire = number_questionnaire(tolerance, [1947])
    assert outcome(questionnaire, {"partition_year": answer})["partition_year"] == expected


def test_a_date_key_matches_the_same_day_only() -> None:
    questionnaire = build([parameter("republic_day", "date",
                                     answer_key={"accept": ["1950-01-26"]})])
    assert outcome(questionnaire, {"republic_day": "1950-01-26"})["republic_day"] == "confirmed"
    assert outcome(questionnaire, {"republic_day": "1950-01-25"})["republic_day"] == (
        "contradicted")


def test_choice_and_yes_no_keys_match_values() -> None:
    questionnaire = build([
        parameter("flag_colours", "multi_choice",
                  choices=choices("saffron", "white", "green", "red"),
                  answer_key={"accept": ["saffron", "white", "green"]}),
        parameter("drives_left", "yes_no", answer_key={"accept": [True]}),
        parameter("bird", "choice", choices=choices("peacock", "eagle"),
                  answer_key={"accept": ["peacock"]}),
    ])
    result = outcome(questionnaire, {"flag_colours": ["green", "white", "saffron"],
                                     "drives_left": True, "bird": "peacock"})
    assert set(result.values()) == {"confirmed"}
    result = outcome(questionnaire, {"flag_colours": ["saffron", "green"],
                                     "drives_left": False, "bird": "eagle"})
    assert set(result.values()) == {"contradicted"}


def test_the_reason_names_how_the_answer_matched() -> None:
    interview = start(india(), officer_language="en")
    interview.answer("state", "KA")
    interview.answer("state_capital", "Bengaloru")
    interview.answer("currency", "रुपये")
    interview.answer("independence_day", "14 August")
    reasons = {r.parameter: r.reason for r in interview.assess().parameters}
    assert "within 1 spelling mistake" in reasons["state_capital"]
    assert "Bengaluru" in reasons["state_capital"]
    assert "accepted spelling" in reasons["currency"]
    assert "matches none of the accepted answers" in reasons["independence_day"]
