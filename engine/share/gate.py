"""Whether an interview may be shared with a consulate (DESIGN §4: protection comes first).

An interview is shared only when the protection gate would let a certificate request go
to a consulate once the interview is closed: the screening is finished and raised no flag
that blocks or holds the request, a child's best-interests step is recorded, and the
declared nationality is the questionnaire's country (or the request was routed to it).
"""

from __future__ import annotations

from engine.errors import UserError
from engine.i18n import _
from engine.interview import Interview
from engine.protection import Obstacle, request_obstacles


class ShareError(UserError):
    """A share cannot be started or kept going (no such consulate, the server did not start)."""

    code = "NATID-E076"


class ShareRefusedError(UserError):
    """The protection gate withholds the interview from any consulate; nothing was shared."""

    code = "NATID-E075"

    def __init__(self, reasons: list[Obstacle]) -> None:
        self.reasons = reasons
        super().__init__(_("this interview cannot be shared with a consulate: {reasons}").format(
            reasons="; ".join(reason.message for reason in reasons)))


def share_obstacles(interview: Interview) -> list[Obstacle]:
    """Every reason the interview may not be shown to a consulate now ([] when it may).

    These are the request gate's reasons (engine.protection), but for the interview being
    open, which a share needs; a closed interview cannot be shared.
    """
    found = [obstacle for obstacle in request_obstacles(interview) if obstacle.reason != "open"]
    if interview.state.closed:
        found.append(Obstacle("closed", _("the interview is closed: there is nothing left for "
                                          "a consulate to follow")))
    return found
