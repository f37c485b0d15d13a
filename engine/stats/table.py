"""Counting: the statistics rows of a period grouped into a table of measures.

A table holds every combination of the grouping's values seen in the period (zeros
included), the totals of each grouping, and the grand total, so that disclosure control
(:mod:`engine.stats.disclosure`) sees each cell with the totals it adds up to. The
definitions are in docs/statistics.md.
"""

from __future__ import annotations

import datetime
import itertools
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.stats.periods import Period
from engine.stats.row import StatsRow

TOTAL = "*"
"""The key of a total in a line's keys."""
COUNTS = ("interviews", "presumptions_supported", "protection_referrals", "requests_sent",
          "certificates_issued", "unanswered_30_days", "unanswered_60_days",
          "unanswered_90_days")
"""Measures that count interviews (they add up to their totals)."""
DAYS = ("median_days_to_certificate", "p90_days_to_certificate")
"""Measures in days, over the certificates issued."""
WAITS = (30, 60, 90)


@dataclass
class Cell:
    """One figure; a suppressed one is not shown."""

    value: float | None
    suppressed: bool = False


@dataclass
class Line:
    """One group (or a total) and its figures."""

    keys: tuple[str, ...]
    cells: dict[str, Cell]
    days: list[int] = field(default_factory=list, repr=False)
    """Days from request to certificate of each certificate issued (not shown)."""

    @property
    def is_total(self) -> bool:
        """Whether any of its keys is a total."""
        return TOTAL in self.keys


@dataclass
class StatsTable:
    """The figures of one period, grouped."""

    period: Period
    by: tuple[str, ...]
    as_of: datetime.date
    lines: dict[tuple[str, ...], Line]
    threshold: int | None = None
    """The disclosure threshold applied (None: not suppressed)."""

    @property
    def interviews(self) -> int:
        """How many interviews the period holds."""
        return int(self.lines[(TOTAL,) * len(self.by)].cells["interviews"].value or 0)

    def values(self, dimension: int) -> list[str]:
        """The values seen for one grouping, in code order."""
        return sorted({line.keys[dimension] for line in self.lines.values()} - {TOTAL})


def key_of(row: StatsRow, dimension: str) -> str:
    """The value of a row for a grouping."""
    value = getattr(row, dimension)
    return str(value)


def count(rows: Iterable[StatsRow], period: Period, by: tuple[str, ...],
          as_of: datetime.date) -> StatsTable:
    """The table of ``rows`` grouped ``by`` one or two groupings, every total included."""
    leaves: dict[tuple[str, ...], list[int]] = {}
    leaf_days: dict[tuple[str, ...], list[int]] = {}
    waits = [(days, as_of - datetime.timedelta(days=days)) for days in WAITS]
    for row in rows:
        keys = tuple(key_of(row, dimension) for dimension in by)
        tally = leaves.get(keys)
        if tally is None:
            tally = leaves[keys] = [0] * len(COUNTS)
            leaf_days[keys] = []
        _add(tally, leaf_days[keys], row, waits)
    axes = [sorted({keys[index] for keys in leaves}) for index in range(len(by))]
    lines: dict[tuple[str, ...], Line] = {}
    for keys in itertools.product(*[[*axis, TOTAL] for axis in axes]):
        members = [leaf for leaf in leaves if all(k in (TOTAL, leaf[i])
                                                  for i, k in enumerate(keys))]
        tally = [sum(leaves[leaf][i] for leaf in members) for i in range(len(COUNTS))]
        days = sorted(itertools.chain.from_iterable(leaf_days[leaf] for leaf in members))
        lines[keys] = _line(keys, tally, days)
    return StatsTable(period, by, as_of, lines)


def _add(tally: list[int], days: list[int], row: StatsRow,
         waits: list[tuple[int, datetime.date]]) -> None:
    tally[0] += 1
    tally[1] += row.verdict == "presumption_supported"
    tally[2] += row.referral
    sent = row.request_sent_on
    if sent is None:
        return
    tally[3] += 1
    if row.consular_answer == "issued" and row.consular_answer_on is not None:
        tally[4] += 1
        days.append((datetime.date.fromisoformat(row.consular_answer_on)
                     - datetime.date.fromisoformat(sent)).days)
    sent_day = datetime.date.fromisoformat(sent)
    answered = row.first_answer_on
    for index, (wait, latest_sending) in enumerate(waits, start=5):
        if sent_day <= latest_sending and (
                answered is None
                or datetime.date.fromisoformat(answered) > sent_day + datetime.timedelta(wait)):
            tally[index] += 1


def _line(keys: tuple[str, ...], tally: list[int], days: list[int]) -> Line:
    cells = {name: Cell(value) for name, value in zip(COUNTS, tally, strict=True)}
    cells["median_days_to_certificate"] = Cell(float(statistics.median(days)) if days else None)
    cells["p90_days_to_certificate"] = Cell(float(percentile(days, 90)) if days else None)
    return Line(keys, cells, days)


def percentile(ordered: list[int], rank: float) -> int:
    """The nearest-rank percentile of a sorted list: the value at ceil(rank/100 * n)."""
    position = max(1, math.ceil(rank / 100 * len(ordered)))
    return ordered[position - 1]
