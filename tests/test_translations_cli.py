"""``natid translations``: report, export and import from the command line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from engine.bundled import bundled_paths, bundled_screening
from engine.loader import check_file
from engine.validators.languages import localized_texts
from tests.conftest import ROOT
from tui.cli import main

MINI = ROOT / "tests" / "corpus" / "translations" / "mini.yaml"


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copyfile(MINI, path)
    return path


def _edit_po(path: Path, context: str, string: str) -> None:
    catalog = read_po(path.open("rb"))
    for message in catalog:
        if message.context == context:
            message.string = string
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    path.write_bytes(buffer.getvalue())


def test_report_on_the_bundled_questionnaires(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "translations", "report", "--format", "json")
    assert code == 0
    report = json.loads(out)
    files = [*bundled_paths(), bundled_screening()]
    assert len(report["questionnaires"]) == len(files)
    for item, path in zip(report["questionnaires"], files, strict=True):
        loaded = check_file(path)
        form = loaded.questionnaire or loaded.screening
        assert form is not None
        texts = list(localized_texts(form))
        assert item["texts"] == len(texts)
        assert item["languages"][0]["language"] == form.source_language
        for language in item["languages"]:
            written = sum(1 for _, text, _ in texts if language["language"] in text)
            assert language["translated"] == written
            assert language["missing"] == len(texts) - written
            expected = written if language["status"] == "machine" else 0
            assert language["awaiting_review"] == expected


def test_report_text_names_untranslated_texts_with_their_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "translations", "report", str(MINI))
    assert code == 0
    assert "7 texts, source language en" in out
    lines = out.splitlines()
    assert any(line.split()[:2] == ["hi", "machine"] and "6/7" in line and line.endswith(" 6")
               for line in lines)
    assert f"untranslated hi: parameters.capital.prompt ({MINI}:51)" in out
    assert sum("untranslated pa:" in line for line in lines) == 5


def test_report_json_of_the_small_questionnaire(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "translations", "report", str(MINI), "--format", "json")
    assert code == 0
    (item,) = json.loads(out)["questionnaires"]
    hindi = item["languages"][1]
    assert (hindi["translated"], hindi["missing"], hindi["awaiting_review"]) == (6, 1, 6)
    assert hindi["untranslated"] == [{"path": "parameters.capital.prompt", "line": 51}]


def test_report_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _run(capsys, "translations", "report", str(tmp_path / "none.yaml"))[0] == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    code, out, _ = _run(capsys, "translations", "report", str(broken))
    assert code == 1
    assert "NATID-E006" in out


def test_export_writes_one_file_per_language(capsys: pytest.CaptureFixture[str],
                                              mini: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "po"
    code, out, _ = _run(capsys, "translations", "export", str(mini), "-o", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["mini.hi.po", "mini.pa.po"]
    assert "6 marked fuzzy" in out
    code, _, err = _run(capsys, "translations", "export", str(mini), "-o", str(out_dir),
                        "--language", "hi")
    assert code == 2
    assert "exists already" in err
    assert _run(capsys, "translations", "export", str(mini), "-o", str(out_dir),
                "--language", "hi", "--force")[0] == 0


@pytest.mark.parametrize("language", ["en", "xx"])
def test_export_refuses_a_language_it_cannot_export(capsys: pytest.CaptureFixture[str],
                                                    mini: Path, tmp_path: Path,
                                                    language: str) -> None:
    code, _, err = _run(capsys, "translations", "export", str(mini), "-o", str(tmp_path),
                        "--language", language)
    assert code == 2
    assert f"'{language}'" in err


def test_export_of_a_bundled_questionnaire_by_country_code(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = _run(capsys, "translations", "export", "IN", "-o", str(tmp_path),
                      "--language", "pa")
    assert code == 0
    catalog = read_po((tmp_path / "in.pa.po").open("rb"))
    assert catalog.locale_identifier == "pa"


def test_import_in_place_changes_the_text(capsys: pytest.CaptureFixture[str], mini: Path,
                                          tmp_path: Path) -> None:
    _run(capsys, "translations", "export", str(mini), "-o", str(tmp_path), "--language", "hi")
    po = tmp_path / "mini.hi.po"
    _edit_po(po, "parameters.state.prompt", "आप किस राज्य में पले-बढ़े?")
    _edit_po(po, "parameters.capital.prompt", "आपके राज्य की राजधानी क्या है?")
    before = mini.read_text(encoding="utf-8")
    code, out, _ = _run(capsys, "translations", "import", str(mini), str(po))
    assert code == 0
    assert "1 texts changed, 1 added" in out
    after = mini.read_text(encoding="utf-8")
    assert "      hi: आप किस राज्य में पले-बढ़े?\n" in after
    assert after.replace("पले-बढ़े?", "बड़े हुए?").replace(
        ", hi: आपके राज्य की राजधानी क्या है?}", "}") == before
    loaded = check_file(mini, use_cache=False)
    assert loaded.ok
    assert not loaded.warnings  # the missing Hindi prompt is there now


def test_import_to_another_file_and_dry_run(capsys: pytest.CaptureFixture[str], mini: Path,
                                            tmp_path: Path) -> None:
    _run(capsys, "translations", "export", str(mini), "-o", str(tmp_path), "--language", "hi")
    po = tmp_path / "mini.hi.po"
    _edit_po(po, "title", "नया शीर्षक")
    before = mini.read_bytes()
    assert _run(capsys, "translations", "import", str(mini), str(po), "--dry-run")[0] == 0
    target = tmp_path / "new.yaml"
    assert _run(capsys, "translations", "import", str(mini), str(po), "-o", str(target))[0] == 0
    assert mini.read_bytes() == before
    assert '  hi: "नया शीर्षक"\n' in target.read_text(encoding="utf-8")  # quotes kept


def test_a_bad_po_file_writes_nothing(capsys: pytest.CaptureFixture[str], mini: Path,
                                      tmp_path: Path) -> None:
    _run(capsys, "translations", "export", str(mini), "-o", str(tmp_path), "--language", "hi")
    po = tmp_path / "mini.hi.po"
    _edit_po(po, "title", "नया शीर्षक")
    _edit_po(po, "parameters.state.help", "बिना स्थानधारक के")
    before = mini.read_bytes()
    code, out, err = _run(capsys, "translations", "import", str(mini), str(po))
    assert code == 1
    assert f"{po}:" in err
    assert "NATID-E083 parameters.state.help: the translation lost {district}" in err
    assert "nothing was written" in err
    assert "Traceback" not in out + err
    assert mini.read_bytes() == before


def test_import_usage_errors(capsys: pytest.CaptureFixture[str], mini: Path,
                             tmp_path: Path) -> None:
    assert _run(capsys, "translations", "import", str(mini), str(tmp_path / "no.po"))[0] == 2
    assert _run(capsys, "translations", "import", str(tmp_path / "no.yaml"),
                str(tmp_path / "no.po"))[0] == 2
