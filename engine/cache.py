"""A cache of validated questionnaires, keyed by the content of their files.

A questionnaire whose bytes have not changed is not parsed or checked again: the
validated model is kept in memory for this process and as JSON in the user's cache
folder for the next one. The key covers the file's bytes, natid's version, the schema
and the day (so warnings about stale consulate details stay current); a changed file
simply misses. A damaged or unreadable cache entry is ignored and rewritten.

``NATID_CACHE_DIR`` moves the on-disk cache; ``NATID_CACHE=off`` disables it.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from engine.errors import Diagnostic
from engine.model import Form, Questionnaire, Screening
from engine.schema import committed_schema
from engine.version import __version__

CacheEntry = tuple[Form, list[Diagnostic]]
_MEMORY: dict[str, CacheEntry] = {}
_MEMORY_LIMIT = 64


@cache
def _code_version() -> str:
    schema = json.dumps([committed_schema(), committed_schema("screening")],
                        sort_keys=True).encode()
    return f"{__version__}-{hashlib.sha256(schema).hexdigest()[:16]}"


def cache_key(content_hash: str) -> str:
    """The key for a file whose bytes hash to ``content_hash``."""
    material = f"{content_hash}|{_code_version()}|{datetime.date.today().isoformat()}"
    return hashlib.sha256(material.encode()).hexdigest()


def cache_dir() -> Path | None:
    """Where cached questionnaires are written, or None when caching on disk is off."""
    if os.environ.get("NATID_CACHE", "").lower() in {"off", "0", "no", "false"}:
        return None
    configured = os.environ.get("NATID_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("natid", appauthor=False)) / "questionnaires"


def get(key: str) -> CacheEntry | None:
    """The cached questionnaire and warnings for ``key``, if any."""
    entry = _MEMORY.get(key)
    if entry is not None:
        return entry
    folder = cache_dir()
    if folder is None:
        return None
    try:
        raw = (folder / f"{key}.json").read_bytes()
        first, _, rest = raw.partition(b"\n")
        header = json.loads(first)
        warnings = [Diagnostic(**item) for item in header["warnings"]]
        model = Screening if header["kind"] == "screening" else Questionnaire
        questionnaire: Form = model.model_validate_json(rest)
    except (OSError, ValueError, KeyError, TypeError, LookupError, RecursionError):
        return None
    entry = (questionnaire, warnings)
    _remember(key, entry)
    return entry


def put(key: str, questionnaire: Form, warnings: list[Diagnostic]) -> None:
    """Keep a validated questionnaire; failing to write the disk cache is not an error."""
    _remember(key, (questionnaire, warnings))
    folder = cache_dir()
    if folder is None:
        return
    # Line 1: the kind and the warnings; the rest: the model, read back by pydantic directly.
    header = {"kind": "screening" if isinstance(questionnaire, Screening) else "questionnaire",
              "warnings": [_plain(item) for item in warnings]}
    payload = (json.dumps(header, ensure_ascii=False) + "\n"
               + questionnaire.model_dump_json(by_alias=True))
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(payload)
            os.replace(temporary, folder / f"{key}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def clear_memory() -> None:
    """Forget what this process cached (the disk cache stays)."""
    _MEMORY.clear()


def _remember(key: str, entry: CacheEntry) -> None:
    if len(_MEMORY) >= _MEMORY_LIMIT:
        _MEMORY.pop(next(iter(_MEMORY)))
    _MEMORY[key] = entry


def _plain(item: Diagnostic) -> dict[str, Any]:
    return {
        "code": item.code, "message": item.message, "file": "", "line": item.line,
        "column": item.column, "value": item.to_dict()["value"], "hint": item.hint,
        "stage": item.stage,
    }
