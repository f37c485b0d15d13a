"""natid request, referral, best-interests, route and verify --request, as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from engine.store import open_store
from tests.conftest import run_natid
from tests.protection_support import finish_india, screened_india

pytestmark = pytest.mark.slow


def stored(tmp_path: Path, screening: dict[str, Any] | None = None) -> tuple[Path, str]:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        interview = finish_india(screened_india(screening, store=store))
    return db, interview.id


def kinds(db: Path, interview_id: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(
            "SELECT kind FROM events WHERE interview_id = ? ORDER BY seq", (interview_id,))]


def test_a_blocked_request_exits_4_with_the_reasons_and_writes_nothing(tmp_path: Path) -> None:
    db, ident = stored(tmp_path, {"fear_of_return": True})
    target = tmp_path / "request.json"
    code, out, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz",
                               "--format", "json", "-o", str(target))
    assert code == 4, err
    assert "no certificate request was produced" in err
    assert "natid referral" in err
    assert not target.exists()
    assert out == ""
    assert kinds(db, ident)[-1] == "request_refused"
    code, out, err = run_natid("referral", ident, "--db", str(db), "--officer", "B. Ruiz")
    assert code == 0, err
    assert "Temor de regresar a su país" in out  # the flag, in the officer's language
    assert kinds(db, ident)[-1] == "referral_prepared"


def test_a_clean_request_in_every_format_and_its_verification(tmp_path: Path) -> None:
    db, ident = stored(tmp_path)
    files = {kind: tmp_path / f"request.{kind}" for kind in ("json", "txt", "pdf")}
    for kind, path in files.items():
        code, _, err = run_natid("request", ident[:10], "--db", str(db), "--officer",
                                 "B. Ruiz", "--format", kind, "-o", str(path))
        assert code == 0, err
        assert "Embassy of India, Mexico City" in err
    request = json.loads(files["json"].read_text(encoding="utf-8"))
    assert request["addressee"]["consulate_id"] == "eoi_mexico_city"
    assert "Musset 325" in files["txt"].read_text(encoding="utf-8")
    assert files["pdf"].read_bytes().startswith(b"%PDF")
    for kind in ("json", "pdf"):
        code, out, err = run_natid("verify", "--request", str(files[kind]), "--db", str(db))
        assert code == 0, err
        assert "matches the stored interview" in out
    request["particulars"][0]["value"] = "Someone Else"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(request), encoding="utf-8")
    code, _, err = run_natid("verify", "--request", str(changed), "--db", str(db))
    assert code == 1
    assert "NATID-E072" not in err or "does not match" in err
    assert "does not match the stored interview" in err
    assert "Traceback" not in err


def test_a_child_s_request_follows_the_best_interests_step(tmp_path: Path) -> None:
    db, ident = stored(tmp_path, {"age": 16, "travelling_with": "other_adult"})
    code, _, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz")
    assert code == 4
    assert "best-interests" in err
    code, out, err = run_natid("best-interests", ident, "--db", str(db), "--officer", "C. Díaz",
                               "--authority", "PPNNA Chiapas", "--reference", "PPNNA-0412")
    assert code == 0, err
    code, out, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz")
    assert code == 0, err
    assert "PPNNA-0412" in out


def test_another_declared_nationality_is_routed_with_a_reason(tmp_path: Path) -> None:
    db, ident = stored(tmp_path, {"declared_nationality": "NP"})
    code, _, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz")
    assert code == 4
    assert "natid route" in err
    code, _, err = run_natid("route", ident, "--db", str(db), "--officer", "C. Díaz",
                             "--reason", "Nepal's embassy found no record")
    assert code == 0, err
    code, out, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz",
                               "--format", "json")
    assert code == 0, err
    assert json.loads(out)["nationality"]["routing"] == "officer"


@pytest.mark.parametrize(("arguments", "expected"), [
    (["--format", "pdf"], "a PDF needs a file"),
    (["--language", "de"], "natid writes in"),
    (["--officer", " "], "--officer needs the name"),
])
def test_usage_errors_say_what_to_do(tmp_path: Path, arguments: list[str],
                                     expected: str) -> None:
    db, ident = stored(tmp_path)
    options = ["--officer", "B. Ruiz", *arguments] if "--officer" not in arguments else arguments
    code, _, err = run_natid("request", ident, "--db", str(db), *options)
    assert code == 2, err
    assert expected in err
    assert "request_prepared" not in kinds(db, ident)


def test_nothing_to_refer_and_an_unknown_interview(tmp_path: Path) -> None:
    db, ident = stored(tmp_path)
    code, _, err = run_natid("referral", ident, "--db", str(db), "--officer", "B. Ruiz")
    assert code == 1
    assert "raised no flag" in err
    code, _, err = run_natid("request", "ffff", "--db", str(db), "--officer", "B. Ruiz")
    assert code == 2
    assert "NATID-E062" in err or "no interview" in err
    assert "Traceback" not in err


def test_a_request_is_refused_when_the_stored_interview_was_tampered_with(
        tmp_path: Path) -> None:
    from tests.store_helpers import tamper

    db, ident = stored(tmp_path, {"wants_asylum": True})
    from engine.store import open_store

    # The payloads are encrypted: find the asylum answer through natid, then change one
    # byte of its ciphertext, as someone with the file (but not the key) could.
    with open_store(db) as store:
        seq = next(number for number, event in enumerate(store.events(ident), start=1)
                   if event.data.get("parameter") == "screening.wants_asylum")
    with sqlite3.connect(db) as connection:
        (payload,) = connection.execute("SELECT payload FROM events WHERE interview_id = ? "
                                        "AND seq = ?", (ident, seq)).fetchone()
    edited = bytearray(payload)
    edited[-1] ^= 1
    edited = bytes(edited)
    assert edited != payload
    statement = "UPDATE events SET payload = x'{}' WHERE interview_id = '{}' AND seq = {}"
    tamper(db, statement.format(edited.hex(), ident, seq))
    target = tmp_path / "request.json"
    code, _, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz",
                             "--format", "json", "-o", str(target))
    assert code == 3, err
    assert "changed outside natid" in err
    assert not target.exists()


def test_a_request_that_cannot_be_written_is_not_recorded(tmp_path: Path) -> None:
    db, ident = stored(tmp_path)
    code, _, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz",
                             "-o", str(tmp_path / "no-such-folder" / "request.txt"))
    assert code == 2, err
    assert "cannot write" in err
    assert "request_prepared" not in kinds(db, ident)
    code, _, err = run_natid("request", ident, "--db", str(db), "--officer", "B. Ruiz",
                             "--in", "FR")
    assert code == 2
    assert "not a member state" in err
