"""The YAML reader: YAML 1.2 values, places of values, limits, and its own errors only."""

from __future__ import annotations

import time

import pytest

from engine.errors import QuestionnaireError
from engine.yaml_source import MAX_DEPTH, read_yaml


def codes(data: bytes) -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        read_yaml(data, "t.yaml")
    return [d.code for d in caught.value.diagnostics]


def test_only_yaml_1_2_booleans_and_dates_stay_text() -> None:
    doc = read_yaml(b"country: NO\na: yes\nb: on\nc: off\nd: true\ne: False\n"
                    b"f: 2026-01-31\ng: ~\nh: 0x1F\ni: 1.5\nj: '7'\nk: 0612\n", "t.yaml")
    assert doc.value == {
        "country": "NO", "a": "yes", "b": "on", "c": "off", "d": True, "e": False,
        "f": "2026-01-31", "g": None, "h": 31, "i": 1.5, "j": "7", "k": 612,
    }


def test_keys_are_always_text_as_written() -> None:
    doc = read_yaml(b"1: one\ntrue: two\nNO: three\n", "t.yaml")
    assert doc.value == {"1": "one", "true": "two", "NO": "three"}


def test_places_of_values_and_keys_are_one_based() -> None:
    doc = read_yaml(b"a:\n  b: [x, y]\n  c: z\n", "t.yaml")
    assert doc.positions.of_value(("a", "b", 1)) == (2, 10)
    assert doc.positions.of_key(("a", "c")) == (3, 3)
    assert doc.positions.of_value(("a", "c")) == (3, 6)
    # An unknown path falls back to its nearest known ancestor.
    assert doc.positions.of_value(("a", "b", 7, "q")) == (2, 6)


def test_aliases_reuse_values_and_anchors_must_come_first() -> None:
    doc = read_yaml(b"a: &x {k: v}\nb: *x\n", "t.yaml")
    assert doc.value["b"] == {"k": "v"}
    assert codes(b"a: *x\nb: &x 1\n") == ["NATID-E006"]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        previous, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    data = ("\n".join(lines) + "\n").encode()
    started = time.perf_counter()
    assert codes(data) == ["NATID-E008"]
    print(f"billion laughs refused in {1000 * (time.perf_counter() - started):.2f} ms")


def test_nesting_limit() -> None:
    assert read_yaml(b"a: " + b"[" * (MAX_DEPTH - 2) + b"]" * (MAX_DEPTH - 2), "t.yaml")
    assert codes(b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5)) == ["NATID-E007"]


@pytest.mark.parametrize(("data", "code"), [
    (b"", "NATID-E005"),
    (b"  \n\n", "NATID-E005"),
    (b"# only a comment\n", "NATID-E005"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NATID-E004"),
    ("a: caf\u00e9\n".encode("latin-1"), "NATID-E003"),
    ("a: b\n".encode("utf-16"), "NATID-E003"),
    (b"a: 1\na: 2\n", "NATID-E015"),
    (b"a: [1,\n", "NATID-E006"),
    (b"a: \x07\n", "NATID-E006"),
    (b"a: 1\n---\nb: 2\n", "NATID-E009"),
    (b"a: !!python/object/apply:os.system [ls]\n", "NATID-E010"),
    (b"a: !custom x\n", "NATID-E010"),
    (b"? [a, b]\n: 1\n", "NATID-E016"),
    (b"a: !!int nope\n", "NATID-E014"),
    (b"a: " + b"9" * 5000 + b"\n", "NATID-E014"),
])
def test_bad_files_get_their_own_error(data: bytes, code: str) -> None:
    assert codes(data) == [code]


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert read_yaml(b"\xef\xbb\xbfa: 1\n", "t.yaml").value == {"a": 1}


def test_the_place_of_a_non_utf8_byte_is_reported() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        read_yaml(b"a: 1\nb: caf\xe9\n", "t.yaml")
    diagnostic = caught.value.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (2, 7)
    assert "0xE9" in diagnostic.message


def test_values_that_yaml_1_1_tools_misread_are_noted() -> None:
    doc = read_yaml(b"country: NO\nb: yes\nc: 2026-01-31\nd: 1:20\ne: '2026-01-31'\n"
                    b"f: plain\nON: 1\n", "t.yaml")
    assert [(place, text, what) for place, text, what in doc.ambiguous] == [
        ((1, 10), "NO", "false"), ((2, 4), "yes", "true"), ((3, 4), "2026-01-31", "a date"),
        ((4, 4), "1:20", "a number"), ((7, 1), "ON", "true"),
    ]


def test_places_count_line_feeds_like_an_editor() -> None:
    """U+0085 and U+2028 break lines for libyaml, not for editors: places follow editors."""
    with pytest.raises(QuestionnaireError) as caught:
        read_yaml('a: "x\u2028y\u0085z"\nb: [\n'.encode(), "t.yaml")
    diagnostic = caught.value.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (2, 5)


def test_leading_zeros_are_noted() -> None:
    doc = read_yaml(b"pin: 0612\nb: 612\n", "t.yaml")
    assert doc.value == {"pin": 612, "b": 612}
    assert doc.ambiguous == [((1, 6), "0612", "an octal number")]
