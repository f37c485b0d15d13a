"""Consistency checks between answers: contradictions that name both parameters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from engine.i18n import _
from engine.matching import as_number
from engine.model import AgeMatchesCheck, PrefixCheck, Questionnaire, WithinCheck
from engine.texts import pick


@dataclass(frozen=True)
class Contradiction:
    """Two answers that cannot both be right."""

    check: str
    """The id of the consistency check."""
    parameters: tuple[str, str]
    message: str


def find_contradictions(questionnaire: Questionnaire, answers: dict[str, Any],
                        on: datetime.date, language: str = "en") -> list[Contradiction]:
    """Every consistency check the answers break (checks with an answer missing pass)."""
    found: list[Contradiction] = []
    for check in questionnaire.checks:
        if isinstance(check, WithinCheck):
            problem = _within(questionnaire, check, answers)
            pair = (check.parameter, check.within)
        elif isinstance(check, AgeMatchesCheck):
            problem = _age(check, answers, on)
            pair = (check.date_of_birth, check.age)
        else:
            problem = _prefix(check, answers)
            pair = (check.parameter, check.depends_on)
        if problem:
            custom = pick(check.message, language, questionnaire)
            found.append(Contradiction(check.id, pair, f"{custom} ({problem})" if custom
                                       else problem))
    return found


def _within(questionnaire: Questionnaire, check: WithinCheck, answers: dict[str, Any]) -> str:
    inner, outer = answers.get(check.parameter), answers.get(check.within)
    if inner is None or outer is None:
        return ""
    holders = {choice.value: choice.within
               for choice in questionnaire.choices_of(questionnaire.parameter(check.parameter))}
    inner_values = inner if isinstance(inner, list) else [inner]
    outer_values = outer if isinstance(outer, list) else [outer]
    wrong = [value for value in inner_values if holders.get(value) not in outer_values]
    if not wrong:
        return ""
    return _("{inner} '{value}' is not within {outer} '{outer_value}'").format(
        inner=check.parameter, value=wrong[0], outer=check.within,
        outer_value=", ".join(map(str, outer_values)))


def _age(check: AgeMatchesCheck, answers: dict[str, Any], on: datetime.date) -> str:
    born, age = answers.get(check.date_of_birth), as_number(answers.get(check.age))
    if not isinstance(born, str) or age is None:
        return ""
    earliest, latest = _birth_span(born)
    youngest, oldest = _years(latest, on), _years(earliest, on)
    if youngest - check.tolerance_years <= age <= oldest + check.tolerance_years:
        return ""
    years = f"{youngest}" if youngest == oldest else _("{low} or {high}").format(
        low=youngest, high=oldest)
    return _("{date_of_birth} {born} makes the person {years} on {day}, but {age} is "
             "{value:g}").format(date_of_birth=check.date_of_birth, born=born, years=years,
                                 day=on.isoformat(), age=check.age, value=age)


def _birth_span(born: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a full or partial date (YYYY, YYYY-MM) can mean."""
    parts = [int(part) for part in born.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)


def _years(birth: datetime.date, on: datetime.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _prefix(check: PrefixCheck, answers: dict[str, Any]) -> str:
    value, selector = answers.get(check.parameter), answers.get(check.depends_on)
    if value is None or selector is None:
        return ""
    prefixes = check.prefixes.get(str(selector))
    if not prefixes:
        return ""
    text = str(value).strip()
    if any(text.startswith(prefix) for prefix in prefixes):
        return ""
    return _("{parameter} '{value}' does not start with {prefixes}, as {selector} '{choice}' "
             "needs").format(parameter=check.parameter, value=text,
                             prefixes=_(" or ").join(prefixes), selector=check.depends_on,
                             choice=selector)
