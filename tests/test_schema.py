"""The JSON Schema is generated from the models, committed, and matches shipped files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from engine.bundled import bundled_dir
from engine.schema import SCHEMA_FILE, SCHEMAS, generate_schema, schema_text
from tests.conftest import ROOT, run_natid

COMMITTED = ROOT / "engine" / "schemas" / SCHEMA_FILE
SHIPPED = sorted(bundled_dir().glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_what_the_models_generate(name: str) -> None:
    committed = ROOT / "engine" / "schemas" / SCHEMAS[name].file
    assert committed.read_text(encoding="utf-8") == schema_text(name), (
        f"{committed.relative_to(ROOT)} is out of date: "
        f"run `natid schema {name} --force -o {committed.relative_to(ROOT)}`"
    )
    Draft202012Validator.check_schema(json.loads(committed.read_text(encoding="utf-8")))


def test_schema_is_valid_draft_2020_12_with_descriptions() -> None:
    schema = generate_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    parameter = schema["$defs"]["Parameter"]["properties"]
    # Field docstrings become descriptions that editors show while typing.
    assert "condition on earlier answers" in parameter["when"]["description"]
    assert parameter["verify"]["description"].startswith("auto, officer or consulate")


def test_natid_schema_prints_the_committed_schema(tmp_path: Path) -> None:
    code, out, err = run_natid("schema")
    assert code == 0, err
    assert json.loads(out) == json.loads(COMMITTED.read_text(encoding="utf-8"))
    target = tmp_path / "q.schema.json"
    code, _, err = run_natid("schema", "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")
    code, _, err = run_natid("schema", "-o", str(target))
    assert code == 2
    assert "exists already" in err
    code, _, err = run_natid("schema", "--force", "-o", str(target))
    assert code == 0, err


def test_natid_schema_reports_an_unwritable_output() -> None:
    code, _, err = run_natid("schema", "-o", "/nonexistent-folder/x.json")
    assert code == 2
    assert "cannot write /nonexistent-folder/x.json" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_file_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first.removeprefix(prefix)).resolve()
    assert target == _schema_of(path).resolve()


def _schema_of(path: Path) -> Path:
    name = "screening" if path.stem == "screening" else "questionnaire"
    return ROOT / "engine" / "schemas" / SCHEMAS[name].file


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_file_passes_check_jsonschema(path: Path) -> None:
    """A validator no one here wrote (check-jsonschema, on ruamel.yaml) accepts the files."""
    tool = shutil.which("check-jsonschema") or str(Path(sys.executable).parent /
                                                  "check-jsonschema")
    completed = subprocess.run(
        [tool, "--schemafile", str(_schema_of(path)), str(path)],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_check_jsonschema_rejects_what_the_schema_forbids(tmp_path: Path,
                                                          minimal_text: str) -> None:
    """The same tool fails a file with an unknown key: the schema is not a rubber stamp."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(minimal_text.replace("issued_by:", "isued_by:"), encoding="utf-8")
    tool = shutil.which("check-jsonschema") or str(Path(sys.executable).parent /
                                                  "check-jsonschema")
    completed = subprocess.run([tool, "--schemafile", str(COMMITTED), str(bad)],
                               capture_output=True, text=True, check=False, timeout=120)
    assert completed.returncode == 1
    assert "isued_by" in completed.stdout + completed.stderr
