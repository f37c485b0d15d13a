"""The step library: every sentence a scenario may use, and how a step is carried out.

The same definitions serve ``natid test`` (through :func:`run_step`) and the pytest
suite (which binds each :class:`StepDefinition` with ``pytest_bdd.parsers.re``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from engine.errors import UserError
from engine.scenarios import steps_given as given
from engine.scenarios import steps_protection as protection
from engine.scenarios import steps_then as then
from engine.scenarios import steps_when as when
from engine.scenarios.failures import StepFailure, StepLocation
from engine.scenarios.world import World
from engine.suggest import closest

StepType = Literal["given", "when", "then"]
KEYWORDS: dict[StepType, str] = {"given": "Given", "when": "When", "then": "Then"}

_PARAMETER = r'"(?P<parameter>[^"]*)"'
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class StepDefinition:
    """One sentence of the library: its kind, its pattern, what it does, an example."""

    type: StepType
    pattern: str
    """A regular expression the whole sentence must match (named groups are arguments)."""
    action: Callable[..., None]
    """Called with the world and the named groups (and ``table`` for table steps)."""
    example: str
    """The sentence as the guide shows it, without its keyword."""
    takes_table: bool = False
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))

    @property
    def arguments(self) -> list[str]:
        """The names of the pattern's groups, in order."""
        return list(self.regex.groupindex)


STEPS: tuple[StepDefinition, ...] = (
    StepDefinition("given", r"an interview with the (?P<country>.+?) questionnaire",
                   given.interview_with, "an interview with the India questionnaire"),
    StepDefinition("given",
                   r"an interview in (?P<interviewee>.+?) with an officer working in "
                   r"(?P<officer>.+)",
                   given.interview_in, "an interview in Hindi with an officer working in Spanish"),
    StepDefinition("given", r'the interview takes place on "?(?P<day>[^"]*?)"?',
                   given.takes_place_on, "the interview takes place on 2026-03-01"),
    StepDefinition("when", rf'the person answers {_PARAMETER} with "(?P<value>[^"]*)"',
                   when.answers, 'the person answers "state" with "Punjab"'),
    StepDefinition("when", rf'the person answers {_PARAMETER} with "(?P<value>[^"]*)" in the '
                   r"(?P<calendar>.+?) calendar", when.answers_in_calendar,
                   'the person answers "date_of_birth" with "1987-04-12" in the Ethiopian '
                   "calendar"),
    StepDefinition("when", rf"the person declines to answer {_PARAMETER}",
                   when.declines, 'the person declines to answer "father_name"'),
    StepDefinition("when", rf"the person does not know {_PARAMETER}",
                   when.does_not_know, 'the person does not know "tehsil"'),
    StepDefinition("when", rf'the officer confirms {_PARAMETER} because "(?P<reason>[^"]*)"',
                   when.confirms,
                   'the officer confirms "documents_held" because "Aadhaar card seen"'),
    StepDefinition("when", rf'the officer contradicts {_PARAMETER} because "(?P<reason>[^"]*)"',
                   when.contradicts,
                   'the officer contradicts "documents_held" because "the photo is not theirs"'),
    StepDefinition("when",
                   rf'the person changes the answer to {_PARAMETER} to "(?P<value>[^"]*)"',
                   when.changes, 'the person changes the answer to "state" to "GJ"'),
    StepDefinition("when", r"the person gives these answers:", when.gives_answers,
                   "the person gives these answers:", takes_table=True),
    StepDefinition("when", r"the officer confirms these answers:", when.confirms_answers,
                   "the officer confirms these answers:", takes_table=True),
    StepDefinition("then", rf'{_PARAMETER} is (?!(?:not )?asked$)"?(?P<outcome>[^"]+?)"?',
                   then.outcome_is, '"currency" is confirmed'),
    StepDefinition("then", rf"{_PARAMETER} is asked", then.is_asked, '"district" is asked'),
    StepDefinition("then", rf"{_PARAMETER} is not asked", then.is_not_asked,
                   '"district" is not asked'),
    StepDefinition("then",
                   r"the country[\u2019']s rule is (?P<verdict>[^\d\"]+?)"
                   r"(?: with (?P<count>\d+|no) confirmations?)?",
                   then.rule_is, "the country's rule is met with 5 confirmations"),
    StepDefinition("then", r'the conclusion is "?(?P<conclusion>[^"]+?)"?',
                   then.conclusion_is, 'the conclusion is "presumption supported"'),
    StepDefinition("then",
                   r'the strength of support is (?P<direction>[^"]+?)'
                   r"(?: the presumed nationality)?",
                   then.strength_is,
                   "the strength of support is towards the presumed nationality"),
    StepDefinition("then", r'the strength of support is described as "(?P<words>[^"]+)"',
                   then.strength_reads, 'the strength of support is described as "weak support"'),
    StepDefinition("then",
                   rf"the assessment is the same as if {_PARAMETER} had been left unanswered",
                   then.same_as_unanswered,
                   'the assessment is the same as if "father_name" had been left unanswered'),
    StepDefinition("then", r'the answers are inconsistent because of "(?P<check>[^"]*)"',
                   then.inconsistent_because,
                   'the answers are inconsistent because of "district_in_state"'),
    StepDefinition("then", r"the answers are consistent", then.consistent,
                   "the answers are consistent"),
    StepDefinition("given", r"the interview begins with the protection screening",
                   protection.begins_with_screening,
                   "the interview begins with the protection screening"),
    StepDefinition("given", r'the interview is held in "?(?P<country>[^"]+?)"?',
                   protection.held_in, "the interview is held in Mexico"),
    StepDefinition("when", r"the person answers the protection screening with no flag raised",
                   protection.passes_screening,
                   "the person answers the protection screening with no flag raised"),
    StepDefinition("when", r"the person answers the protection screening with no flag raised, "
                   r"except:", protection.passes_screening_except,
                   "the person answers the protection screening with no flag raised, except:",
                   takes_table=True),
    StepDefinition("when", r"the officer closes the interview", protection.closes,
                   "the officer closes the interview"),
    StepDefinition("when", r'the officer records the best-interests step from "(?P<authority>'
                   r'[^"]*)" with reference "(?P<reference>[^"]*)"',
                   protection.records_best_interests,
                   'the officer records the best-interests step from "DIF Chiapas" with '
                   'reference "PPNNA-2026-0412"'),
    StepDefinition("when", r"the officer asks for the certificate request",
                   protection.asks_for_request, "the officer asks for the certificate request"),
    StepDefinition("when", r"the officer asks for the referral", protection.asks_for_referral,
                   "the officer asks for the referral"),
    StepDefinition("then", r'the flag "(?P<flag>[^"]*)" is raised', protection.flag_raised,
                   'the flag "fear_of_return" is raised'),
    StepDefinition("then", r"no certificate request is produced", protection.no_request,
                   "no certificate request is produced"),
    StepDefinition("then", r'the request is held back because of "(?P<reason>[^"]*)"',
                   protection.held_back_because,
                   'the request is held back because of "best_interests_pending"'),
    StepDefinition("then", r'a referral goes to the "?(?P<route>[^"]+?)"?',
                   protection.referral_to, 'a referral goes to the "asylum_authority"'),
    StepDefinition("then", r'the request is addressed to "(?P<name>[^"]*)"',
                   protection.request_addressed_to,
                   'the request is addressed to "Embassy of India, Mexico City"'),
)


