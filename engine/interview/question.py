"""A question as it is put: the prompt in the interviewee's and the officer's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.model import Choice, Form, Parameter, WithinCheck
from engine.texts import pick


@dataclass(frozen=True)
class ChoiceView:
    """One choice, labelled for both people."""

    value: str
    interviewee: str
    officer: str


@dataclass(frozen=True)
class Question:
    """What the screen needs to put one question."""

    parameter: Parameter
    number: int
    """Its place among the questions asked now (1-based)."""
    total: int
    """How many questions are asked, given the answers so far."""
    interviewee_prompt: str
    officer_prompt: str
    help: str
    """Guidance for the officer, in the officer's language."""
    officer_label: str
    """The question's short label in the officer's language (its prompt when it has none),
    for tables and lists."""
    choices: tuple[ChoiceView, ...]
    current: Any
    """The answer given so far, or None."""
    declined: str | None
    skipped: bool
    original: dict[str, str] | None = None
    """A date answered in another calendar, as given: {"calendar": …, "date": …}."""

    @property
    def id(self) -> str:
        """The parameter id."""
        return self.parameter.id


def build_question(questionnaire: Form, parameter: Parameter, *, number: int,
                   total: int, interviewee: str, officer: str, state: Any,
                   answers: dict[str, Any] | None = None) -> Question:
    """The question for ``parameter`` in both languages, with what was answered.

    Choices held by another answer (a 'within' check: the districts of the state
    given) are narrowed to those that fit it.
    """
    choices = tuple(
        ChoiceView(choice.value, pick(choice.label, interviewee, questionnaire),
                   pick(choice.label, officer, questionnaire))
        for choice in fitting_choices(questionnaire, parameter, answers or {})
    )
    return Question(
        parameter=parameter, number=number, total=total,
        interviewee_prompt=pick(parameter.prompt, interviewee, questionnaire),
        officer_prompt=pick(parameter.prompt, officer, questionnaire),
        help=pick(parameter.help, officer, questionnaire),
        officer_label=pick(parameter.label or parameter.prompt, officer, questionnaire),
        choices=choices,
        current=state.value if state is not None and state.answered else None,
        declined=state.declined if state is not None else None,
        skipped=bool(state is not None and state.skipped),
        original=state.original if state is not None and state.answered else None,
    )


def fitting_choices(questionnaire: Form, parameter: Parameter,
                    answers: dict[str, Any]) -> list[Choice]:
    """The choices of ``parameter`` that fit the answers its 'within' checks depend on."""
    choices = questionnaire.choices_of(parameter)
    for check in questionnaire.checks:
        if isinstance(check, WithinCheck) and check.parameter == parameter.id:
            outer = answers.get(check.within)
            holders = outer if isinstance(outer, list) else [outer]
            fitting = [choice for choice in choices if choice.within in holders]
            if outer is not None and fitting:
                choices = fitting
    return choices
