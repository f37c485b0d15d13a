"""What lint checks beyond structure: references, cycles, reachability, the rule."""

from __future__ import annotations

import yaml

from engine.loader import LoadResult, check_bytes
from tests.conftest import MINIMAL


def load_with(parameters: list[dict[str, object]], **top: object) -> LoadResult:
    document = yaml.safe_load(MINIMAL)
    document["parameters"].extend(parameters)
    document.update(top)
    return check_bytes(yaml.safe_dump(document, allow_unicode=True).encode(), "q.yaml",
                       use_cache=False)


def text_parameter(ident: str, **extra: object) -> dict[str, object]:
    return {"id": ident, "kind": "text", "prompt": {"en": ident, "hi": ident},
            "evidence": "presumption", "verify": "consulate", **extra}


def codes(result: LoadResult) -> list[str]:
    return [d.code for d in result.errors]


def test_a_cycle_is_named_once_with_its_members() -> None:
    result = load_with([
        text_parameter("a", when={"answer": "b", "answered": True}),
        text_parameter("b", when={"answer": "a", "answered": True}),
    ])
    assert codes(result) == ["NATID-E023"]
    assert "conditions form a cycle: a → b → a" in result.errors[0].message


def test_a_forward_reference_without_a_cycle() -> None:
    result = load_with([
        text_parameter("a", when={"answer": "b", "answered": True}),
        text_parameter("b"),
    ])
    assert codes(result) == ["NATID-E022"]
    assert "uses the answer to 'b', which is asked after it" in result.errors[0].message


def test_self_reference() -> None:
    result = load_with([text_parameter("a", when={"answer": "a", "answered": False})])
    assert codes(result) == ["NATID-E022"]
    assert "uses the answer to itself" in result.errors[0].message


def test_contradictory_conditions_make_a_parameter_unreachable() -> None:
    result = load_with([
        text_parameter("a", when={"all": [{"answer": "state", "equals": "PB"},
                                          {"not": {"answer": "state", "in": ["PB", "DL"]}}]}),
        text_parameter("b", when={"answer": "a", "answered": True}),
    ])
    # 'b' depends only on 'a', which is never asked: both are reported.
    assert codes(result) == ["NATID-E024", "NATID-E024"]


def test_number_and_date_ranges_are_searched() -> None:
    number = {"id": "age", "kind": "number", "prompt": {"en": "Age", "hi": "आयु"},
              "evidence": "presumption", "verify": "consulate"}
    dob = {"id": "dob", "kind": "date", "prompt": {"en": "Born", "hi": "जन्म"},
           "evidence": "presumption", "verify": "consulate"}
    reachable = load_with([number, dob,
                           text_parameter("minor", when={"all": [{"answer": "age", "lt": 18},
                                                                 {"answer": "age", "gt": 17}]}),
                           text_parameter("old", when={"answer": "dob", "lt": "1950-01-01"})])
    assert reachable.ok, [d.format() for d in reachable.errors]
    unreachable = load_with([number, text_parameter(
        "never", when={"all": [{"answer": "age", "lt": 18}, {"answer": "age", "gt": 18}]})])
    assert codes(unreachable) == ["NATID-E024"]


def test_multi_choice_conditions_mean_chosen() -> None:
    docs = {"id": "docs", "kind": "multi_choice", "prompt": {"en": "Docs", "hi": "दस्तावेज़"},
            "evidence": "presumption", "verify": "officer",
            "choices": [{"value": "passport", "label": {"en": "Passport", "hi": "पासपोर्ट"}},
                        {"value": "aadhaar", "label": {"en": "Aadhaar", "hi": "आधार"}}]}
    result = load_with([docs, text_parameter(
        "both", when={"all": [{"answer": "docs", "equals": "passport"},
                              {"answer": "docs", "equals": "aadhaar"}]})])
    assert result.ok, [d.format() for d in result.errors]


def test_values_compared_must_fit_the_parameter() -> None:
    result = load_with([text_parameter("a", when={"answer": "state", "equals": "Punjab"})])
    assert codes(result) == ["NATID-E029"]
    assert "its choices are 'PB' or 'DL'" in result.errors[0].message
    result = load_with([text_parameter("a", when={"answer": "capital", "lt": 3})])
    assert codes(result) == ["NATID-E032"]


def test_the_rule_must_be_reachable() -> None:
    result = load_with([], rule={"confirmations_required": 3})
    assert codes(result) == ["NATID-E025"]
    assert "needs 3 confirmations, but only 2 parameters" in result.errors[0].message


def test_answer_keys_fit_the_verification_mode() -> None:
    result = load_with([text_parameter("a", verify="auto")])
    assert codes(result) == ["NATID-E031"]
    result = load_with([text_parameter("a", answer_key={"accept": ["x"]})])
    assert codes(result) == ["NATID-E031"]


def test_answer_key_cases_cover_every_choice() -> None:
    document = yaml.safe_load(MINIMAL)
    del document["parameters"][1]["answer_key"]["cases"]["DL"]
    result = check_bytes(yaml.safe_dump(document, allow_unicode=True).encode(), "q.yaml",
                         use_cache=False)
    assert codes(result) == ["NATID-E040"]
    assert "no accepted answers for 'DL'" in result.errors[0].message


def test_unknown_country_and_language_codes() -> None:
    result = load_with([], country="XX")
    assert codes(result) == ["NATID-E033"]
    result = load_with([], country="NO")  # Norway: a real country, and not a boolean
    assert codes(result) == []


def test_stale_consulate_details_are_a_warning() -> None:
    consulate = {"id": "mx", "name": "Embassy", "kind": "embassy", "city": "Mexico City",
                 "country": "MX", "serves": ["MX"], "procedures": ["nationality_verification"],
                 "contact": {}, "preferred_language": "en", "last_verified": "2019-01-01"}
    result = load_with([], consulates=[consulate])
    assert result.ok
    assert [d.code for d in result.warnings] == ["NATID-W102"]


def test_answer_key_cases_are_needed_only_where_the_question_is_asked() -> None:
    document = yaml.safe_load(MINIMAL)
    capital = document["parameters"][1]
    capital["when"] = {"not": {"answer": "state", "equals": "DL"}}
    del capital["answer_key"]["cases"]["DL"]
    result = check_bytes(yaml.safe_dump(document, allow_unicode=True).encode(), "q.yaml",
                         use_cache=False)
    assert result.ok, [d.format() for d in result.errors]


def test_a_range_must_be_finite_numbers() -> None:
    age = {"id": "age", "kind": "number", "prompt": {"en": "Age", "hi": "आयु"},
           "evidence": "presumption", "verify": "consulate", "range": {"min": 0, "max": 1}}
    document = yaml.safe_load(MINIMAL)
    document["parameters"].append(age)
    text = yaml.safe_dump(document, allow_unicode=True).replace("max: 1", "max: .nan")
    result = check_bytes(text.encode(), "q.yaml", use_cache=False)
    assert codes(result) == ["NATID-E014"]
    assert "must be finite" in result.errors[0].message


def test_a_yes_no_parameter_can_be_checked_automatically() -> None:
    question = {"id": "monsoon", "kind": "yes_no", "prompt": {"en": "Monsoon?", "hi": "मानसून?"},
                "evidence": "knowledge", "domain": "geography", "verify": "auto",
                "answer_key": {"accept": [True]}}
    result = load_with([question])
    assert result.ok, [d.format() for d in result.errors]
