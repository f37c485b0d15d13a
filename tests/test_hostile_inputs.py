"""Inputs found to break things once: each now ends in natid's own clear error."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from textual.widgets import DataTable

from engine.errors import UserError
from engine.interview import Interview
from engine.loader import check_bytes
from engine.store import StoreError, open_store
from tests.app_driver import SIZE, answer_current, new_app, start_india
from tests.conftest import MINIMAL, run_natid
from tests.interview_support import india


def with_parameter(extra: dict[str, object]) -> bytes:
    document = yaml.safe_load(MINIMAL)
    document["parameters"].append(extra)
    return yaml.safe_dump(document, allow_unicode=True).encode()


def text_parameter(**extra: object) -> dict[str, object]:
    return {"id": "x", "kind": "text", "prompt": {"en": "x", "hi": "x"},
            "evidence": "presumption", "verify": "consulate", **extra}


@pytest.mark.parametrize("when", [
    {"answer": "state"}, {}, {"not": {}}, {"any": [{}]},
])
def test_a_condition_without_its_test_is_an_authoring_error(when: object) -> None:
    result = check_bytes(with_parameter(text_parameter(when=when)), "q.yaml", use_cache=False)
    assert not result.ok
    assert result.errors[0].code.startswith("NATID-E")


def test_a_check_type_that_is_a_list_is_an_authoring_error() -> None:
    document = yaml.safe_load(MINIMAL)
    document["checks"] = [{"type": ["within"], "id": "c", "parameter": "state",
                           "within": "state"}]
    result = check_bytes(yaml.safe_dump(document).encode(), "q.yaml", use_cache=False)
    assert result.errors
    assert all(d.code.startswith("NATID-") for d in result.diagnostics)


@pytest.mark.parametrize(("kind", "limit"), [("date", "9999-12-31"), ("date", "0001-01-01"),
                                             ("number", 10**400)])
def test_conditions_at_the_edge_of_dates_and_numbers(kind: str, limit: object) -> None:
    edge = {"id": "edge", "kind": kind, "prompt": {"en": "e", "hi": "e"},
            "evidence": "presumption", "verify": "consulate"}
    document = yaml.safe_load(MINIMAL)
    document["parameters"] += [edge, text_parameter(when={"answer": "edge", "gt": limit})]
    data = yaml.safe_dump(document, allow_unicode=True, width=10**6).encode()
    result = check_bytes(data, "q.yaml", use_cache=False)
    assert all(d.code.startswith("NATID-") for d in result.diagnostics)


def test_lint_reports_the_files_of_a_folder_with_odd_entries(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "nowhere")
    code, out, err = run_natid("lint", str(tmp_path))
    assert code == 0, out + err
    assert "good.yaml: ok" in out


# ISO week dates, underscores, signs, full-width and Arabic-Indic digits.
@pytest.mark.parametrize("value", ["2020-W01-1", "1_99", "+999", "\uff12\uff10\uff12\uff10",
                                   "\u0662\u0660\u0662\u0660-\u0660\u0661"])
def test_only_plain_dates_are_dates(value: str) -> None:
    interview = Interview.start(india(), interviewee_language="hi", officer_language="es",
                                officer="A")
    with pytest.raises(UserError):
        interview.answer("date_of_birth", value)
    assert len(interview.events) == 1


@pytest.mark.parametrize("value", ["ab\ud800", "a\x1b[2Jb"])
def test_broken_or_control_characters_are_refused(value: str) -> None:
    interview = Interview.start(india(), interviewee_language="hi", officer_language="es",
                                officer="A")
    with pytest.raises(UserError):
        interview.answer("full_name", value)


def test_score_takes_the_record_country_as_a_code_never_a_path(tmp_path: Path) -> None:
    interview = Interview.start(india(), interviewee_language="hi", officer_language="es",
                                officer="A")
    record = json.loads(interview.to_json())
    for country in ("/etc/passwd", "A" * 5000, "questionnaires/in.yaml"):
        record["questionnaire"]["country"] = country
        path = tmp_path / "record.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        code, _, err = run_natid("score", str(path))
        assert code == 1
        assert "root:" not in err and "Traceback" not in err


def test_a_foreign_or_empty_database_is_left_as_it_was(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match="not a natid store"):
        open_store(foreign, create=False)
    assert foreign.read_bytes() == before
    assert not (tmp_path / "foreign.db-wal").exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="empty file"):
        open_store(empty, create=False)
    assert empty.read_bytes() == b""


def test_brackets_in_answers_are_shown_as_written(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, officer="Ana [/] López")
            await answer_current(pilot, "Bilga [near the gurdwara] [/]")
            await pilot.press("ctrl+r")
            await pilot.pause()
            table = app.screen.query_one("#answers", DataTable)
            assert str(table.get_row("full_name")[2]).startswith("Bilga [near the gurdwara]")

    asyncio.run(run())


@pytest.mark.parametrize("action", [
    lambda i: i.answer(["state"], "PB"),
    lambda i: i.answer("state", "PB", officer=5),
    lambda i: i.verify("documents_held", "confirmed", None),
    lambda i: i.note(5),
    lambda i: i.close(None, incomplete=True),
])
def test_wrong_python_types_get_natids_own_error(action: object) -> None:
    interview = Interview.start(india(), interviewee_language="hi", officer_language="es",
                                officer="A")
    interview.answer("documents_held", ["aadhaar"])
    before = interview.events
    with pytest.raises(UserError):
        action(interview)  # type: ignore[operator]
    assert interview.events == before


def test_an_empty_interview_id_names_no_interview(tmp_path: Path) -> None:
    from engine.store import UnknownInterviewError
    from tests.store_helpers import new_interview

    with open_store(tmp_path / "natid.db") as store:
        new_interview(store)
        with pytest.raises(UnknownInterviewError):
            store.interview("")
    code, _, err = run_natid("verify", "", "--db", str(tmp_path / "natid.db"))
    assert code == 2
    assert "Traceback" not in err


def test_score_refuses_what_is_not_a_record_file(tmp_path: Path) -> None:
    code, _, err = run_natid("score", str(tmp_path))
    assert code == 2
    assert "not a file" in err
    big = tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(65 * 1024 * 1024)  # sparse: no disk used
    code, _, err = run_natid("score", str(big))
    assert code == 2
    assert "larger than an interview record can be" in err
