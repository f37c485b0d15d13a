"""``natid lint``, ``natid`` with no command, exit codes and startup weight."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_natid
from tests.import_probe import heavy_imports_after_lint


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0_with_a_summary(tmp_path: Path, minimal_text: str) -> None:
    path = write(tmp_path, "q.yaml", minimal_text)
    code, out, err = run_natid("lint", str(path))
    assert code == 0, out + err
    assert f"{path}: ok — Minimal (IN) v1: 2 parameters, rule 1 confirmations" in out
    assert "0 errors, 0 warnings" in out


def test_authoring_error_exits_1_with_place_code_and_fix(tmp_path: Path,
                                                         minimal_text: str) -> None:
    path = write(tmp_path, "q.yaml", minimal_text.replace("choices: states",
                                                          "choices: statez"))
    code, out, _ = run_natid("lint", str(path))
    assert code == 1
    assert (f"{path}:18:14: NATID-E028 parameter 'state', 'choices': unknown choice list "
            "'statez' — did you mean 'states'?") in out
    assert "    fix: define it under 'choice_lists:' or correct the name" in out
    assert "NOT LOADED" in out


def test_every_error_is_collected(tmp_path: Path, minimal_text: str) -> None:
    text = (minimal_text.replace("prompt: {en: \"Which state?\"", "promt: {en: \"Which state?\"")
            .replace("evidence: knowledge", "evidence: strong"))
    code, out, _ = run_natid("lint", "--format", "json", str(write(tmp_path, "q.yaml", text)))
    assert code == 1
    found = [(d["code"], d["line"]) for d in json.loads(out)["files"][0]["diagnostics"]]
    # The misspelt key, at the key; the 'prompt' it should have been is the same mistake.
    assert found == [("NATID-E011", 19), ("NATID-E014", 25)]
    message = json.loads(out)["files"][0]["diagnostics"][0]["message"]
    assert message.endswith("unknown key 'promt' — did you mean 'prompt'?")


def test_json_output_for_editors(tmp_path: Path, minimal_text: str) -> None:
    good = write(tmp_path, "good.yaml", minimal_text)
    bad = write(tmp_path, "bad.yaml", minimal_text.replace("version: \"1\"", "version: 1"))
    code, out, _ = run_natid("lint", "--format", "json", str(good), str(bad))
    assert code == 1
    report = json.loads(out)
    assert report["errors"] == 1
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["good.yaml"]["ok"] is True
    assert files["good.yaml"]["summary"]["parameters"] == 2
    assert len(files["good.yaml"]["content_hash"]) == 64
    (diagnostic,) = files["bad.yaml"]["diagnostics"]
    assert diagnostic == {
        "code": "NATID-E013", "severity": "error", "file": str(bad), "line": 4, "column": 10,
        "message": "'version': expected text, found the number 1", "value": 1,
        "fix": "write the kind of value shown (text, number, list or mapping)",
    }


def test_missing_path_is_a_usage_error_but_others_are_still_checked(
        tmp_path: Path, minimal_text: str) -> None:
    good = write(tmp_path, "good.yaml", minimal_text)
    code, out, err = run_natid("lint", str(good), str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml: no such file or folder" in err
    assert "good.yaml: ok" in out


def test_a_folder_is_checked_file_by_file(tmp_path: Path, minimal_text: str) -> None:
    write(tmp_path, "a.yaml", minimal_text)
    write(tmp_path, "b.yml", minimal_text)
    code, out, _ = run_natid("lint", str(tmp_path))
    assert code == 0
    assert "2 files checked: 0 errors, 0 warnings" in out


def test_warnings_as_errors(tmp_path: Path, minimal_text: str) -> None:
    path = write(tmp_path, "q.yaml", minimal_text.replace(", hi: न्यूनतम}", "}"))
    code, out, _ = run_natid("lint", str(path))
    assert code == 0
    assert "NATID-W101 'title': no text in 'hi'" in out
    code, _, _ = run_natid("lint", "--warnings-as-errors", str(path))
    assert code == 1


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run_natid("lint", "--bogus")
    assert code == 2
    assert "unrecognized arguments: --bogus" in err


def test_no_command_checks_the_bundled_questionnaires() -> None:
    code, out, err = run_natid()
    assert code == 0, out + err
    assert "natid: checking the bundled questionnaires" in out
    assert "in.yaml: ok — " in out
    assert "ht.yaml: ok — " in out


def test_bundled_questionnaires_lint_clean() -> None:
    code, out, _ = run_natid("lint", "--format", "json", "--warnings-as-errors")
    assert code == 0, out
    report = json.loads(out)
    assert {Path(f["path"]).name for f in report["files"]} >= {"in.yaml", "ht.yaml"}


def test_lint_and_help_do_not_import_textual_or_langdetect() -> None:
    heavy, _ = heavy_imports_after_lint()
    assert heavy == []


def test_a_crash_is_reported_without_a_traceback(tmp_path: Path) -> None:
    """An unexpected fault says so in words and exits 70, no Python traceback."""
    probe = (
        "import sys\n"
        "import tui.commands.lint as lint\n"
        "def broken(options):\n"
        "    raise RuntimeError('disk on fire')\n"
        "lint.run = broken\n"
        "from tui.cli import main\n"
        "sys.exit(main(['lint']))\n"
    )
    completed = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                               text=True, check=False, timeout=120)
    assert completed.returncode == 70
    assert "internal error (NATID-E099): RuntimeError: disk on fire" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_unquoted_yaml_1_1_values_are_a_warning(tmp_path: Path, minimal_text: str) -> None:
    path = write(tmp_path, "q.yaml", minimal_text.replace("country: IN", "country: NO"))
    code, out, _ = run_natid("lint", str(path))
    assert code == 0
    assert (f"{path}:2:10: NATID-W104 'NO' is text here, but tools that read YAML 1.1 "
            "(PyYAML, some editors) take it as false") in out
    assert ('    fix: write false if you mean yes or no, or "NO" in quotes if you mean the '
            'text') in out
