"""Assessing and rebuilding interviews: microseconds, not milliseconds (DESIGN §9).

Prints figures and ratios; asserts nothing about time (the machine decides that).

1. ``assess`` of a fully answered India interview (20 parameters) and of a fully
   answered interview on a generated 1000-parameter questionnaire (every kind,
   tier and way of verifying, conditions and consistency checks), in µs per call,
   and their ratio.
2. Rebuilding an interview from 10,000 events (``Interview.resume``, and
   ``Interview.from_json`` of its record) in ms and events per second, against
   ``json.loads`` of the same record.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NATID_CACHE_DIR", tempfile.mkdtemp(prefix="natid-bench-"))

from engine import Interview, InterviewError, Questionnaire  # noqa: E402
from engine.loader import check_bytes  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402
from tests.interview_support import INDIA_ANSWERS, answer_all, india  # noqa: E402

START = datetime.datetime(2025, 3, 15, 9, 0, tzinfo=datetime.UTC)
KINDS = ("text", "choice", "multi_choice", "yes_no", "date", "number")
TIERS = ("presumption", "knowledge", "knowledge", "language", "proof", "presumption")
VERIFY = ("auto", "officer", "consulate", "auto")
DOMAINS = ("geography", "history", "civics", "daily_life", "religion", "sport", "food")
COLOURS = ("saffron", "white", "green", "blue", "red", "black")


class Clock:
    """A clock that moves on by one second at each call (the dates stay in the past)."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime.datetime:
        self.now += datetime.timedelta(seconds=1)
        return self.now


def per_call_us(action: Callable[[], object], calls: int, repeat: int) -> float:
    """The median over ``repeat`` runs of the time per call, in µs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(calls):
            action()
        times.append((time.perf_counter() - started) / calls)
    return 1e6 * statistics.median(times)


# A generated questionnaire --------------------------------------------------------------


def _texts(words: str) -> dict[str, str]:
    return {"en": words, "hi": f"{words} (हिन्दी)"}


def _answer_key(kind: str, index: int, selector: str | None) -> dict[str, Any]:
    right: Any = {"text": f"answer number {index}", "choice": COLOURS[index % 6],
                  "multi_choice": [COLOURS[index % 6], COLOURS[(index + 1) % 6]],
                  "yes_no": index % 2 == 0, "date": "1947-08-15", "number": index}[kind]
    if kind == "text" and selector is not None:
        return {"depends_on": selector,
                "cases": {colour: [f"{colour} answer {index}"] for colour in COLOURS}}
    if kind == "multi_choice":
        return {"accept": right}
    key: dict[str, Any] = {"accept": [right]}
    if kind == "number":
        key["tolerance"] = 1
    return key


def generated_yaml(size: int) -> bytes:
    """A valid questionnaire of ``size`` parameters (every kind, tier and way of verifying)."""
    parameters: list[dict[str, Any]] = []
    last_choice: str | None = None
    last_yes_no: str | None = None
    for index in range(size):
        kind = KINDS[index % len(KINDS)]
        tier = TIERS[(index // len(KINDS)) % len(TIERS)]
        verify = VERIFY[(index // 3) % len(VERIFY)]
        ident = f"p{index:04d}_{kind}"
        parameter: dict[str, Any] = {"id": ident, "kind": kind,
                                     "prompt": _texts(f"Question {index}?"),
                                     "evidence": tier, "verify": verify}
        if tier == "knowledge":
            parameter["domain"] = DOMAINS[index % len(DOMAINS)]
        if kind in ("choice", "multi_choice"):
            parameter["choices"] = "colours"
        if kind == "number":
            parameter["range"] = {"min": 0, "max": 10_000}
        if verify == "auto":
            parameter["answer_key"] = _answer_key(kind, index, last_choice)
        if index % 10 == 7 and last_choice is not None:
            parameter["when"] = {"answer": last_choice, "in": list(COLOURS[:4])}
        elif index % 10 == 9 and last_yes_no is not None:
            parameter["when"] = {"any": [{"answer": last_yes_no, "equals": True},
                                         {"answer": last_yes_no, "answered": False}]}
        if index % 97 == 13:
            parameter["likelihood_ratio"] = {"confirmed": 20, "contradicted": 0.2}
        parameters.append(parameter)
        if kind == "choice" and "when" not in parameter:
            last_choice = ident
        if kind == "yes_no" and "when" not in parameter:
            last_yes_no = ident
    dates = [p["id"] for p in parameters if p["kind"] == "date" and "when" not in p]
    numbers = [p["id"] for p in parameters if p["kind"] == "number" and "when" not in p]
    pairs = list(zip(dates, numbers, strict=False))[:20]
    checks = [{"type": "age_matches", "id": f"age_{n}", "date_of_birth": born, "age": age,
               "tolerance_years": 2} for n, (born, age) in enumerate(pairs)]
    document = {
        "format_version": 1, "country": "IN", "title": _texts("Generated"), "version": "1",
        "issued_by": "Benchmark", "source_language": "en",
        "languages": {"en": {"status": "source"}, "hi": {"status": "machine"}},
        "rule": {"confirmations_required": size // 10},
        "choice_lists": {"colours": [{"value": c, "label": _texts(c.title())}
                                     for c in COLOURS]},
        "parameters": parameters,
        "checks": checks,
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode()


def load_generated(size: int) -> Questionnaire:
    """The generated questionnaire, checked by natid's loader."""
    result = check_bytes(generated_yaml(size), f"generated-{size}.yaml", use_cache=False)
    if not result.ok:
        raise SystemExit("the generated questionnaire does not load:\n"
                         + "\n".join(d.format() for d in result.errors[:10]))
    return result.unwrap()


