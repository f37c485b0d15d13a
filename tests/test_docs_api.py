"""docs/api.md runs: every ```python block is executed, in order, as one session.

The blocks share one namespace, like a doctest session, with the current folder at
the repository's root; a block that raises fails the test, naming the block's line
in docs/api.md. Then the page's tables are compared with what the session did:

- every public name of ``engine`` is documented;
- the table of event kinds gives the data keys of the events the session recorded;
- the tree of errors is the engine's class hierarchy, with the codes shown;
- the record shown as JSON has the keys of a real record;
- ``natid score`` prints, for the record the session wrote, what the page shows.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import traceback
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

import engine
from engine.error_codes import CATALOGUE
from engine.interview import EventKind
from tests.conftest import ROOT, run_natid
from tests.doc_blocks import Block, fenced_blocks

DOC = ROOT / "docs" / "api.md"
DOC_NAME = "docs/api.md"


@cache
def page() -> str:
    """The text of the page."""
    return DOC.read_text(encoding="utf-8")


@cache
def blocks() -> tuple[Block, ...]:
    """Every fenced block of the page, in order."""
    return fenced_blocks(DOC)


def python_blocks() -> list[Block]:
    return [block for block in blocks() if block.language == "python"]


def section(heading: str) -> str:
    """The text under the heading ``heading`` (its words exactly), up to the next heading."""
    lines = page().splitlines()
    starts = [i for i, line in enumerate(lines)
              if line.startswith("#") and line.lstrip("#").strip() == heading]
    assert len(starts) == 1, f"{DOC_NAME} needs exactly one heading with {heading!r}"
    body: list[str] = []
    for line in lines[starts[0] + 1:]:
        if line.startswith("#"):
            break
        body.append(line)
    return "\n".join(body)


def tables(heading: str) -> list[list[dict[str, str]]]:
    """Every table under ``heading``, each as rows keyed by its header cells."""
    found: list[list[dict[str, str]]] = []
    current: list[str] = []
    for line in [*section(heading).splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            header = _cells(current[0])
            found.append([dict(zip(header, _cells(row), strict=True)) for row in current[2:]])
            current = []
    return found


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _run(block: Block, namespace: dict[str, Any]) -> None:
    # Leading newlines make tracebacks give the page's own line numbers.
    code = compile("\n" * (block.line - 1) + block.text, DOC_NAME, "exec")
    exec(code, namespace)  # noqa: S102 - the page's examples are the code under test


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The namespace after every python block of the page ran, in order, from the root."""
    namespace: dict[str, Any] = {"__name__": "docs_api"}
    folder = str(tmp_path_factory.mktemp("api-doc"))
    saved_folder, saved_tempdir = os.getcwd(), tempfile.tempdir
    os.chdir(ROOT)
    tempfile.tempdir = folder
    try:
        for block in python_blocks():
            try:
                _run(block, namespace)
            except Exception as error:
                where = traceback.format_exc(limit=-3)
                pytest.fail(f"{DOC_NAME}:{block.line}: the example raised "
                            f"{type(error).__name__}: {error}\n{where}")
        yield namespace
    finally:
        os.chdir(saved_folder)
        tempfile.tempdir = saved_tempdir


def test_every_python_block_runs(session: dict[str, Any]) -> None:
    assert len(python_blocks()) >= 20
    # The session is the running example of the page.
    assert isinstance(session["interview"], engine.Interview)
    assert isinstance(session["assessment"], engine.Assessment)


def test_every_public_name_is_documented() -> None:
    missing = [name for name in engine.__all__
               if not re.search(rf"\b{re.escape(name)}\b", page())]
    assert missing == []


def test_the_event_table_is_what_interviews_record(session: dict[str, Any]) -> None:
    (kinds,) = [rows for rows in tables("Events") if rows and "Kind" in rows[0]]
    documented = {row["Kind"].strip("`"): set(re.findall(r"`(\w+)`", row["data"]))
                  for row in kinds}
    always = {row["Kind"].strip("`"): set(re.findall(r"`(\w+)`", row["data"].split(";")[0]))
              for row in kinds}
    assert set(documented) == {kind.value for kind in EventKind}
    events = [*session["interview"].events, *session["sampled"].events,
              *session["carried"].events, *session["shared"].events,
              *session["flagged"].events]
    assert {str(event.kind) for event in events} == set(documented), \
        "the page's sessions record every kind of event"
    for event in events:
        keys = set(event.data)
        if event.kind is EventKind.STARTED:
            keys |= set(event.data["questionnaire"])
        assert always[str(event.kind)] <= keys <= documented[str(event.kind)], event


def test_the_error_tree_is_the_engines() -> None:
    (tree,) = [block for block in blocks()
               if block.language == "text" and block.text.startswith("NatidError")]
    parents: list[tuple[int, type]] = []
    for line in tree.text.splitlines():
        match = re.match(r"^([│├└─\s]*)(\w+)\s+(.*)$", line)
        assert match, line
        depth, name, code = len(match.group(1)), match.group(2), match.group(3).strip()
        cls = getattr(engine, name)
        while parents and parents[-1][0] >= depth:
            parents.pop()
        if parents:
            assert cls.__bases__ == (parents[-1][1],), name
        else:
            assert cls is engine.NatidError
        if code.startswith("NATID-"):
            assert cls.code == code, name
            assert code in CATALOGUE
        parents.append((depth, cls))
    named = set(re.findall(r"\b(\w+(?:Error))\b", tree.text))
    errors = {name for name in engine.__all__ if name.endswith("Error")}
    assert named == errors


def test_the_record_shown_has_the_keys_of_a_record(session: dict[str, Any]) -> None:
    (shown,) = [block for block in blocks()
                if block.language == "json" and "natid_interview" in block.text]
    example = json.loads(shown.text)
    real = json.loads(session["interview"].to_json())
    assert set(example) == set(real)
    assert example["natid_interview"] == real["natid_interview"]
    assert set(example["questionnaire"]) == set(real["questionnaire"])
    for shown_event, real_event in zip(example["events"], real["events"], strict=False):
        assert set(shown_event) == set(real_event)
        assert shown_event["kind"] == real_event["kind"]
        assert set(shown_event["data"]) == set(real_event["data"])
        assert shown_event["officer"] == real_event["officer"]
    started = example["events"][0]["data"]
    assert {key: started[key] for key in ("interviewee_language", "officer_language", "office")} \
        == {key: real["events"][0]["data"][key]
            for key in ("interviewee_language", "officer_language", "office")}


def test_natid_score_prints_what_the_page_shows(session: dict[str, Any]) -> None:
    kinds = [block.language for block in blocks()]
    command = next(i for i, block in enumerate(blocks())
                   if block.language == "sh" and block.text.startswith("natid score"))
    assert kinds[command + 1] == "text"
    shown = blocks()[command + 1].text
    code, out, err = run_natid("score", str(session["record_path"]))
    assert (code, err) == (0, "")
    assert out.rstrip("\n") == shown