def find_step(step_type: StepType, text: str) -> tuple[StepDefinition, dict[str, str | None]]:
    """The definition a step's sentence matches, and the arguments it gives.

    Raises:
        StepFailure: no sentence of the library matches, or only one of another kind.
    """
    sentence = text.strip()
    for definition in STEPS:
        match = definition.regex.fullmatch(sentence)
        if match is not None and definition.type == step_type:
            return definition, match.groupdict()
    for definition in STEPS:
        if definition.regex.fullmatch(sentence) is not None:
            keyword = KEYWORDS[definition.type]
            raise StepFailure(f"'{sentence}' is a '{keyword}' step, not a "
                              f"'{KEYWORDS[step_type]}' step: write '{keyword} {sentence}'")
    raise StepFailure(f"no step of natid reads '{KEYWORDS[step_type]} {sentence}'"
                      f"{_suggestion(sentence)}; docs/scenarios.md lists every step")


def _suggestion(sentence: str) -> str:
    shapes = {_QUOTED.sub('"…"', d.example): d for d in STEPS}
    match = closest(_QUOTED.sub('"…"', sentence), shapes)
    if match is None:
        return ""
    definition = shapes[match]
    return f" — did you mean '{KEYWORDS[definition.type]} {definition.example}'?"


def perform(definition: StepDefinition, world: World, arguments: Mapping[str, str | None],
            table: Sequence[Sequence[str]] | None = None) -> None:
    """Carry out one step on ``world``; every problem becomes a :class:`StepFailure`.

    Raises:
        StepFailure: the step does not hold, or natid refused what it asks (placed at
            ``world.location``).
    """
    try:
        definition.action(world, **arguments, **_table_argument(definition, table))
    except StepFailure as failure:
        raise failure.at(world.location) from None
    except UserError as error:
        raise StepFailure(error.message, world.location) from None


def _table_argument(definition: StepDefinition,
                    table: Sequence[Sequence[str]] | None) -> dict[str, list[list[str]]]:
    if definition.takes_table and table is None:
        raise StepFailure("this step needs a table under it, starting with its header row; "
                          "see docs/scenarios.md")
    if not definition.takes_table and table is not None:
        raise StepFailure("this step takes no table: remove the table under it")
    return {"table": [list(row) for row in table]} if table is not None else {}


def run_step(world: World, step_type: StepType, text: str, location: StepLocation,
             table: Sequence[Sequence[str]] | None = None) -> None:
    """Find the step's definition and carry it out on ``world``.

    Raises:
        StepFailure: the sentence is unknown, the step does not hold, or natid refused
            what it asks; placed at ``location``.
    """
    world.location = location
    try:
        definition, arguments = find_step(step_type, text)
    except StepFailure as failure:
        raise failure.at(location) from None
    perform(definition, world, arguments, table)
