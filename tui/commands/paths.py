"""Which questionnaire files a command is given: files, folders of them, or the bundled ones."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path) -> Path:
    """The path as its author knows it: relative to the current folder when inside it."""
    here = Path.cwd()
    absolute = path.absolute()
    return absolute.relative_to(here) if absolute.is_relative_to(here) else path


def bundled() -> list[Path]:
    """The bundled questionnaires and the screening, as :func:`shown` names them."""
    from engine.bundled import bundled_paths, bundled_screening

    return [shown(path) for path in [*bundled_paths(), bundled_screening()]]


def questionnaire_paths(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """(the files named — a folder: its .yaml files; none: every bundled one, what is missing)."""
    from engine.errors import QuestionnaireNotFoundError

    if not arguments:
        return bundled(), []
    paths: list[Path] = []
    missing: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(entry for entry in [*path.glob("*.yaml"), *path.glob("*.yml")]
                                if entry.is_file()))
        elif path.is_file():
            paths.append(path)
        else:
            missing.append(str(QuestionnaireNotFoundError(f"{argument}: no such file or folder")))
    return paths, missing
