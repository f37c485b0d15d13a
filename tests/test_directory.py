"""The consulate directory: who serves an interviewing country, best first."""

from __future__ import annotations

import json

import yaml

from engine.bundled import bundled_paths
from engine.directory import directory, serving
from engine.loader import check_bytes
from engine.model import Procedure
from tests.conftest import MINIMAL, run_natid
from tests.interview_support import haiti, india


def test_india_in_guatemala_is_the_embassy_there() -> None:
    (first, *_rest) = serving([india(), haiti()], "GT", origin="IN")
    assert first.origin == "IN"
    assert first.consulate.city == "Guatemala City"
    assert "GT" in first.consulate.serves


def test_a_representation_in_the_country_comes_before_one_accredited_from_abroad() -> None:
    ranked = serving([haiti()], "DO", procedure=Procedure.EMERGENCY_TRAVEL_DOCUMENT)
    assert ranked[0].consulate.kind == "embassy"
    assert ranked[0].consulate.country == "DO"
    kinds = [entry.consulate.kind for entry in ranked]
    assert kinds.index("embassy") < kinds.index("consulate_general")


def test_ranking_prefers_location_then_kind_then_freshness() -> None:
    document = yaml.safe_load(MINIMAL)
    base = {"serves": ["CR"], "procedures": ["nationality_verification"],
            "preferred_language": "en", "contact": {}}
    document["consulates"] = [
        base | {"id": "honorary_cr", "name": "Honorary", "kind": "honorary_consulate",
                "city": "San José", "country": "CR", "last_verified": "2026-10-01"},
        base | {"id": "embassy_pa", "name": "Embassy PA", "kind": "embassy",
                "city": "Panama City", "country": "PA", "last_verified": "2026-10-01"},
        base | {"id": "old_embassy_cr", "name": "Old", "kind": "embassy",
                "city": "San José", "country": "CR", "last_verified": "2025-10-01"},
        base | {"id": "embassy_cr", "name": "Embassy CR", "kind": "embassy",
                "city": "San José", "country": "CR", "last_verified": "2026-10-01"},
    ]
    questionnaire = check_bytes(yaml.safe_dump(document, allow_unicode=True).encode(),
                                "q.yaml", use_cache=False).unwrap()
    order = [entry.consulate.id for entry in serving([questionnaire], "CR")]
    assert order == ["embassy_cr", "old_embassy_cr", "honorary_cr", "embassy_pa"]
    assert serving([questionnaire], "CR", procedure=Procedure.PASSPORT) == []
    assert len(directory([questionnaire])) == 4


def test_natid_consulates_lists_and_filters() -> None:
    code, out, _ = run_natid("consulates", "IN", "--in", "MX", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert listed
    assert all(item["origin"] == "IN" and "MX" in item["serves"] for item in listed)
    code, out, _ = run_natid("consulates", "ht", "--in", "DO")
    assert code == 0
    assert out.splitlines()[0].startswith("HT  Ambassade")
    code, _, err = run_natid("consulates", "XX")
    assert code == 2
    bundled = ", ".join(path.stem.upper() for path in bundled_paths())
    assert f"no bundled questionnaire for 'XX' (bundled: {bundled})" in err
    assert "HT" in bundled and "IN" in bundled
