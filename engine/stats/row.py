"""One interview as statistics see it: a non-identifying row, and the values it takes.

The row is what the store's ``interview_stats`` table holds (docs/statistics.md defines
every column). It carries no name, no number and no free text about the person: only
codes, dates and counts. This module imports nothing of the interview, so the store can
take rows without knowing how they are made.
"""

from __future__ import annotations

import datetime
from dataclasses import astuple, dataclass, fields

UNKNOWN = "unknown"
"""The value of a column whose fact was not recorded (or, for nationality, not presumed)."""

VERDICTS = ("presumption_supported", "insufficient", "consular_interview_needed", "open")
"""The assessment's conclusion as a code ('open': the interview is not closed)."""
SEXES = ("female", "male", "other", UNKNOWN)
AGE_BANDS = ("0-11", "12-17", "18-29", "30-44", "45-59", "60+", UNKNOWN)
CHILD = ("adult", "accompanied", "unaccompanied_or_separated", UNKNOWN)
"""Whether the person is a child and, if so, with whom they travel."""
CONSULAR_ANSWERS = ("issued", "refused", "more_information", "no_answer")
"""What a consulate can answer to a certificate request."""
ANSWER_STATES = (*CONSULAR_ANSWERS, "not_sent", "awaiting")
"""The consular answer column: an answer, no request sent, or a request sent and unanswered."""

_BANDS = ((11, "0-11"), (17, "12-17"), (29, "18-29"), (44, "30-44"), (59, "45-59"))


@dataclass(frozen=True, slots=True)
class StatsRow:
    """The statistics row of one interview (see docs/statistics.md for each column)."""

    interview_id: str
    country_of_interview: str
    office: str
    intercepted_on: str
    interviewed_on: str
    period: str
    declared_nationality: str
    presumed_nationality: str
    verdict: str
    sex: str
    age_band: str
    child: str
    referral: bool
    request_prepared_on: str | None
    request_sent_on: str | None
    first_answer_on: str | None
    consular_answer: str
    consular_answer_on: str | None

    def values(self) -> tuple[object, ...]:
        """The columns in table order, booleans as 0/1 (as both databases keep them)."""
        return tuple(int(value) if isinstance(value, bool) else value
                     for value in astuple(self))

    @classmethod
    def from_values(cls, values: tuple[object, ...]) -> StatsRow:
        """A row read back from the table."""
        items = list(values)
        referral = COLUMNS.index("referral")
        items[referral] = bool(items[referral])
        return cls(*items)  # type: ignore[arg-type]


COLUMNS = tuple(field.name for field in fields(StatsRow))
"""The table's columns, in order."""


def age_band(age: object) -> str:
    """The band of an age in years ('unknown' when no age was given)."""
    if isinstance(age, bool) or not isinstance(age, int | float) or age < 0:
        return UNKNOWN
    years = int(age)
    for upper, band in _BANDS:
        if years <= upper:
            return band
    return "60+"


def quarter_of(day: datetime.date) -> str:
    """The quarter a day falls in, as natid writes it: '2026Q3'."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"
