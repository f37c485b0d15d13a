"""The authors' guide runs: every YAML example in docs/authoring.md is checked.

- A ```yaml block whose first line is ``# natid-lint: CODE`` is a whole questionnaire
  showing a mistake: it must fail, and CODE must be its first error.
- A ```yaml block starting with ``format_version: 1`` (after any comment lines) is a
  whole questionnaire: it must load without errors (and, as the guide promises,
  without warnings other than the date-dependent NATID-W102).
- Any other ```yaml block is a fragment: natid's YAML reader must accept it.
- The lint output shown after a mistake is what ``natid lint in.yaml`` prints, and
  the JSON output shown is what ``--format json`` prints for the file before it.
- The table of codes lists exactly the catalogue's codes, with their severity.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from engine.error_codes import CATALOGUE
from engine.errors import Diagnostic, QuestionnaireError
from engine.loader import check_bytes
from engine.yaml_source import read_yaml
from tests import doc_blocks
from tests.conftest import ROOT, run_natid

GUIDE = ROOT / "docs" / "authoring.md"
GUIDE_NAME = "docs/authoring.md"
SHOWN_FILE = "in.yaml"
"""The file name the guide's lint outputs were produced with."""
DATE_DEPENDENT = {"NATID-W102"}
"""Warnings a complete example may earn with time alone (consulate details age)."""

_MISTAKE = re.compile(r"#\s*natid-lint:\s*(NATID-[EW]\d{3})\s*\Z")
_TABLE_ROW = re.compile(r"^\|\s*`?(NATID-[EW]\d{3})`?\s*\|\s*(\w+)\s*\|")


@dataclass(frozen=True)
class Block(doc_blocks.Block):
    """One fenced code block of the guide."""

    @property
    def name(self) -> str:
        """How diagnostics name the block: the guide and the line."""
        return f"{GUIDE_NAME}:{self.line}"

    @property
    def data(self) -> bytes:
        """The block as the bytes of a file."""
        return (self.text + "\n").encode("utf-8")

    @property
    def expected_code(self) -> str | None:
        """For a mistake: the code it must produce first."""
        first = self.text.split("\n", 1)[0]
        match = _MISTAKE.match(first.strip())
        return match.group(1) if match else None

    @property
    def is_complete(self) -> bool:
        """Whether the block is a whole questionnaire (it starts with format_version)."""
        for line in self.text.splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            return stripped == "format_version: 1"
        return False


@cache
def blocks() -> tuple[Block, ...]:
    """Every fenced block of the guide, in order."""
    return tuple(Block(b.language, b.line, b.text) for b in doc_blocks.fenced_blocks(GUIDE))


def yaml_blocks() -> list[Block]:
    """The ```yaml blocks."""
    return [block for block in blocks() if block.language == "yaml"]


def mistakes() -> list[Block]:
    """Whole questionnaires that show a mistake."""
    return [block for block in yaml_blocks() if block.expected_code]


def complete() -> list[Block]:
    """Whole, valid questionnaires."""
    return [block for block in yaml_blocks() if not block.expected_code and block.is_complete]


def fragments() -> list[Block]:
    """Parts of a questionnaire."""
    return [block for block in yaml_blocks()
            if not block.expected_code and not block.is_complete]


def _ids(items: list[Block]) -> list[str]:
    return [f"line-{block.line}" for block in items]


def _listing(block: Block, diagnostics: list[Diagnostic]) -> str:
    """The diagnostics, each placed at its line of the guide."""
    lines = []
    for item in diagnostics:
        where = (f"{GUIDE_NAME}:{block.line + item.line - 1}:{item.column}" if item.line
                 else block.name)
        lines.append(f"  {where}: {item.code} {item.message}\n      fix: {item.fix}")
    return "\n".join(lines)


def _following(block: Block) -> Block | None:
    """The fenced block right after ``block`` (None at the end)."""
    every = blocks()
    position = every.index(block)
    return every[position + 1] if position + 1 < len(every) else None


# The examples -----------------------------------------------------------------------


def test_the_guide_has_examples_of_every_sort() -> None:
    assert complete(), "the guide has no complete questionnaire"
    assert mistakes(), "the guide shows no mistake"
    assert fragments(), "the guide has no fragments"
    first = complete()[0]
    assert first.text.startswith("# yaml-language-server: $schema="), (
        f"{first.name}: the first complete example must start with the schema line"
    )


@pytest.mark.parametrize("block", complete(), ids=_ids(complete()))
def test_complete_example_loads_without_errors(block: Block) -> None:
    result = check_bytes(block.data, block.name, use_cache=False)
    assert not result.errors, (
        f"{block.name}: this example must load, but natid reports:\n"
        f"{_listing(block, result.diagnostics)}"
    )
    assert result.ok


