"""natid's exceptions and the diagnostics that carry authoring errors.

Every exception natid raises on purpose derives from :class:`NatidError`.
:class:`UserError` and its subclasses are meant to be shown to a person as they are;
anything else escaping natid is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.error_codes import Severity, info


@dataclass(frozen=True)
class Diagnostic:
    """One thing wrong (or worth a look) in a file, at a place, with a stable code."""

    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    value: Any = None
    hint: str = ""
    stage: int = 0
    """0 reading, 1 structure, 2 meaning: earlier stages are shown first."""

    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def severity(self) -> Severity:
        """'error' or 'warning', from the catalogue."""
        return info(self.code).severity

    @property
    def fix(self) -> str:
        """How to fix it: the specific hint, else the catalogue's general advice."""
        return self.hint or info(self.code).fix

    def location(self) -> str:
        """``file:line:col`` (or less, when the place is not known)."""
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def format(self) -> str:
        """The one-line form editors and people read: ``file:line:col: CODE message``."""
        where = self.location()
        return f"{where}: {self.code} {self.message}" if where else f"{self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for ``natid lint --format json``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "value": _jsonable(self.value),
            "fix": self.fix,
        }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value[:20]]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in list(value.items())[:20]}
    return repr(value)


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Best first: errors before warnings, earlier stages first, then by place."""
    return sorted(
        diagnostics,
        key=lambda d: (d.severity != "error", d.stage, d.file, d.line, d.column, d.code),
    )


class NatidError(Exception):
    """The base of every error natid raises on purpose."""

    code = "NATID-E090"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class UserError(NatidError):
    """An error caused by what a person gave natid; its message is fit to be shown."""


class UsageError(UserError):
    """A command or API call that natid cannot carry out as asked."""


class QuestionnaireNotFoundError(UsageError):
    """No questionnaire at that path or for that country."""

    code = "NATID-E091"


class QuestionnaireError(UserError):
    """A questionnaire that cannot be loaded; carries every diagnostic found."""

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        self.path = path
        self.diagnostics = sort_diagnostics(diagnostics)
        self.errors = [d for d in self.diagnostics if d.severity == "error"]
        self.warnings = [d for d in self.diagnostics if d.severity == "warning"]
        first = self.errors[0] if self.errors else None
        summary = first.format() if first else f"{path}: cannot be loaded"
        more = len(self.errors) - 1
        if more > 0:
            summary += f" (and {more} more error{'s' if more > 1 else ''})"
        super().__init__(summary, code=first.code if first else None)


class InternalError(NatidError):
    """Something natid itself got wrong; reported as a bug, never as the user's fault."""

    code = "NATID-E099"
