"""Reading the fenced code blocks of a Markdown page, for the tests that run them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_OPENING = re.compile(r"^```(\w*)\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced block of a page."""

    language: str
    line: int
    """The line of the page where the block's text starts (1-based)."""
    text: str


def fenced_blocks(path: Path) -> tuple[Block, ...]:
    """Every fenced block of the page at ``path``, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening:
            end = index + 1
            while end < len(lines) and lines[end].strip() != "```":
                end += 1
            assert end < len(lines), f"{path.name}:{index + 1}: code block never closed"
            found.append(Block(opening.group(1), index + 2, "\n".join(lines[index + 1:end])))
            index = end
        index += 1
    return tuple(found)
