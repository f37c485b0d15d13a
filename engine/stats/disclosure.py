"""Disclosure control: no small number of people can be picked out of the figures.

Primary suppression hides every count from 1 to ``threshold - 1`` (zeros are shown: a
zero tells nothing about anyone). Complementary suppression then hides one more figure
wherever a hidden one could be worked out from a total: each group of figures that adds
up to a total (a row of a two-way table with its row total, a column with its column
total, the totals with the grand total) must have no hidden figure, or at least two. The
second figure hidden is the smallest non-zero one of the group; when there is none, the
total itself. This repeats until no group has exactly one hidden figure. Each count
measure is protected on its own. Days to certificate are hidden where fewer than
``threshold`` certificates were issued. docs/statistics.md gives the rule with examples.
"""

from __future__ import annotations

from engine.stats.table import COUNTS, DAYS, TOTAL, StatsTable

DEFAULT_THRESHOLD = 5

Group = tuple[list[tuple[str, ...]], tuple[str, ...]]
"""Figures that add up to a total: (their keys, the total's keys)."""


def suppress(table: StatsTable, threshold: int = DEFAULT_THRESHOLD) -> StatsTable:
    """Hide the figures of ``table`` that could disclose fewer than ``threshold`` people.

    The table is changed in place and returned.
    """
    table.threshold = threshold
    groups = sum_groups(table)
    for measure in COUNTS:
        _protect(table, measure, groups, threshold)
    for line in table.lines.values():
        if len(line.days) < threshold:
            for measure in DAYS:
                line.cells[measure].suppressed = line.cells[measure].value is not None
    return table


def sum_groups(table: StatsTable) -> list[Group]:
    """Every group of lines that adds up to another line of the table."""
    dimensions = len(table.by)
    groups: list[Group] = []
    for keys in table.lines:
        for position, key in enumerate(keys):
            if key != TOTAL:
                continue
            members = [other for other in table.lines
                       if other[position] != TOTAL
                       and all(other[i] == keys[i] for i in range(dimensions) if i != position)]
            groups.append((members, keys))
    return groups


def _protect(table: StatsTable, measure: str, groups: list[Group], threshold: int) -> None:
    def value(keys: tuple[str, ...]) -> float:
        return table.lines[keys].cells[measure].value or 0

    hidden = {keys for keys in table.lines if 0 < value(keys) < threshold}
    changed = True
    while changed:
        changed = False
        for members, total in groups:
            if sum(keys in hidden for keys in (*members, total)) != 1:
                continue
            shown = sorted((value(keys), keys) for keys in members
                           if keys not in hidden and value(keys) > 0)
            hidden.add(shown[0][1] if shown else total)
            changed = True
    for keys in hidden:
        table.lines[keys].cells[measure].suppressed = True
