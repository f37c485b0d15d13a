"""Shared test setup: a private cache folder, the repository root, small questionnaires."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Tests never write to the user's real cache; subprocesses inherit this too.
os.environ["NATID_CACHE_DIR"] = tempfile.mkdtemp(prefix="natid-test-cache-")
# Nor to the user's real master keys: each store's key file goes in a folder of the session.
os.environ["NATID_KEY_DIR"] = tempfile.mkdtemp(prefix="natid-test-keys-")
for _variable in ("NATID_KEY_FILE", "NATID_MASTER_KEY", "NATID_ROLE"):
    os.environ.pop(_variable, None)

MINIMAL = """\
format_version: 1
country: IN
title: {en: Minimal, hi: न्यूनतम}
version: "1"
issued_by: Test authority
source_language: en
languages:
  en: {status: source}
  hi: {status: machine}
rule: {confirmations_required: 1}
choice_lists:
  states:
    - {value: PB, label: {en: Punjab, hi: पंजाब}}
    - {value: DL, label: {en: Delhi, hi: दिल्ली}}
parameters:
  - id: state
    kind: choice
    choices: states
    prompt: {en: "Which state?", hi: "कौन सा राज्य?"}
    evidence: presumption
    verify: officer
  - id: capital
    kind: text
    prompt: {en: "Its capital?", hi: "उसकी राजधानी?"}
    evidence: knowledge
    domain: geography
    verify: auto
    answer_key:
      depends_on: state
      cases:
        PB: [Chandigarh]
        DL: [New Delhi]
"""


@pytest.fixture
def minimal_text() -> str:
    """A small valid questionnaire, as YAML text."""
    return MINIMAL


def run_natid(*arguments: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    """Run ``natid`` in a subprocess as a user would; return (exit code, stdout, stderr)."""
    import subprocess

    completed = subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=120,
    )
    return completed.returncode, completed.stdout, completed.stderr


# The test PostgreSQL server and the store fixtures that run on both backends.
from tests.postgres_server import (  # noqa: E402
    postgres,  # noqa: F401
    postgres_url,  # noqa: F401
    pytest_terminal_summary,  # noqa: F401
)
from tests.store_backends import backend  # noqa: E402, F401
