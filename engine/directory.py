"""The consulate directory: which representation serves an interviewing country.

Built from the consulates the questionnaires list. For an interview held in one RCM
country, the representation that serves it and performs the procedure needed comes
first; among those, one located in that country, then embassies and high
commissions before consulates general, consulates and honorary consulates, then the
most recently verified details.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.model import Consulate, Procedure, Questionnaire

_RANK = {"embassy": 0, "high_commission": 0, "consulate_general": 1, "consulate": 2,
         "honorary_consulate": 3}


@dataclass(frozen=True)
class Representation:
    """A consulate entry and the country of origin whose questionnaire lists it."""

    origin: str
    consulate: Consulate


def directory(questionnaires: Iterable[Questionnaire]) -> list[Representation]:
    """Every representation of every questionnaire, by origin then as listed."""
    return [Representation(q.country, consulate)
            for q in sorted(questionnaires, key=lambda q: q.country)
            for consulate in q.consulates]


def serving(questionnaires: Iterable[Questionnaire], interviewing: str, *,
            origin: str | None = None,
            procedure: Procedure | None = None) -> list[Representation]:
    """The representations serving ``interviewing`` (an RCM country code), best first."""
    chosen = [
        entry for entry in directory(questionnaires)
        if interviewing in entry.consulate.serves
        and (origin is None or entry.origin == origin)
        and (procedure is None or procedure in entry.consulate.procedures)
    ]
    return sorted(chosen, key=lambda entry: (
        entry.origin,
        entry.consulate.country != interviewing,
        _RANK.get(entry.consulate.kind, 9),
        -entry.consulate.last_verified.toordinal(),
        entry.consulate.id,
    ))
