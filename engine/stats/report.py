"""From the store to the figures: the rows of a period, counted, grouped and protected."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from engine.errors import UsageError, UserError
from engine.stats.disclosure import DEFAULT_THRESHOLD, suppress
from engine.stats.labels import DIMENSIONS
from engine.stats.periods import Period
from engine.stats.table import StatsTable, count

if TYPE_CHECKING:
    from engine.store.base import Store

MAX_GROUPINGS = 2


class NothingToCountError(UserError):
    """The store holds no interview, or none in the period asked for."""

    code = "NATID-E085"


def groupings(names: Sequence[str]) -> tuple[str, ...]:
    """The groupings asked for ('a,b' or several options), checked.

    Raises:
        UsageError: an unknown grouping, the same one twice, or more than two.
    """
    from engine.suggest import did_you_mean

    chosen = [part.strip() for name in names for part in name.split(",") if part.strip()]
    for name in chosen:
        if name not in DIMENSIONS:
            raise UsageError(f"--by {name}: no such grouping{did_you_mean(name, DIMENSIONS)}; "
                             f"one of {', '.join(DIMENSIONS)}")
    if len(set(chosen)) != len(chosen):
        raise UsageError("--by names the same grouping twice")
    if len(chosen) > MAX_GROUPINGS:
        raise UsageError(f"--by takes one or two groupings, not {len(chosen)}")
    return tuple(chosen) or ("presumed_nationality",)


def figures(store: Store, period: Period, by: tuple[str, ...], *, as_of: datetime.date,
            threshold: int | None = DEFAULT_THRESHOLD,
            per_quarter: bool = False) -> list[StatsTable]:
    """The tables of a period: one, or one per quarter it touches (``per_quarter``).

    ``threshold=None`` leaves small cells shown (the national office's own use).

    Raises:
        NothingToCountError: the store holds no interview, or none in the period.
        UsageError: a threshold below 1.
    """
    if threshold is not None and threshold < 1:
        raise UsageError(f"--threshold {threshold}: give a number of interviews, 1 or more")
    rows_held, _missing = store.stats_status()
    if rows_held == 0:
        raise NothingToCountError(f"there are no interviews to count in {store.location} "
                                  "(or their statistics were never built: run 'natid stats "
                                  "rebuild')")
    rows = store.stats_rows(period.first, period.last)
    if not rows:
        raise NothingToCountError(f"no interview was held in {period.describe()}; nothing "
                                  "to count")
    parts = period.quarters() if per_quarter else [period]
    tables = []
    for part in parts:
        inside = [row for row in rows if part.first.isoformat() <= row.interviewed_on
                  <= part.last.isoformat()] if per_quarter else rows
        table = count(inside, part, by, as_of)
        tables.append(table if threshold is None else suppress(table, threshold))
    return tables