def plausible_answer(questionnaire: Questionnaire, ident: str, index: int) -> Any:
    """An answer of the right kind: right for two questions in three, wrong otherwise."""
    parameter = questionnaire.parameter(ident)
    right = index % 3 != 2
    kind = str(parameter.kind)
    if kind == "text":
        return f"answer number {index}" if right else f"something else {index}"
    if kind == "choice":
        return COLOURS[index % 6] if right else COLOURS[(index + 3) % 6]
    if kind == "multi_choice":
        return [COLOURS[index % 6], COLOURS[(index + 1) % 6]] if right else [COLOURS[0]]
    if kind == "yes_no":
        return (index % 2 == 0) is right
    if kind == "date":
        return "1947-08-15" if right else "1990-05"
    return index if right else index + 50


def fully_answered(questionnaire: Questionnaire) -> Interview:
    """Every question asked is answered; officer questions get a finding."""
    interview = Interview.start(questionnaire, interviewee_language="hi",
                                officer_language="es", officer="A. López", clock=Clock())
    for index, parameter in enumerate(questionnaire.parameters):
        try:
            interview.answer(parameter.id, plausible_answer(questionnaire, parameter.id, index))
        except InterviewError:
            continue  # not asked, given the answers so far
        if str(parameter.verify) == "officer":
            outcome = "confirmed" if index % 4 else "contradicted"
            interview.verify(parameter.id, outcome, "document seen")
    return interview


# 10,000 events ------------------------------------------------------------------------


STATES = ("PB", "HR", "GJ")
CAPITALS = {"PB": "Chandigarh", "HR": "Chandigarh", "GJ": "Gandhinagar"}
DISTRICTS = {"PB": "jalandhar", "HR": "karnal", "GJ": "surat"}


def one_round(interview: Interview, step: int) -> list[Callable[[], object]]:
    """Eleven actions an officer might take while reviewing an interview."""
    state = STATES[step % 3]
    return [
        lambda: interview.answer("state", state),
        lambda: interview.answer("district", DISTRICTS[state]),
        lambda: interview.answer("state_capital", CAPITALS[state]),
        lambda: interview.answer("age", 29 + step % 2, officer="B. Ruiz"),
        lambda: interview.answer("documents_held", ["aadhaar", "passport"][: 1 + step % 2]),
        lambda: interview.verify("documents_held", "confirmed", "card seen"),
        lambda: interview.note(f"note {step}", "state"),
        lambda: interview.go_to("currency"),
        lambda: interview.answer("currency", ("rupee", "rupaya")[step % 2]),
        lambda: interview.decline("other_names", "dont_know"),
        lambda: interview.answer("other_names", f"Gopi {step}"),
    ]


