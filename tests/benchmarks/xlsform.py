"""Build the XLSForm equivalent of a natid questionnaire, for comparing with pyxform.

Same questions, kinds, choices, labels in every language, required flags and
relevance conditions: what an ODK author would write to ask the same interview.
"""

from __future__ import annotations

import io
from typing import Any

from engine.model import Kind, Questionnaire
from engine.model.conditions import (
    AllOf,
    AnswerEquals,
    AnswerGiven,
    AnswerGreaterThan,
    AnswerIn,
    AnswerLessThan,
    AnyOf,
    Condition,
    Not,
)

_TYPES = {
    Kind.TEXT: "text", Kind.DATE: "date", Kind.NUMBER: "decimal", Kind.YES_NO: "select_one yn",
}


def xlsform_bytes(questionnaire: Questionnaire) -> bytes:
    """An .xlsx workbook (survey, choices, settings) asking what ``questionnaire`` asks."""
    from openpyxl import Workbook

    languages = list(questionnaire.languages)
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", *(f"label::{code} ({code})" for code in languages),
                   *(f"hint::{code} ({code})" for code in languages), "required", "relevant"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", *(f"label::{code} ({code})" for code in languages)])
    choices.append(["yn", "yes", *(["yes"] * len(languages))])
    choices.append(["yn", "no", *(["no"] * len(languages))])
    written: set[str] = set()
    for parameter in questionnaire.parameters:
        kind = _TYPES.get(parameter.kind)
        if kind is None:
            list_name = (parameter.choices if isinstance(parameter.choices, str)
                         else f"{parameter.id}_choices")
            prefix = "select_one" if parameter.kind is Kind.CHOICE else "select_multiple"
            kind = f"{prefix} {list_name}"
            if list_name not in written:
                written.add(list_name)
                for choice in questionnaire.choices_of(parameter):
                    choices.append([list_name, choice.value,
                                    *(choice.label.get(code, "") for code in languages)])
        help_text = parameter.help or {}
        survey.append([
            kind, parameter.id, *(parameter.prompt.get(code, "") for code in languages),
            *(help_text.get(code, "") for code in languages),
            "yes" if parameter.required else "",
            xpath(parameter.when, questionnaire) if parameter.when else "",
        ])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append([questionnaire.title[questionnaire.source_language],
                     f"natid_{questionnaire.country.lower()}",
                     f"{questionnaire.source_language} ({questionnaire.source_language})"])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def xpath(condition: Condition, questionnaire: Questionnaire) -> str:
    """The XLSForm ``relevant`` expression of a natid condition."""
    if isinstance(condition, AllOf):
        return " and ".join(f"({xpath(c, questionnaire)})" for c in condition.all_)
    if isinstance(condition, AnyOf):
        return " or ".join(f"({xpath(c, questionnaire)})" for c in condition.any_)
    if isinstance(condition, Not):
        return f"not({xpath(condition.not_, questionnaire)})"
    ref = f"${{{condition.answer}}}"
    multi = questionnaire.parameter(condition.answer).kind is Kind.MULTI_CHOICE
    if isinstance(condition, AnswerEquals | AnswerIn):
        values: list[Any] = ([condition.equals] if isinstance(condition, AnswerEquals)
                             else condition.in_)
        tests = [f"selected({ref}, '{_literal(v)}')" if multi else f"{ref} = '{_literal(v)}'"
                 for v in values]
        return " or ".join(tests)
    if isinstance(condition, AnswerLessThan):
        return f"{ref} < {_literal(condition.lt)}"
    if isinstance(condition, AnswerGreaterThan):
        return f"{ref} > {_literal(condition.gt)}"
    assert isinstance(condition, AnswerGiven)
    return f"{ref} != ''" if condition.answered else f"{ref} = ''"


def _literal(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)
