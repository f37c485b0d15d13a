"""Sharing an interview live with a consulate: the gate, the allow-list, the share file.

DESIGN §11: the consulate's process opens only a per-interview share file holding the
allow-listed items (:mod:`engine.share.view`), never the main store; its only write is
an inbox table. The officer's side (:mod:`engine.share.sharing`) keeps the file up to
date from the store and moves the consulate's findings into the interview as events.
"""

from __future__ import annotations

from engine.share.file import ConsularFile, ShareFile
from engine.share.gate import ShareError, ShareRefusedError, share_obstacles
from engine.share.sharing import Share
from engine.share.view import consular_view

__all__ = [
    "ConsularFile",
    "Share",
    "ShareError",
    "ShareFile",
    "ShareRefusedError",
    "consular_view",
    "share_obstacles",
]
