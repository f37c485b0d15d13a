"""Where a scenario step is written, and the failure of a step, in words for its author."""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import UserError


@dataclass(frozen=True)
class StepLocation:
    """A step of a scenario file: the file, the line and the sentence as written."""

    file: str
    """The feature file as it is shown to the author (e.g. ``questionnaires/in.feature``)."""
    line: int
    step: str = ""
    """The step with its keyword, e.g. ``When the person answers "state" with "PB"``."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class StepFailure(UserError):
    """A step that does not hold, or that natid cannot carry out, said for the author.

    ``reason`` says what is wrong; the message adds where (``file:line: reason``) once
    the step's place is known.
    """

    def __init__(self, reason: str, location: StepLocation | None = None) -> None:
        self.reason = reason
        self.location = location
        super().__init__(f"{location}: {reason}" if location is not None else reason)

    def at(self, location: StepLocation | None) -> StepFailure:
        """The same failure, placed at ``location`` unless it already has a place."""
        if self.location is not None or location is None:
            return self
        return StepFailure(self.reason, location)
