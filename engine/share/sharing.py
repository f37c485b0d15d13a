"""The officer's side of a share: open it (or refuse), keep it up to date, take findings in.

:class:`Share` is driven by polling (:meth:`Share.sync`, every few tens of milliseconds):
when the store holds new events for the interview it rewrites the allow-listed view;
when the consulate's side added to the inbox it records each finding in the interview as
a consular finding, and each session's connection as an audit event. Everything it does
goes through the interview's actions, so the store's chain and checks apply.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any

from engine.i18n import _
from engine.interview import Interview
from engine.interview.events import EventKind
from engine.model import Consulate, Questionnaire
from engine.share.file import MAX_TEXT, InboxItem, ShareFile
from engine.share.gate import ShareError, ShareRefusedError, share_obstacles
from engine.share.view import consular_view
from engine.store.base import Store, StoreConflictError
from engine.store.recorded import resume_recorded
from engine.suggest import did_you_mean

SESSION_STATES = ("connected", "disconnected")
_STOPPED_VIEW = {"version": 1, "stopped": True}
"""What the view becomes once the consulate may no longer see the interview."""


def find_consulate(questionnaire: Questionnaire, consulate_id: str) -> Consulate:
    """The consulate the questionnaire lists under that id.

    Raises:
        ShareError: the questionnaire lists no such consulate.
    """
    for consulate in questionnaire.consulates:
        if consulate.id == consulate_id:
            return consulate
    known = [consulate.id for consulate in questionnaire.consulates]
    raise ShareError(_("the questionnaire of {country} lists no consulate '{id}'").format(
        country=questionnaire.country, id=consulate_id) + did_you_mean(consulate_id, known))


class Share:
    """One interview shared with one consulate, from the officer's side."""

    def __init__(self, store: Store, interview: Interview, consulate: Consulate, *,
                 officer: str, share_file: ShareFile, share_id: str) -> None:
        """Use :meth:`open`; this takes what it has checked and created."""
        self.store = store
        self.interview = interview
        self.consulate = consulate
        self.officer = officer
        self.file = share_file
        self.share_id = share_id
        self.sessions: set[str] = set()
        """The consular sessions connected now."""
        self.stopped = ""
        """Why the share stopped ('' while it runs)."""

    @classmethod
    def open(cls, store: Store, questionnaire: Questionnaire, interview_id: str, *,
             consulate_id: str, officer: str, address: str,
             folder: str | Path | None = None) -> Share:
        """Check the gate, write the share file, and record that the share is open.

        A refusal is recorded in the interview's log before it is raised.

        Raises:
            ShareRefusedError: the protection gate withholds the interview (recorded).
            ShareError: no such consulate, or the share file cannot be written.
            StoreError: the interview cannot be read or written.
        """
        interview = resume_recorded(store, questionnaire, interview_id)
        consulate = find_consulate(questionnaire, consulate_id)
        obstacles = share_obstacles(interview)
        if obstacles:
            interview.log(EventKind.SHARE_REFUSED, officer=officer, consulate=consulate.id,
                          reasons=[obstacle.reason for obstacle in obstacles])
            raise ShareRefusedError(obstacles)
        where = Path(tempfile.mkdtemp(prefix="natid-share-", dir=folder))
        share_id = secrets.token_hex(8)
        try:
            share_file = ShareFile(where / "share.sqlite")
        except ShareError:
            shutil.rmtree(where, ignore_errors=True)
            raise
        share = cls(store, interview, consulate, officer=officer, share_file=share_file,
                    share_id=share_id)
        share.file.write_view(consular_view(interview, consulate, share_id=share_id))
        interview.log(EventKind.SHARE_OPENED, officer=officer, share=share_id,
                      consulate=consulate.id, consulate_name=consulate.name, address=address)
        share.refresh()
        return share

    @property
    def path(self) -> Path:
        """The share file, which the consular app opens."""
        return self.file.path

    @property
    def consulate_label(self) -> str:
        """Who a consular finding is attributed to: the consulate's name."""
        return self.consulate.name

    def sync(self) -> bool:
        """One round of polling; returns False once the share has to stop (see ``stopped``).

        The share stops by itself when the interview is closed or the protection gate
        withholds it (an answer changed in the screening).
        """
        if self.stopped:
            return False
        if self.file.changed():
            self.take_inbox()
        if self.store.interview(self.interview.id).event_count != len(self.interview.events):
            self.refresh()
        return not self.stopped

    def refresh(self) -> None:
        """Reread the interview from the store and rewrite the view (or stop sharing)."""
        self._reload()
        obstacles = share_obstacles(self.interview)
        if obstacles:
            self.stopped = "closed" if self.interview.state.closed else "protection"
            self.file.write_view(_STOPPED_VIEW | {"share": self.share_id})
            return
        self.file.write_view(consular_view(self.interview, self.consulate,
                                           share_id=self.share_id))

    def take_inbox(self) -> None:
        """Record what the consulate's side added: findings, sessions' connections."""
        for item in self.file.pending():
            accepted, message = self._take(item)
            self.file.reply(item.seq, accepted=accepted, message=message)
        self.refresh()

    def stop(self, reason: str) -> None:
        """End the share; the link is dead from now on.

        Sessions still connected are recorded as disconnected, the stop is recorded, and
        the share file is deleted.
        """
        self._reload()
        for item in self.file.pending():
            if item.kind == "session":
                self._take(item)
        for session in sorted(self.sessions):
            self._log(EventKind.CONSULAR_SESSION, officer=self.consulate_label,
                      share=self.share_id, session=session, state="disconnected")
        self.sessions.clear()
        self._log(EventKind.SHARE_STOPPED, officer=self.officer, share=self.share_id,
                  reason=reason or self.stopped or "stopped")
        self.stopped = self.stopped or reason or "stopped"
        self.file.write_view(_STOPPED_VIEW | {"share": self.share_id})
        folder = self.file.path.parent
        self.file.remove()
        shutil.rmtree(folder, ignore_errors=True)

    # Inside ---------------------------------------------------------------------------

    def _reload(self) -> None:
        self.interview = resume_recorded(self.store, self.interview.questionnaire,
                                         self.interview.id)

    def _take(self, item: InboxItem) -> tuple[bool, str]:
        """Record one inbox row; (accepted, what to tell the consulate)."""
        from engine.errors import UserError

        body = item.body
        if item.kind == "session":
            session, state = _short(body.get("session"), 64), body.get("state")
            if not session or state not in SESSION_STATES:
                return False, "unreadable"
            if (state == "connected") == (session in self.sessions):
                return True, "known"
            extra = {"address": _short(body.get("address"), 100)} if body.get("address") else {}
            self._log(EventKind.CONSULAR_SESSION, officer=self.consulate_label,
                      share=self.share_id, session=session, state=str(state), **extra)
            if state == "connected":
                self.sessions.add(session)
            else:
                self.sessions.discard(session)
            return True, "recorded"
        if self.stopped:
            return False, _("the share has stopped")
        try:
            self._retrying(lambda: self.interview.record_consular_finding(
                str(body.get("parameter", "")), str(body.get("outcome", "")),
                _short(body.get("reason"), MAX_TEXT), consulate=self.consulate_label,
                name=_short(body.get("name"), MAX_TEXT)))
        except UserError as error:
            return False, error.message
        return True, _("recorded in the interview")

    def _log(self, kind: EventKind, *, officer: str, **data: Any) -> None:
        self._retrying(lambda: self.interview.log(kind, officer=officer, **data))

    def _retrying(self, action: Any) -> None:
        """Run an interview action, once more after rereading if the store moved on.

        The officer's app may have recorded something meanwhile.
        """
        try:
            action()
        except StoreConflictError:
            self._reload()
            action()


def _short(value: object, limit: int) -> str:
    """A text from the inbox, stripped and cut to ``limit`` characters ('' if not text)."""
    return value.strip()[:limit] if isinstance(value, str) else ""
