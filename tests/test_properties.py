"""Whatever bytes arrive, loading ends in a questionnaire or natid's own error."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.error_codes import CATALOGUE
from engine.errors import QuestionnaireError
from engine.loader import check_bytes
from tests.conftest import MINIMAL

VOCABULARY = [
    "format_version", "country", "title", "version", "issued_by", "source_language",
    "languages", "rule", "confirmations_required", "parameters", "id", "kind", "prompt",
    "evidence", "verify", "choices", "choice_lists", "when", "all", "any", "not", "answer",
    "equals", "in", "lt", "gt", "answered", "answer_key", "accept", "cases", "depends_on",
    "checks", "type", "within", "consulates", "en", "hi", "status", "value", "label",
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from([*VOCABULARY, "choice", "auto", "IN", "NO", "1"]),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=8)),
                        children, max_size=6),
    ),
    max_leaves=40,
)
settings.register_profile("natid", deadline=None, max_examples=200,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("natid")


def assert_loads_or_explains(data: bytes) -> None:
    result = check_bytes(data, "fuzz.yaml", use_cache=False)
    if result.ok:
        assert result.errors == []
        return
    assert result.errors, "a file that does not load must say why"
    line_count = max(data.count(b"\n"), data.count(b"\r")) + 1
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CATALOGUE
        assert 0 <= diagnostic.line <= line_count
        assert diagnostic.message
    try:
        result.unwrap()
    except QuestionnaireError as error:
        assert error.diagnostics[0].severity == "error"
    else:  # pragma: no cover - unwrap must raise for a file that did not load
        raise AssertionError("unwrap() returned for a file that did not load")


@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_loads_or_explains(data)


@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    assert_loads_or_explains(text.encode("utf-8", "surrogatepass"))


@given(trees)
def test_arbitrary_documents(tree: object) -> None:
    assert_loads_or_explains(yaml.safe_dump(tree, allow_unicode=True).encode())


@given(st.data())
def test_mutated_questionnaires(data: st.DataObject) -> None:
    """Small edits to a valid questionnaire: the errors an author's typing makes."""
    lines = MINIMAL.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "replace", "indent", "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "replace":
            start = data.draw(st.integers(0, max(0, len(lines[index]) - 1)))
            lines[index] = lines[index][:start] + data.draw(st.text(max_size=6)) + \
                lines[index][start + 1:]
        elif action == "indent":
            lines[index] = " " * data.draw(st.integers(1, 3)) + lines[index]
        else:
            lines.insert(index, data.draw(st.sampled_from(VOCABULARY)) + ": " +
                         data.draw(st.text(max_size=8)))
        if not lines:
            break
    assert_loads_or_explains("\n".join(lines).encode("utf-8", "surrogatepass"))
