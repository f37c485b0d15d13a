"""'When' steps: what the person answers and what the officer finds."""

from __future__ import annotations

from collections.abc import Callable

from engine.errors import UserError
from engine.scenarios.failures import StepFailure
from engine.scenarios.values import answer_value
from engine.scenarios.world import World

Table = list[list[str]]


def answers(world: World, parameter: str, value: str) -> None:
    """When the person answers "state" with "PB"."""
    question = world.parameter(parameter)
    world.interview.answer(question.id, answer_value(world.questionnaire, question, value))


def answers_in_calendar(world: World, parameter: str, value: str, calendar: str) -> None:
    """When the person answers "date_of_birth" with "1987-04-12" in the Ethiopian calendar."""
    question = world.parameter(parameter)
    code = calendar.strip().casefold().replace(" ", "_")
    world.interview.answer(question.id, value.strip(), calendar=code)


def declines(world: World, parameter: str) -> None:
    """When the person declines to answer "father_name"."""
    world.interview.decline(world.parameter(parameter).id, "declined")


def does_not_know(world: World, parameter: str) -> None:
    """When the person does not know "tehsil"."""
    world.interview.decline(world.parameter(parameter).id, "dont_know")


def confirms(world: World, parameter: str, reason: str) -> None:
    """When the officer confirms "documents_held" because "Aadhaar card seen"."""
    world.interview.verify(world.parameter(parameter).id, "confirmed", reason)


def contradicts(world: World, parameter: str, reason: str) -> None:
    """When the officer contradicts "documents_held" because "the card is someone else's"."""
    world.interview.verify(world.parameter(parameter).id, "contradicted", reason)


def changes(world: World, parameter: str, value: str) -> None:
    """When the person changes the answer to "state" to "GJ"."""
    question = world.interview.question(world.parameter(parameter).id)
    if question.current is None and question.declined is None:
        raise StepFailure(f"'{parameter}' has no answer to change yet: write 'When the person "
                          f"answers \"{parameter}\" with \"…\"' first")
    answers(world, parameter, value)


def gives_answers(world: World, table: Table) -> None:
    """When the person gives these answers: (a table: | question | answer |)."""
    _each_row(world, table, ("question", "answer"), answers)


def confirms_answers(world: World, table: Table) -> None:
    """When the officer confirms these answers: (a table: | question | because |)."""
    _each_row(world, table, ("question", "because"), confirms)


def _each_row(world: World, table: Table, header: tuple[str, str],
              action: Callable[[World, str, str], None]) -> None:
    wanted = f"| {header[0]} | {header[1]} |"
    if not table or [cell.strip().casefold() for cell in table[0]] != list(header):
        raise StepFailure(f"the table under this step needs the header row {wanted}")
    if len(table) == 1:
        raise StepFailure(f"the table under this step has no rows below {wanted}")
    for row in table[1:]:
        try:
            action(world, row[0].strip(), row[1])
        except UserError as error:
            reason = error.reason if isinstance(error, StepFailure) else error.message
            raise StepFailure(f"in the row | {' | '.join(row)} |: {reason}") from None
