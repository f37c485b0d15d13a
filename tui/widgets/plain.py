"""Text shown exactly as written: answers and names are never read as formatting."""

from __future__ import annotations

from rich.text import Text


def plain(*cells: str) -> tuple[Text, ...]:
    """Table cells that show '[' and ']' as they are (a string cell would be markup)."""
    return tuple(Text(cell) for cell in cells)
