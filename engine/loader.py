"""Load a questionnaire: read, check structure, build the model, check meaning.

The stages run in order and each stops the ones after it when it finds errors,
because later checks cannot make sense of a broken structure; within a stage every
error is collected. Nothing here raises a third-party exception: problems with the
file become :class:`~engine.errors.Diagnostic` objects.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from engine import cache
from engine.errors import (
    Diagnostic,
    QuestionnaireError,
    QuestionnaireNotFoundError,
    sort_diagnostics,
)
from engine.locate import Locator
from engine.model import Form, Questionnaire, Screening
from engine.structure import check_structure, found
from engine.validators import check_meaning
from engine.yaml_source import MAX_BYTES, read_yaml


@dataclass(frozen=True)
class LoadResult:
    """What loading one file gave: the questionnaire (when valid) and every diagnostic."""

    path: str
    content_hash: str
    questionnaire: Questionnaire | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    screening: Screening | None = None
    """The protection screening, when the file is one (it has 'flags')."""

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that prevent loading."""
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics worth a look that do not prevent loading."""
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when the questionnaire (or the screening) loaded."""
        return self.questionnaire is not None or self.screening is not None

    def unwrap(self) -> Questionnaire:
        """The questionnaire, or :class:`QuestionnaireError` with every diagnostic."""
        if self.questionnaire is None:
            raise QuestionnaireError(self.path, self.diagnostics or [_not_a(
                self.path, "the protection screening, not a country questionnaire")])
        return self.questionnaire

    def unwrap_screening(self) -> Screening:
        """The protection screening, or :class:`QuestionnaireError` with every diagnostic."""
        if self.screening is None:
            raise QuestionnaireError(self.path, self.diagnostics or [_not_a(
                self.path, "a country questionnaire, not the protection screening")])
        return self.screening


def check_file(path: str | Path, *, use_cache: bool = True) -> LoadResult:
    """Read and check the questionnaire at ``path``.

    Raises:
        QuestionnaireNotFoundError: ``path`` does not exist or is not a file.
    """
    name = str(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise QuestionnaireNotFoundError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise QuestionnaireNotFoundError(f"{name}: is a folder, not a file") from None
    except OSError as error:
        diagnostic = Diagnostic("NATID-E001", f"cannot be read: {error.strerror or error}",
                                name)
        return LoadResult(name, "", None, [diagnostic])
    return check_bytes(data, name, use_cache=use_cache)


def check_bytes(data: bytes, name: str = "<questionnaire>", *,
                use_cache: bool = True) -> LoadResult:
    """Check the bytes of a questionnaire file; ``name`` is used in diagnostics."""
    content_hash = hashlib.sha256(data).hexdigest()
    key = cache.cache_key(content_hash) if use_cache else ""
    if use_cache:
        entry = cache.get(key)
        if entry is not None:
            form, warnings = entry
            named = [dataclasses.replace(item, file=name) for item in warnings]
            return _result(name, content_hash, form, named)
    loaded, diagnostics = _load(data, name)
    diagnostics = sort_diagnostics(diagnostics)
    if loaded is not None and use_cache:
        cache.put(key, loaded, diagnostics)
    return _result(name, content_hash, loaded, diagnostics)


def _result(name: str, content_hash: str, form: Form | None,
            diagnostics: list[Diagnostic]) -> LoadResult:
    return LoadResult(name, content_hash,
                      form if isinstance(form, Questionnaire) else None, diagnostics,
                      screening=form if isinstance(form, Screening) else None)


def _not_a(name: str, what: str) -> Diagnostic:
    return Diagnostic("NATID-E017", f"this file is {what}", name, stage=1)


def load_questionnaire(path: str | Path) -> Questionnaire:
    """The valid questionnaire at ``path``.

    Raises:
        QuestionnaireNotFoundError: no such file.
        QuestionnaireError: the file has authoring errors (all of them are attached).
    """
    return check_file(path).unwrap()


def load_screening(path: str | Path) -> Screening:
    """The valid protection screening at ``path`` (questionnaires/screening.yaml).

    Raises:
        QuestionnaireNotFoundError: no such file.
        QuestionnaireError: the file has authoring errors, or is not a screening.
    """
    return check_file(path).unwrap_screening()


def _load(data: bytes, name: str) -> tuple[Form | None, list[Diagnostic]]:
    try:
        document = read_yaml(data, name)
    except QuestionnaireError as error:
        return None, error.diagnostics
    locator = Locator(name, document.value, document.positions)
    notes = [_yaml11_note(name, line, column, text, what)
             for (line, column), text, what in document.ambiguous]
    if not isinstance(document.value, dict):
        return None, [*notes, locator.diagnostic(
            "NATID-E017", (), f"the file holds {found(document.value)}, not a questionnaire",
            value=None, stage=1)]
    # The screening is told apart by its flags; everything else is a questionnaire.
    kind = "screening" if "flags" in document.value else "questionnaire"
    problems = check_structure(locator, kind)
    if problems:
        return None, notes + problems
    model = Screening if kind == "screening" else Questionnaire
    try:
        form: Form = model.model_validate(document.value)
    except ValidationError as error:
        return None, notes + _from_pydantic(error, locator)
    diagnostics = notes + check_meaning(form, locator)
    if any(item.severity == "error" for item in diagnostics):
        return None, diagnostics
    return form, diagnostics


def _yaml11_note(name: str, line: int, column: int, text: str, what: str) -> Diagnostic:
    """W104: a plain value that YAML 1.1 tools read differently from natid."""
    if what == "an octal number":
        here, hint = f"the number {int(text)}", f'write "{text}" in quotes if it is a code'
    elif what in {"true", "false"}:
        here = "text"
        hint = f'write {what} if you mean yes or no, or "{text}" in quotes if you mean the text'
    else:
        here, hint = "text", f'write it in quotes: "{text}"'
    return Diagnostic("NATID-W104", f"'{text}' is {here} here, but tools that read YAML 1.1 "
                      f"(PyYAML, some editors) take it as {what}", name, line, column, text,
                      hint, stage=0)


_PYDANTIC_CODES = {"missing": "NATID-E012", "extra_forbidden": "NATID-E011"}


def _from_pydantic(error: ValidationError, locator: Locator) -> list[Diagnostic]:
    """Diagnostics for what pydantic found after the schema passed (bad dates, mostly)."""
    diagnostics = []
    for item in error.errors(include_url=False):
        path = _document_path(locator.document, item["loc"])
        kind = str(item["type"])
        code = _PYDANTIC_CODES.get(kind, "NATID-E013" if kind.endswith("_type") else "NATID-E014")
        message, hint = str(item["msg"]), ""
        if kind.startswith("date"):
            message = f"'{item.get('input')}' is not a date of the calendar"
            hint = "write the date as YYYY-MM-DD, e.g. 2026-11-01"
        elif kind == "finite_number":
            message = "this number must be finite (not .inf or .nan)"
        diagnostics.append(locator.diagnostic(code, path, message, value=item.get("input"),
                                              hint=hint, stage=1))
    return diagnostics


def _document_path(document: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that exist in the document."""
    path: list[str | int] = []
    node = document
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
    return tuple(path)
