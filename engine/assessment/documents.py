"""Documents the person carries, in the assessment: facts confirmed or contradicted.

A document issued by the presumed country confirms; one issued by another country
contradicts, each with the likelihood ratio of its tier (an original passport:
proof; a copy: presumption). The same document recorded twice (the same type and
number, say the original and a copy) counts once, at its strongest. A document whose
machine-readable zone fails a check digit counts for nothing until it is checked
again: the zone was mistyped, or the document altered. Where the zone disagrees with
the interview's answers (name, date of birth, nationality), that is an inconsistency
naming both sides.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Any

from engine.assessment.outcomes import CONFIRMED, CONTRADICTED, UNCONFIRMED
from engine.assessment.strength import DEFAULT_RATIOS
from engine.consistency import Contradiction
from engine.documents.recorded import RecordedDocument
from engine.i18n import _, country_name
from engine.model import EvidenceTier, Kind, Questionnaire, RequestSection

PREFIX = "document."
"""Documents are named 'document.<id>' among the assessment's results."""


@dataclass(frozen=True)
class DocumentOutcome:
    """What one distinct document says for or against the presumed nationality."""

    ident: str
    """'document.<id>'."""
    tier: str
    outcome: str
    reason: str
    log10_lr: float


def document_outcomes(questionnaire: Questionnaire,
                      documents: list[RecordedDocument]) -> list[DocumentOutcome]:
    """One outcome per distinct document, in the order they were recorded."""
    found = []
    for document in _distinct(documents):
        outcome, reason = _outcome(questionnaire.country, document)
        confirmed, contradicted = DEFAULT_RATIOS[document.tier]
        ratio = (confirmed if outcome == CONFIRMED
                 else contradicted if outcome == CONTRADICTED else 1.0)
        found.append(DocumentOutcome(PREFIX + document.document_id, str(document.tier),
                                     outcome, reason, math.log10(ratio)))
    return found


def _distinct(documents: list[RecordedDocument]) -> list[RecordedDocument]:
    """One per document (type and number), the strongest kept: proof before a copy."""
    best: dict[tuple[str, str], RecordedDocument] = {}
    for document in documents:
        key = (document.type, _plain(document.number).replace(" ", "") or document.document_id)
        kept = best.get(key)
        if kept is None or (document.tier is EvidenceTier.PROOF
                            and kept.tier is not EvidenceTier.PROOF):
            best[key] = document
    return list(best.values())


def _outcome(country: str, document: RecordedDocument) -> tuple[str, str]:
    problems = _zone_problems(document)
    what = document.describe()
    if problems:
        return UNCONFIRMED, _("{document}: its machine-readable zone does not hold ({problems}); "
                              "not counted until it is checked again").format(
            document=what, problems="; ".join(problems))
    if not document.issuing_country:
        return UNCONFIRMED, _("{document}: the issuing country is not known").format(
            document=what)
    tier = _(str(document.tier))
    if document.issuing_country == country:
        return CONFIRMED, _("{document}, seen by {officer}: issued by {country} ({tier})"
                            ).format(document=what, officer=document.seen_by or "—",
                                     country=country_name(country), tier=tier)
    return CONTRADICTED, _("{document}, seen by {officer}: issued by {other}, not by "
                           "{country} ({tier})").format(
        document=what, officer=document.seen_by or "—",
        other=country_name(document.issuing_country), country=country_name(country), tier=tier)


def _zone_problems(document: RecordedDocument) -> tuple[str, ...]:
    if not document.mrz:
        return ()
    from engine.documents.mrz import read_mrz

    return read_mrz("\n".join(document.mrz), today=document.day).problems


def mrz_contradictions(questionnaire: Questionnaire, answers: dict[str, Any],
                       documents: list[RecordedDocument]) -> list[Contradiction]:
    """Where a document's machine-readable zone disagrees with the interview's answers."""
    if not any(document.mrz for document in documents):
        return []
    from engine.documents.mrz import read_mrz

    found: list[Contradiction] = []
    for document in documents:
        if not document.mrz:
            continue
        zone = read_mrz("\n".join(document.mrz), today=document.day)
        if not zone.valid:
            continue  # its fields cannot be trusted: the failed check is reported instead
        ident = PREFIX + document.document_id
        nationality = zone.nationality_alpha2
        if nationality and nationality != questionnaire.country:
            found.append(Contradiction("document_mrz", (ident, "nationality"), _(
                "{document}: its machine-readable zone gives the nationality {given} "
                "({name}); the interview presumes {country}").format(
                document=document.describe(), given=zone.nationality,
                name=country_name(nationality), country=country_name(questionnaire.country))))
        found.extend(_name_and_birth(questionnaire, answers, document, zone, ident))
    return found


def _name_and_birth(questionnaire: Questionnaire, answers: dict[str, Any],
                    document: RecordedDocument, zone: Any,
                    ident: str) -> list[Contradiction]:
    found = []
    names = [p.id for p in questionnaire.parameters
             if p.request is RequestSection.NAME and p.kind is Kind.TEXT and p.id in answers]
    written = {token for p in names for token in _tokens(str(answers[p]))}
    in_zone = _tokens(f"{zone.surname} {zone.given_names}")
    latin = [p for p in names if _tokens(str(answers[p]))]
    compared = len(latin) == len(names)  # a name in another script cannot be compared
    if compared and latin and in_zone and not written & in_zone:
        found.append(Contradiction("document_mrz", (ident, latin[0]), _(
            "{document}: the name in its machine-readable zone is {zone}; the interview "
            "gives {answers}").format(
            document=document.describe(), zone=f"{zone.surname}, {zone.given_names}",
            answers=" / ".join(str(answers[p]) for p in latin))))
    found.extend(
        Contradiction("document_mrz", (ident, parameter.id), _(
            "{document}: the date of birth in its machine-readable zone is {zone}; the "
            "interview gives {answer}").format(
            document=document.describe(), zone=zone.birth_date, answer=answers[parameter.id]))
        for parameter in questionnaire.parameters
        if parameter.request is RequestSection.BIRTH and parameter.kind is Kind.DATE
        and parameter.id in answers and zone.birth_date
        and not _same_date(str(answers[parameter.id]), zone.birth_date))
    return found


def _tokens(text: str) -> set[str]:
    """The Latin-letter words of a name, without accents, in capitals (as in an MRZ)."""
    plain = _plain(text)
    return {word for word in plain.split() if len(word) > 1}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(char if ("A" <= char.upper() <= "Z" or char.isdigit()) else " "
                      for char in decomposed if not unicodedata.combining(char))
    return " ".join(letters.upper().split())


def _same_date(answer: str, zone: str) -> bool:
    """A partial answer ('1995-03') agrees with every date it allows."""
    return zone.startswith(answer) if len(answer) < len(zone) else answer == zone
