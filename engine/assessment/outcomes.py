"""The outcome of each parameter: confirmed, contradicted, unconfirmed, declined, not asked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.i18n import _, ngettext
from engine.interview.state import InterviewState
from engine.matching import as_date, as_number, match_text
from engine.model import AcceptedAnswer, Kind, Parameter, Questionnaire, Verification

CONFIRMED = "confirmed"
CONTRADICTED = "contradicted"
UNCONFIRMED = "unconfirmed"
DECLINED = "declined"
NOT_ASKED = "not asked"


@dataclass(frozen=True)
class Outcome:
    """A parameter's outcome and why."""

    outcome: str
    reason: str


def outcome_of(questionnaire: Questionnaire, parameter: Parameter, state: InterviewState,
               answers: dict[str, Any], asked: bool) -> Outcome:
    """Decide one parameter's outcome from the interview's state."""
    current = state.parameters.get(parameter.id)
    if not asked:
        return Outcome(NOT_ASKED, _("not asked, given the other answers"))
    if current is None or (not current.answered and not current.declined):
        return Outcome(NOT_ASKED, _("no answer yet"))
    if current.declined:
        if current.declined == "dont_know":
            return Outcome(DECLINED, _("the person does not know: neutral, never counted "
                                       "against them"))
        return Outcome(DECLINED, _("the person declined to answer: neutral, never counted "
                                   "against them"))
    if current.verification is not None and parameter.verify is not Verification.CONSULATE:
        finding = current.verification
        return Outcome(finding.outcome, _("{outcome} by {officer}: {reason}").format(
            outcome=_(finding.outcome), officer=finding.officer, reason=finding.reason))
    if current.consular is not None and parameter.verify is Verification.CONSULATE:
        finding = current.consular
        return Outcome(finding.outcome, _("{outcome} by {officer}: {reason}").format(
            outcome=_(finding.outcome), officer=finding.officer, reason=finding.reason))
    if parameter.verify is Verification.AUTO:
        return _auto(questionnaire, parameter, current.value, answers)
    if parameter.verify is Verification.OFFICER:
        return Outcome(UNCONFIRMED, _("answered; the officer has not verified it yet"))
    return Outcome(UNCONFIRMED, _("answered; for the consulate to verify against its records"))


def accepted_answers(questionnaire: Questionnaire, parameter: Parameter,
                     answers: dict[str, Any]) -> list[Any] | None:
    """The accepted answers that apply, or None when the key depends on a missing answer."""
    key = parameter.answer_key
    if key is None:
        return []
    if key.accept is not None:
        return list(key.accept)
    selector = answers.get(key.depends_on or "")
    if selector is None:
        return None
    case = ("true" if selector else "false") if isinstance(selector, bool) else str(selector)
    return list((key.cases or {}).get(case, []))


def _auto(questionnaire: Questionnaire, parameter: Parameter, value: Any,
          answers: dict[str, Any]) -> Outcome:
    key = parameter.answer_key
    accepted = accepted_answers(questionnaire, parameter, answers)
    if key is None or accepted is None:
        needed = key.depends_on if key is not None else "an answer key"
        return Outcome(UNCONFIRMED, _("cannot be checked without the answer to '{id}'")
                       .format(id=needed))
    if not accepted:
        return Outcome(UNCONFIRMED, _("no accepted answer is known for this case"))
    values = [item.value if isinstance(item, AcceptedAnswer) else item for item in accepted]
    kind = parameter.kind
    if kind is Kind.NUMBER:
        given = as_number(value)
        hit = given is not None and any(
            (n := as_number(v)) is not None and abs(n - given) <= key.tolerance for v in values)
        return _verdict(hit, value, values)
    if kind is Kind.DATE:
        return _verdict(any(_date_fits(str(value), str(v)) for v in values), value, values)
    if kind in (Kind.CHOICE, Kind.YES_NO):
        return _verdict(value in values, value, values)
    if kind is Kind.MULTI_CHOICE:
        return _verdict(set(value) == set(values), value, values)
    return _text_outcome(str(value), accepted, key.max_typos)


def _text_outcome(value: str, accepted: list[Any], max_typos: int) -> Outcome:
    """A text answer against accepted answers, their variants and a few spelling mistakes."""
    pairs: list[tuple[str, str]] = []
    base: dict[str, str] = {}
    for item in accepted:
        if isinstance(item, AcceptedAnswer):
            pairs.append((str(item.value), "exact"))
            for variants in item.variants.values():
                for variant in variants:
                    pairs.append((variant, "variant"))
                    base.setdefault(variant, str(item.value))
        else:
            pairs.append((str(item), "exact"))
    match = match_text(value, pairs, max_typos)
    if match is None:
        return Outcome(CONTRADICTED, _("'{value}' matches none of the accepted answers")
                       .format(value=value))
    if match.how == "variant":
        return Outcome(CONFIRMED, _("'{value}' matches '{spelling}', an accepted spelling of "
                                    "'{answer}'").format(
            value=value, spelling=match.accepted,
            answer=base.get(match.accepted, match.accepted)))
    if match.how == "exact":
        return Outcome(CONFIRMED, _("'{value}' matches '{answer}'").format(
            value=value, answer=match.accepted))
    return Outcome(CONFIRMED, ngettext(
        "'{value}' is within {count} spelling mistake of '{answer}'",
        "'{value}' is within {count} spelling mistakes of '{answer}'", match.distance).format(
            value=value, count=match.distance, answer=match.accepted))


def _date_fits(given: str, accepted: str) -> bool:
    """A date, or the year (YYYY) or month (YYYY-MM) the person knows, fits the key."""
    if as_date(given) is not None:
        return as_date(given) == as_date(accepted)
    return len(given) in (4, 7) and accepted.startswith(given)


def _verdict(hit: bool, value: Any, values: list[Any]) -> Outcome:
    if hit:
        return Outcome(CONFIRMED, _("{value!r} is an accepted answer").format(value=value))
    return Outcome(CONTRADICTED, _("{value!r} is not an accepted answer").format(value=value))
