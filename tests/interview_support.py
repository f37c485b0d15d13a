"""Shared helpers for the interview, matching, assessment and score tests.

A clock that the tests control, the bundled questionnaires, small questionnaires
built from a few parameters, and a fully answered India interview.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import cache
from typing import Any

import yaml

import engine
from engine import Interview, Questionnaire
from engine.loader import check_bytes

UTC = datetime.UTC
START = datetime.datetime(2025, 3, 15, 9, 30, tzinfo=UTC)
"""The moment every test interview starts (a Saturday in March 2025, UTC)."""


class FakeClock:
    """A clock for ``clock=``: returns ``now`` and moves on by ``step`` at each call."""

    def __init__(self, start: datetime.datetime = START,
                 step: datetime.timedelta = datetime.timedelta(seconds=7)) -> None:
        self.now = start
        self.step = step
        self.calls = 0

    def __call__(self) -> datetime.datetime:
        moment = self.now
        self.now += self.step
        self.calls += 1
        return moment


@cache
def india() -> Questionnaire:
    """The bundled India questionnaire (20 parameters, rule of 5)."""
    return engine.load_questionnaire(engine.find_questionnaire("IN"))


@cache
def haiti() -> Questionnaire:
    """The bundled Haiti questionnaire (16 parameters, rule of 4)."""
    return engine.load_questionnaire(engine.find_questionnaire("HT"))


def start(questionnaire: Questionnaire, *, interviewee: str = "hi", officer_language: str = "es",
          officer: str = "A. López", clock: FakeClock | None = None,
          content_hash: str = "") -> Interview:
    """A new interview with a controlled clock."""
    return Interview.start(questionnaire, interviewee_language=interviewee,
                           officer_language=officer_language, officer=officer,
                           clock=clock or FakeClock(), content_hash=content_hash)


INDIA_ANSWERS: dict[str, Any] = {
    "full_name": "Gurpreet Singh Sandhu",
    "other_names": "Gopi",
    "father_name": "Harjit Singh Sandhu",
    "mother_name": "Manjit Kaur",
    "date_of_birth": "1995-06-10",
    "age": 29,
    "place_of_birth": "Nakodar",
    "state": "PB",
    "district": "jalandhar",
    "tehsil": "Nakodar",
    "police_station": "Nakodar Sadar",
    "village_or_town": "Nakodar",
    "pin_code": "144040",
    "documents_held": ["aadhaar", "passport"],
    "passport_number": "P1234567",
    "currency": "rupaya",
    "state_capital": "Chandigarh",
    "independence_day": "15 August",
    "national_anthem": "Jana Gana Mana",
    "languages_spoken": ["punjabi", "hindi"],
}
"""Answers to all 20 India questions, consistent with one another (on START)."""

HAITI_ANSWERS: dict[str, Any] = {
    "nom": "Joseph",
    "prenoms": "Marie Carmelle",
    "nom_pere": "Jean Joseph",
    "nom_mere": "Rose Pierre",
    "date_naissance": "1990-04-12",
    "departement_naissance": "AR",
    "commune_naissance": "Saint-Marc",
    "section_communale": "Délugé",
    "pieces_identite": ["CINU", "ACTE_NAISSANCE"],
    "numero_cin": "003-456-789-0",
    "langues": ["ht", "fr"],
    "capitale": "Port-au-Prince",
    "monnaie": "gourde",
    "independance": "1804-01-01",
    "chef_lieu": "Gonaïves",
}
"""Answers to every Haiti question asked for someone born in the Artibonite."""


def answer_all(interview: Interview, answers: dict[str, Any]) -> list[str]:
    """Answer each question as it comes; return the ids in the order they were put."""
    asked: list[str] = []
    while (question := interview.current()) is not None:
        asked.append(question.id)
        interview.answer(question.id, answers[question.id])
    return asked


def full_india(clock: FakeClock | None = None) -> Interview:
    """An India interview with every question answered and the officer's findings made."""
    interview = start(india(), interviewee="pa", officer_language="es", clock=clock)
    answer_all(interview, INDIA_ANSWERS)
    interview.verify("documents_held", "confirmed", "Aadhaar card seen, photo matches")
    interview.verify("languages_spoken", "confirmed", "the interpreter confirms Doabi Punjabi")
    return interview


# Small questionnaires built in the tests ------------------------------------------------

def parameter(ident: str, kind: str = "text", *, evidence: str = "knowledge",
              verify: str = "auto", languages: Iterable[str] = ("en", "hi"),
              **extra: Any) -> dict[str, Any]:
    """One parameter as YAML data; knowledge parameters get the 'geography' domain."""
    data: dict[str, Any] = {
        "id": ident, "kind": kind,
        "prompt": {code: f"{ident} ({code})?" for code in languages},
        "evidence": evidence, "verify": verify,
    }
    if evidence == "knowledge":
        data["domain"] = "geography"
    data.update(extra)
    return data


def choices(*values: str, languages: Iterable[str] = ("en", "hi")) -> list[dict[str, Any]]:
    """Choices labelled '<value> (<language>)' in each language."""
    return [{"value": value, "label": {code: f"{value} ({code})" for code in languages}}
            for value in values]


def build(parameters: list[dict[str, Any]], *, rule: int = 1,
          checks: list[dict[str, Any]] | None = None, country: str = "IN",
          source: str = "en", languages: Iterable[str] = ("en", "hi"),
          **top: Any) -> Questionnaire:
    """A questionnaire from parameters, checked by natid's own loader."""
    codes = list(languages)
    document: dict[str, Any] = {
        "format_version": 1, "country": country,
        "title": {code: f"Test ({code})" for code in codes},
        "version": "1", "issued_by": "Test authority", "source_language": source,
        "languages": {code: {"status": "source" if code == source else "machine"}
                      for code in codes},
        "rule": {"confirmations_required": rule},
        "parameters": parameters,
    }
    if checks:
        document["checks"] = checks
    document.update(top)
    data = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode()
    result = check_bytes(data, "test.yaml", use_cache=False)
    assert result.ok, [d.format() for d in result.errors]
    return result.unwrap()