@pytest.mark.parametrize("block", complete(), ids=_ids(complete()))
def test_complete_example_has_no_warnings(block: Block) -> None:
    result = check_bytes(block.data, block.name, use_cache=False)
    warnings = [item for item in result.warnings if item.code not in DATE_DEPENDENT]
    assert not warnings, (
        f"{block.name}: the guide's examples are models, but natid warns:\n"
        f"{_listing(block, warnings)}"
    )


@pytest.mark.parametrize("block", mistakes(), ids=_ids(mistakes()))
def test_mistake_fails_with_the_code_it_names(block: Block) -> None:
    expected = block.expected_code
    assert expected in CATALOGUE, f"{block.name}: {expected} is not in the catalogue"
    result = check_bytes(block.data, block.name, use_cache=False)
    assert result.errors, f"{block.name}: this mistake must fail, but the file loads"
    assert result.errors[0].code == expected, (
        f"{block.name}: the first error should be {expected}; natid reports:\n"
        f"{_listing(block, result.diagnostics)}"
    )
    assert not result.ok


@pytest.mark.parametrize("block", fragments(), ids=_ids(fragments()))
def test_fragment_is_valid_yaml(block: Block) -> None:
    try:
        read_yaml(block.data, block.name)
    except QuestionnaireError as error:
        pytest.fail(f"{block.name}: natid cannot read this fragment:\n"
                    f"{_listing(block, error.diagnostics)}")


# The outputs shown -------------------------------------------------------------------


def _lint(block: Block, folder: Path, *options: str) -> tuple[int, str]:
    """Run ``natid lint`` as a user would, on the block saved as the guide's file."""
    (folder / SHOWN_FILE).write_bytes(block.data)
    code, out, err = run_natid("lint", "--no-cache", *options, SHOWN_FILE, cwd=folder)
    assert "Traceback" not in err, err
    return code, out


@pytest.mark.parametrize("block", mistakes(), ids=_ids(mistakes()))
def test_output_shown_after_a_mistake_is_what_natid_prints(block: Block,
                                                           tmp_path: Path) -> None:
    shown = _following(block)
    assert shown is not None and shown.language == "text", (
        f"{block.name}: show what natid lint prints, in a ```text block right after"
    )
    code, out = _lint(block, tmp_path)
    assert code == 1, f"{block.name}: natid lint should exit 1 for a mistake, not {code}"
    printed = [line for line in out.splitlines() if line.strip()]
    actual = [line for line in shown.text.splitlines() if line.strip()]
    assert actual == printed, (
        f"{shown.name}: the output shown is not what `natid lint {SHOWN_FILE}` prints "
        "for the example above; it prints:\n" + "\n".join(printed)
    )


def test_json_output_shown_is_what_natid_prints(tmp_path: Path) -> None:
    shown = [block for block in blocks() if block.language == "json"]
    assert len(shown) == 1, "the guide shows one example of JSON output"
    before = [block for block in mistakes() if block.line < shown[0].line]
    assert before, "the JSON output must follow the example it belongs to"
    _, out = _lint(before[-1], tmp_path, "--format", "json")
    assert json.loads(shown[0].text) == json.loads(out), (
        f"{shown[0].name}: the JSON shown is not what `natid lint --format json "
        f"{SHOWN_FILE}` prints for the example at line {before[-1].line}; it prints:\n{out}"
    )


# The table of codes and the schema line ------------------------------------------------


def _table() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        match = _TABLE_ROW.match(line)
        if match:
            assert match.group(1) not in rows, f"{match.group(1)} appears twice in the table"
            rows[match.group(1)] = match.group(2)
    return rows


def test_every_catalogue_code_is_in_the_guide_table() -> None:
    missing = sorted(set(CATALOGUE) - set(_table()))
    assert not missing, f"add these codes to the table in {GUIDE_NAME}: {', '.join(missing)}"


def test_the_guide_table_lists_no_code_natid_does_not_have() -> None:
    extra = sorted(set(_table()) - set(CATALOGUE))
    assert not extra, f"remove these codes from the table in {GUIDE_NAME}: {', '.join(extra)}"


def test_the_guide_table_gives_each_code_its_severity() -> None:
    wrong = {code: kind for code, kind in _table().items()
             if code in CATALOGUE and CATALOGUE[code].severity != kind}
    assert not wrong, f"wrong type in the table of {GUIDE_NAME}: {wrong}"


def test_schema_paths_in_the_guide_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    paths = set(re.findall(r"\$schema=(\.\./\S+)", text))
    assert paths, "the guide shows the schema line"
    for path in paths:
        # The relative path is written for a file in the questionnaires/ folder.
        assert (ROOT / "questionnaires" / Path(path)).resolve().is_file(), path
