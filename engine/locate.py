"""Turn a path inside a questionnaire into a place and a name a person recognises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.errors import Diagnostic
from engine.yaml_source import Path, Positions

_NAMED_LISTS = {
    "parameters": "parameter",
    "checks": "check",
    "consulates": "consulate",
}


@dataclass
class Locator:
    """Makes diagnostics that point at a path of the loaded document."""

    file: str
    document: Any
    positions: Positions

    def diagnostic(self, code: str, path: Path, message: str, *, value: Any = None,
                   hint: str = "", at_key: bool = False, stage: int = 2) -> Diagnostic:
        """A diagnostic at the value (or, with ``at_key``, the key) that ``path`` names."""
        line, column = self.positions.of_key(path) if at_key else self.positions.of_value(path)
        where = describe(path, self.document)
        text = f"{where}: {message}" if where else message
        return Diagnostic(code, text, self.file, line, column, value, hint, stage=stage)


def describe(path: Path, document: Any) -> str:
    """Name the part of the questionnaire a path is in: "parameter 'district', choice #3"."""
    parts: list[str] = []
    node = document
    index = 0
    while index < len(path):
        step = path[index]
        child = child_at(node, step)
        if isinstance(step, str) and step in _NAMED_LISTS and index + 1 < len(path):
            position = path[index + 1]
            item = child_at(child, position)
            ident = item.get("id") if isinstance(item, dict) else None
            noun = _NAMED_LISTS[step]
            parts.append(f"{noun} '{ident}'" if isinstance(ident, str) else
                         f"{noun} #{int(position) + 1 if isinstance(position, int) else position}")
            node = item
            index += 2
            continue
        if step == "choice_lists" and index + 1 < len(path):
            parts.append(f"choice list '{path[index + 1]}'")
            node = child_at(child, path[index + 1])
            index += 2
            continue
        if step == "choices" and index + 1 < len(path) and isinstance(path[index + 1], int):
            parts.append(f"choice #{int(path[index + 1]) + 1}")
            node = child_at(child, path[index + 1])
            index += 2
            continue
        if isinstance(node, list) and isinstance(step, int) and parts:
            parts[-1] += f"[{step + 1}]"
        elif isinstance(step, str) and not parts:
            parts.append(f"'{step}'")
        elif isinstance(step, str):
            parts.append(f"'{step}'")
        node = child
        index += 1
    return ", ".join(parts)


def child_at(node: Any, step: str | int) -> Any:
    """The value at ``step`` (a key or a list position) of ``node``; None if there is none."""
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None
