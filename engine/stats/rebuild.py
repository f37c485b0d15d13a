"""``natid stats rebuild``: every statistics row computed again from the events.

Each interview in the store is rebuilt from its events with its country's
questionnaire and projected exactly as the store's incremental updates do
(:mod:`engine.stats.projection`). Rows of interviews purged since are kept: their
events are gone, and the row (codes and dates only) is all that remains of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engine.errors import UserError

if TYPE_CHECKING:
    from engine.model import Questionnaire
    from engine.store.base import Store

BATCH = 500
"""Rows written per transaction."""


@dataclass
class RebuildReport:
    """What a rebuild did."""

    rebuilt: int = 0
    problems: list[str] = field(default_factory=list)
    """Interviews whose row could not be computed, each with the reason."""


def rebuild(store: Store) -> RebuildReport:
    """Compute every interview's statistics row from its events and store it."""
    from engine.interview import Interview
    from engine.stats.projection import project
    from engine.stats.row import StatsRow

    report = RebuildReport()
    questionnaires: dict[str, Questionnaire] = {}
    pending: list[StatsRow] = []
    for summary in store.interviews():
        try:
            questionnaire = _questionnaire(summary.country, questionnaires)
            pending.append(project(Interview.resume(questionnaire, store.events(summary.id))))
        except UserError as error:
            report.problems.append(f"{summary.id}: {error.message}")
            continue
        if len(pending) >= BATCH:
            store.put_stats(pending)
            report.rebuilt += len(pending)
            pending = []
    store.put_stats(pending)
    report.rebuilt += len(pending)
    return report


def _questionnaire(country: str, known: dict[str, Questionnaire]) -> Questionnaire:
    """The bundled questionnaire of ``country``, loaded once per rebuild."""
    from engine.bundled import find_questionnaire
    from engine.loader import check_file

    if country not in known:
        known[country] = check_file(find_questionnaire(country)).unwrap()
    return known[country]
