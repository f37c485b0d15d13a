"""Copying a store into another: an officer's SQLite file into the office's server, or back.

Every interview is copied with its events exactly as stored (ids, times, stored bytes
and hashes), so the chains verify on the target as they did on the source; its data key
is re-wrapped under the target's master key, and its files re-encrypted under it. Copying
again adds only what is new: events already on the target are recognised by their
hashes. An interview whose chain is broken on the source is not copied, and one the
target holds with other events is left alone; both are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.store.base import Store, StoreConflictError
from engine.store.chain import ChainReport


@dataclass
class CopyReport:
    """What a copy did, interview by interview."""

    interviews: int = 0
    """Interviews on the source."""
    added: int = 0
    """Interviews new on the target."""
    updated: int = 0
    """Interviews the target had fewer events of."""
    unchanged: int = 0
    """Interviews the target already had whole."""
    events: int = 0
    """Events written to the target."""
    problems: list[str] = field(default_factory=list)
    """Interviews not copied, and why."""
    verified: list[ChainReport] = field(default_factory=list)
    """The target's chains, verified after the copy."""

    @property
    def ok(self) -> bool:
        """Everything copied, and every chain on the target intact."""
        return not self.problems and all(report.ok for report in self.verified)


def copy_store(source: Store, target: Store) -> CopyReport:
    """Copy every interview of ``source`` into ``target``, then verify ``target``."""
    report = CopyReport()
    for summary in source.interviews():
        report.interviews += 1
        (chain,) = source.verify(summary.id)
        if not chain.ok:
            report.problems.append(f"{summary.id}: not copied, its chain is broken on the "
                                   f"source at event {chain.broken_at} ({chain.problem})")
            continue
        events = source.stored_events(summary.id)
        before = len(target.stored_events(summary.id))
        try:
            added = target.adopt(summary, events, source.data_key(summary.id))
        except StoreConflictError as error:
            report.problems.append(f"{summary.id}: {error.message}")
            continue
        report.events += added
        for _sha, media_type, data in source.stored_files(summary.id):
            target.adopt_file(summary.id, data, media_type)
        if before == 0:
            report.added += 1
        elif added:
            report.updated += 1
        else:
            report.unchanged += 1
    report.verified = target.verify()
    return report
