"""The questionnaires shipped with natid, and finding one by path or country code."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import QuestionnaireNotFoundError

if TYPE_CHECKING:
    from engine.model import Screening

SHARED = frozenset({"screening"})
"""Bundled files that are not a country's questionnaire."""


def bundled_dir() -> Path:
    """The folder holding the bundled questionnaires."""
    spec = importlib.util.find_spec("questionnaires")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "questionnaires"  # pragma: no cover


def bundled_paths() -> list[Path]:
    """Every bundled country questionnaire, sorted by file name."""
    return sorted(path for path in bundled_dir().glob("*.yaml") if path.stem not in SHARED)


def bundled_screening() -> Path:
    """The shared protection screening every interview begins with."""
    return bundled_dir() / "screening.yaml"


def default_screening() -> tuple[Screening, str]:
    """The bundled protection screening and the sha256 of its file.

    Raises:
        engine.errors.QuestionnaireError: the file has authoring errors.
    """
    from engine.loader import check_file

    result = check_file(bundled_screening())
    return result.unwrap_screening(), result.content_hash


def find_questionnaire(name: str | Path) -> Path:
    """A questionnaire file from a path, or from a country code such as 'IN' or 'in'.

    Raises:
        QuestionnaireNotFoundError: no such file and no bundled questionnaire for it.
    """
    path = Path(name)
    if path.is_file():
        return path
    text = str(name)
    if len(text) == 2 and text.isalpha():
        candidate = bundled_dir() / f"{text.lower()}.yaml"
        if candidate.is_file():
            return candidate
    available = ", ".join(p.stem.upper() for p in bundled_paths())
    if path.exists():
        raise QuestionnaireNotFoundError(f"{name}: not a file")
    raise QuestionnaireNotFoundError(
        f"{name}: no such file, and no bundled questionnaire for that country "
        f"(bundled: {available})"
    )
