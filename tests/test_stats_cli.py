"""``natid stats``, ``natid stats rebuild``, ``natid request-sent`` and ``request-answer``.

The workbook is read back with openpyxl and its counts compared with a count made from
the cases; every bad input ends in one line and its documented exit code.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest

from engine.store import open_store
from tests.conftest import run_natid
from tests.test_stats import CASES, Case, expected, record


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding every case (three of them twice over, to pass the threshold)."""
    path = tmp_path_factory.mktemp("stats") / "natid.db"
    with open_store(path) as store:
        made = [(case, record(store, case)) for case in [*CASES, *CASES[:3]]]
    (path.parent / "expected.json").write_text(json.dumps(
        [{**{k: str(v) for k, v in expected(case, interview).items()}, "id": interview.id}
         for case, interview in made]))
    return path


def wanted(db: Path) -> list[dict[str, str]]:
    loaded: list[dict[str, str]] = json.loads((db.parent / "expected.json").read_text())
    return loaded


def test_the_workbook_opens_and_holds_the_counts(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "rcm.xlsx"
    code, _out, err = run_natid("stats", "--period", "2025Q1", "--by", "presumed_nationality",
                                "--format", "xlsx", "-o", str(target), "--no-suppression",
                                "--db", str(db))
    assert code == 0, err
    book = load_workbook(target)
    assert book.sheetnames == ["2025Q1"]
    sheet = book["2025Q1"]
    cells = list(sheet.iter_rows(values_only=True))
    assert "NOT SUPPRESSED" in str(cells[1][0])
    header = next(index for index, line in enumerate(cells) if line[0] == "Presumed nationality")
    body = {line[0]: line[1] for line in cells[header + 1:] if line[0]}
    inside = [w for w in wanted(db) if w["day"] < "2025-04-01"]
    counted = Counter(w["presumed"] for w in inside)
    assert body.get("India", 0) == counted["IN"]
    assert body.get("Unknown nationality", 0) == counted["unknown"]
    assert body["Total"] == len(inside)


def test_a_range_gives_one_sheet_per_quarter_and_small_cells_are_x(db: Path,
                                                                   tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "half.xlsx"
    code, _out, err = run_natid("stats", "--from", "2025-01-01", "--to", "2025-06-30",
                                "--by", "presumed_nationality,country_of_interview",
                                "--format", "xlsx", "-o", str(target), "--db", str(db))
    assert code == 0, err
    book = load_workbook(target)
    assert book.sheetnames == ["2025Q1", "2025Q2"]
    values = [value for line in book["2025Q2"].iter_rows(values_only=True) for value in line]
    assert "x" in values  # the one interview of the second quarter
    assert 1 not in values


def test_json_and_csv_carry_codes_labels_and_the_note(db: Path) -> None:
    code, out, err = run_natid("stats", "--period", "2025Q1", "--by", "sex", "--format",
                               "json", "--language", "es", "--db", str(db))
    assert code == 0, err
    document = json.loads(out)
    assert document["suppression"] == {"applied": True, "threshold": 5,
                                       "note": document["suppression"]["note"]}
    total = next(line for line in document["lines"] if line["keys"]["sex"]["code"] == "total")
    inside = [w for w in wanted(db) if w["day"] < "2025-04-01"]
    assert total["figures"]["interviews"] == len(inside)
    code, out, err = run_natid("stats", "--period", "2025Q1", "--format", "csv",
                               "--threshold", "3", "--db", str(db))
    assert code == 0, err
    header = out.splitlines()[0].split(",")
    assert header[:5] == ["period", "first_day", "last_day", "presumed_nationality",
                          "presumed_nationality_label"]
    assert "Gurpreet" not in out and "Tapachula" not in out


def test_no_personal_data_in_any_output(db: Path) -> None:
    code, out, err = run_natid("stats", "--period", "2025Q1", "--by", "office",
                               "--no-suppression", "--db", str(db))
    assert code == 0, err
    for personal in ("Gurpreet", "Sandhu", "Nakodar", "A. López"):
        assert personal not in out
    assert "Tapachula" in out  # the office is a place of the authority, not of the person


def test_rebuild_and_missing_rows_warning(tmp_path: Path) -> None:
    path = tmp_path / "natid.db"
    with open_store(path) as store:
        record(store, Case())
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM interview_stats")
    connection.commit()
    connection.close()
    code, _out, err = run_natid("stats", "--period", "2025Q1", "--db", str(path))
    assert code == 1 and "natid stats rebuild" in err
    code, out, err = run_natid("stats", "rebuild", "--db", str(path))
    assert code == 0, err
    assert "1 interview(s) rebuilt" in out
    code, out, err = run_natid("stats", "--period", "2025Q1", "--db", str(path))
    assert code == 0, err
    assert "Total" in out


def test_request_sent_and_answer_from_the_command_line(tmp_path: Path) -> None:
    from engine.request.build import prepare_request, record_prepared

    path = tmp_path / "natid.db"
    with open_store(path) as store:
        interview = record(store, Case())
        record_prepared(interview, prepare_request(interview, officer="A",
                                                   interviewing_country="MX", consulate=None,
                                                   language="es"), officer="A")
    db = ("--db", str(path))
    code, _out, err = run_natid("request-answer", interview.id[:8], "--answer", "issued",
                                "--on", "2025-03-01", "--officer", "B. Ruiz", *db)
    assert code == 1 and "not recorded as sent" in err
    code, out, err = run_natid("request-sent", interview.id[:8], "--on", "2025-02-11",
                               "--officer", "B. Ruiz", *db)
    assert code == 0, err
    code, _out, err = run_natid("request-answer", interview.id[:8], "--answer", "issued",
                                "--on", "1 March", "--officer", "B. Ruiz", *db)
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, err = run_natid("request-answer", interview.id[:8], "--answer", "issued",
                               "--on", "2025-03-01", "--officer", "B. Ruiz", *db)
    assert code == 0, err
    code, out, err = run_natid("stats", "--period", "2025Q1", "--format", "json",
                               "--no-suppression", *db)
    total = json.loads(out)["lines"][-1]["figures"]
    assert (total["certificates_issued"], total["median_days_to_certificate"]) == (1, 18)


@pytest.mark.parametrize(("arguments", "exit_code", "message"), [
    (("--period", "2024Q2"), 1, "no interview was held in 2024Q2"),
    (("--period", "2025Q5"), 2, "write a quarter as 2026Q3"),
    (("--from", "2025-06-01", "--to", "2025-01-01"), 2, "comes after --to"),
    (("--from", "2025-06-31", "--to", "2025-07-01"), 2, "not a day"),
    (("--from", "2025-06-01"), 2, "needs both --from and --to"),
    (("--by", "nationality"), 2, "did you mean 'presumed_nationality'"),
    (("--by", "sex,age_band,child"), 2, "one or two groupings"),
    (("--format", "xlsx"), 2, "needs a file"),
    (("--language", "de"), 2, "--language de"),
    (("--threshold", "0"), 2, "1 or more"),
    (("--threshold", "3", "--no-suppression"), 2, "not both"),
    (("--as-of", "yesterday"), 2, "not a day"),
])
def test_bad_input_is_one_line_and_its_exit_code(db: Path, arguments: tuple[str, ...],
                                                 exit_code: int, message: str) -> None:
    code, _out, err = run_natid("stats", *arguments, "--db", str(db))
    assert code == exit_code, err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_empty_or_missing_store(tmp_path: Path) -> None:
    code, _out, err = run_natid("stats", "--db", str(tmp_path / "none.db"))
    assert code == 3 and "no interview database" in err
    open_store(tmp_path / "empty.db").close()
    code, _out, err = run_natid("stats", "--db", str(tmp_path / "empty.db"))
    assert code == 1 and "no interviews to count" in err
    assert len(err.strip().splitlines()) == 1


def test_an_interview_on_a_day_outside_the_period_is_not_counted(db: Path) -> None:
    day = datetime.date(2025, 4, 2).isoformat()
    code, out, err = run_natid("stats", "--from", day, "--to", day, "--format", "json",
                               "--no-suppression", "--db", str(db))
    assert code == 0, err
    assert json.loads(out)["lines"][-1]["figures"]["interviews"] == 1
