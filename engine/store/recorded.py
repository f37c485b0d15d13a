"""Interviews whose every event is saved in a store before it counts."""

from __future__ import annotations

from typing import Any

from engine.interview.events import Event, EventKind
from engine.interview.interview import Interview, Sink
from engine.model import Questionnaire
from engine.store.base import Store, StoreError


def saving_to(store: Store) -> Sink:
    """A sink that appends each event to ``store`` durably, refusing stale interviews.

    An event that changes the interview's statistics row carries the new row with it,
    and the store writes both in one transaction (docs/statistics.md).
    """
    from engine.stats.projection import changes_row, project_after

    def save(event: Event, interview: Interview) -> None:
        known = 0 if event.kind is EventKind.STARTED else len(interview.events)
        conclusion = interview.assess().conclusion if event.kind is EventKind.CLOSED else None
        # The statistics row as this event leaves the interview, saved with the event.
        stats = project_after(interview, event) if changes_row(event) else None
        store.append(interview.id, event, expected_count=known, conclusion=conclusion,
                     stats=stats)

    return save


def start_recorded(store: Store, questionnaire: Questionnaire, **options: Any) -> Interview:
    """Begin an interview saved in ``store`` (options as for :meth:`Interview.start`).

    It begins with the bundled protection screening unless ``screening=`` names another.
    """
    if options.get("screening") is None:
        from engine.bundled import default_screening

        options["screening"], options["screening_hash"] = default_screening()
    return Interview.start(questionnaire, sink=saving_to(store), **options)


def resume_recorded(store: Store, questionnaire: Questionnaire, interview_id: str) -> Interview:
    """Reopen a stored interview exactly where it stopped; later events are saved too."""
    summary = store.interview(interview_id)
    if summary.country != questionnaire.country:
        raise StoreError(f"interview {summary.id} was recorded with the questionnaire of "
                         f"{summary.country}, not {questionnaire.country}")
    return Interview.resume(questionnaire, store.events(summary.id), sink=saving_to(store))


def must_be_intact(store: Store, interview_id: str) -> None:
    """Refuse to go on with an interview whose stored chain is broken (tampered with).

    Raises:
        StoreError: the chain does not verify; nothing may be produced from it.
    """
    for report in store.verify(interview_id):
        if not report.ok:
            raise StoreError(f"interview {interview_id} was changed outside natid (event "
                             f"{report.broken_at}: {report.problem}); nothing is produced from "
                             "it: run 'natid verify' and restore the database from a backup")