def many_events(count: int) -> Interview:
    """An India interview of ``count`` events: answers, changes, findings, notes, moves."""
    interview = Interview.start(india(), interviewee_language="pa", officer_language="es",
                                officer="A. López", clock=Clock())
    answer_all(interview, INDIA_ANSWERS)
    step = 0
    while len(interview.events) < count:
        for action in one_round(interview, step):
            if len(interview.events) >= count:
                break
            action()
        step += 1
    return interview


# Running ------------------------------------------------------------------------------


def composition(questionnaire: Questionnaire) -> str:
    """What the generated questionnaire holds, in one line."""
    groups: list[str] = []
    for label, attribute in (("kinds", "kind"), ("tiers", "evidence"), ("verify", "verify")):
        counts: dict[str, int] = {}
        for parameter in questionnaire.parameters:
            name = str(getattr(parameter, attribute))
            counts[name] = counts.get(name, 0) + 1
        groups.append(f"{label}: " + ", ".join(f"{n} {c}" for n, c in sorted(counts.items())))
    conditions = sum(parameter.when is not None for parameter in questionnaire.parameters)
    groups.append(f"{conditions} conditions, {len(questionnaire.checks)} checks")
    return "; ".join(groups)


def assessing(quick: bool) -> tuple[float, float]:
    small = Interview.start(india(), interviewee_language="pa", officer_language="es",
                            officer="A. López", clock=Clock())
    answer_all(small, INDIA_ANSWERS)
    small.verify("documents_held", "confirmed", "Aadhaar card seen")
    small.verify("languages_spoken", "confirmed", "the interpreter confirms")
    started = time.perf_counter()
    questionnaire = load_generated(1000)
    load_ms = 1000 * (time.perf_counter() - started)
    large = fully_answered(questionnaire)
    done, asked = large.progress()
    large.assess()  # warm
    small.assess()
    repeat = 3 if quick else 7
    india_us = per_call_us(small.assess, 100 if quick else 2000, repeat)
    large_us = per_call_us(large.assess, 3 if quick else 50, repeat)
    ratio = large_us / india_us
    print("assess of a fully answered interview (µs per call)")
    print(f"  assess(20), India, 20 parameters         {india_us:10.1f} µs")
    print(f"  assess(1000), generated, 1000 parameters {large_us:10.1f} µs   "
          f"({done} of {asked} asked answered; loaded in {load_ms:.0f} ms)")
    print(f"    {composition(questionnaire)}")
    print(f"  ratio assess(1000) / assess(20)          {ratio:10.2f}   "
          f"(parameters: {1000 / 20:.0f}x)")
    print(f"  per parameter: 20 -> {india_us / 20:.2f} µs, 1000 -> {large_us / 1000:.2f} µs   "
          "(goal: microseconds, not milliseconds)")
    return india_us, large_us


def rebuilding(quick: bool, india_us: float) -> None:
    count = 10_000
    interview = many_events(count)
    events = interview.events
    record = interview.to_json()
    assert Interview.resume(india(), events).assess() == interview.assess()
    repeat = 3 if quick else 10
    resume = median_ms(lambda: Interview.resume(india(), events), repeat)
    from_json = median_ms(lambda: Interview.from_json(record, india()), repeat)
    loads = median_ms(lambda: json.loads(record), repeat)
    print(f"rebuilding an interview from {count:,} events")
    print(f"  Interview.resume                         {resume:10.2f} ms   "
          f"{count / resume * 1000:12,.0f} events/s")
    print(f"  Interview.from_json ({len(record) / 1e6:.1f} MB record)     {from_json:10.2f} ms   "
          f"{count / from_json * 1000:12,.0f} events/s")
    print(f"  json.loads of the same record            {loads:10.2f} ms")
    print(f"  ratio resume / json.loads                {resume / loads:10.2f}")
    print(f"  ratio from_json / json.loads             {from_json / loads:10.2f}")
    print(f"  ratio resume(10,000 events) / assess(20) {resume * 1000 / india_us:10.0f}")


def main() -> None:
    """Run the assessment benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    options = parser.parse_args()
    india_us, _large_us = assessing(options.quick)
    rebuilding(options.quick, india_us)


if __name__ == "__main__":
    main()
