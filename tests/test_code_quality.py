"""The code keeps its conventions: ruff, mypy strict on engine/, dependency direction."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from engine.error_codes import CATALOGUE
from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def test_ruff_is_clean() -> None:
    completed = subprocess.run([str(BIN / "ruff"), "check", "engine", "tui", "tests", "dev.py"],
                               cwd=ROOT, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_mypy_strict_on_engine_is_clean() -> None:
    completed = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True,
                               check=False, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_never_imports_the_ui() -> None:
    for path in (ROOT / "engine").rglob("*.py"):
        forbidden = imported_modules(path) & {"tui", "textual", "rich"}
        assert not forbidden, f"{path.relative_to(ROOT)} imports {forbidden}"


def test_every_catalogue_code_is_used_and_every_used_code_is_catalogued() -> None:
    used: set[str] = set()
    for folder in ("engine", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name != "error_codes.py":
                used.update(re.findall(r"NATID-[EW]\d{3}", path.read_text(encoding="utf-8")))
    assert used <= set(CATALOGUE), used - set(CATALOGUE)
    assert set(CATALOGUE) <= used, f"catalogued but never raised: {set(CATALOGUE) - used}"
