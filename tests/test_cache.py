"""The cache of validated questionnaires: reused when unchanged, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import cache
from engine.loader import check_bytes, check_file


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NATID_CACHE_DIR", str(folder))
    cache.clear_memory()
    yield folder
    cache.clear_memory()


def test_an_unchanged_file_is_read_from_the_cache(cache_folder: Path, tmp_path: Path,
                                                  minimal_text: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(minimal_text.replace(", hi: न्यूनतम}", "}"), encoding="utf-8")
    first = check_file(path)
    assert first.ok
    assert len(list(cache_folder.glob("*.json"))) == 1
    cache.clear_memory()  # as a new process would
    second = check_file(path)
    assert second.questionnaire == first.questionnaire
    assert second.content_hash == first.content_hash
    # Warnings survive the cache, with the file name of this load.
    assert [d.format() for d in second.warnings] == [d.format() for d in first.warnings]
    assert second.warnings[0].code == "NATID-W101"


def test_a_changed_file_misses_the_cache(cache_folder: Path, tmp_path: Path,
                                         minimal_text: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(minimal_text, encoding="utf-8")
    assert check_file(path).ok
    path.write_text(minimal_text.replace("choices: states", "choices: statez"),
                    encoding="utf-8")
    result = check_file(path)
    assert not result.ok
    assert result.errors[0].code == "NATID-E028"


def test_a_damaged_cache_entry_is_ignored(cache_folder: Path, minimal_text: str) -> None:
    data = minimal_text.encode()
    assert check_bytes(data, "q.yaml").ok
    (entry,) = cache_folder.glob("*.json")
    entry.write_bytes(b"[]\n{\"format_version\": 1, \"country\": ")
    cache.clear_memory()
    result = check_bytes(data, "q.yaml")
    assert result.ok
    assert result.questionnaire is not None
    assert result.questionnaire.country == "IN"


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path, minimal_text: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("NATID_CACHE_DIR", str(blocker / "cache"))
    cache.clear_memory()
    assert check_bytes(minimal_text.encode(), "q.yaml").ok


def test_cache_can_be_switched_off(tmp_path: Path, minimal_text: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATID_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("NATID_CACHE", "off")
    assert check_bytes(minimal_text.encode(), "q.yaml").ok
    assert not (tmp_path / "c").exists()


def test_files_with_errors_are_not_cached(cache_folder: Path, minimal_text: str) -> None:
    assert not check_bytes(minimal_text.replace("IN", "XX").encode(), "q.yaml").ok
    assert not cache_folder.exists() or not list(cache_folder.glob("*.json"))
