"""The learned sentence coder on its own: features, loading a model, its extra suggestions."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.analysis.coding_model import (
    CodingModel,
    features,
    is_model_rule,
    model_path,
    rule_id,
)
from reader.analysis.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]


def _tiny(threshold: float = 0.5, kill: float = 3.0) -> CodingModel:
    return CodingModel.from_json(
        {
            "format": 2,
            "codebook": "minerals-for-security",
            "threshold": threshold,
            "stemmers": {"en": "english", "fr": "french"},
            "bias": {"human_toll": -2.0, "deal_status": -2.0},
            "weights": {  # one weight per dimension, in the order of bias
                "en|kill": [kill, 0],
                "fr|tu": [3.0, 0],
                "en|sign": [0, 1.0],
                "#year": [0, 1.5],
            },
        }
    )


def test_a_model_file_keeps_only_the_weights_that_count() -> None:
    model = _tiny()
    assert model.dimensions == ("human_toll", "deal_status")
    assert model.weights["en|kill"] == {"human_toll": 3.0}
    assert model.weights["#year"] == {"deal_status": 1.5}


def test_features_stem_tag_and_shape() -> None:
    feats = features('Rebels killed 12 people in 2025, "a massacre", costing $3m.', "en", "english")
    assert {"en|kill", "en|rebel", "en|rebel_kill", "lang=en"} <= feats
    assert {"#quote", "#number", "#year", "#money"} <= feats
    plain = features("nothing here at all", "en", "english")
    assert not any(f.startswith("#") for f in plain)


def test_features_french_stems_are_folded_and_tagged() -> None:
    feats = features("Les négociations ont été tuées par M. Dupont à Kinshasa.", "fr", "french")
    assert "fr|negoci" in feats
    assert not any(f.startswith("en|") for f in feats)
    assert "#names>=2" in feats  # Dupont, Kinshasa (the first word does not count)
    assert "#names>=3" not in feats


def test_extra_adds_only_what_rules_missed() -> None:
    text = "Dozens were killed in Goma. The deal was signed in 2025. Markets were calm."
    spans = split_sentences(text, "en")
    model = _tiny()
    found = model.extra(text, spans, "en")
    assert [(text[s.start : s.end], s.dimension) for s in found] == [
        ("Dozens were killed in Goma.", "human_toll"),
        ("The deal was signed in 2025.", "deal_status"),
    ]
    assert all(0.5 <= s.score <= 1.0 for s in found)
    first = spans[0]
    again = model.extra(text, spans, "en", coded=[(first[0], first[1], "human_toll")])
    assert [s.dimension for s in again] == ["deal_status"]


def test_threshold_and_unknown_language() -> None:
    text = "The deal was signed in 2025."
    spans = split_sentences(text, "en")
    assert _tiny(threshold=0.9).extra(text, spans, "en") == []
    assert _tiny().extra(text, spans, "de") == []
    assert _tiny().extra(text, spans, None) == []


def test_rule_ids_say_it_is_the_model() -> None:
    assert rule_id("voices") == "model:voices"
    assert is_model_rule(rule_id("voices"))
    assert not is_model_rule("voices-said")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"format": 99},
        {"format": 2, "codebook": "x", "threshold": 0.5, "stemmers": {}, "bias": {}},
        {
            "format": 2,
            "codebook": "x",
            "threshold": 0.5,
            "stemmers": {"en": "english"},
            "bias": {"a": 0.0},
            "weights": {"en|x": [1.0, 2.0]},
        },
        {
            "format": 2,
            "codebook": "x",
            "threshold": 0.5,
            "stemmers": {"en": "english"},
            "bias": {"a": 0.0},
            "weights": {"en|x": {"a": 1.0}},
        },
        {
            "format": 2,
            "codebook": "x",
            "threshold": "high",
            "stemmers": {"en": "english"},
            "bias": {"a": 0.0},
            "weights": {},
        },
    ],
)
def test_bad_model_files_are_refused(data: dict) -> None:
    with pytest.raises(ValueError, match="coding model"):
        CodingModel.from_json(data)


def _floored(veto: dict | None = None, thresholds: dict | None = None) -> CodingModel:
    data = {
        "format": 2,
        "codebook": "minerals-for-security",
        "threshold": 0.5,
        "stemmers": {"en": "english"},
        "bias": {"human_toll": -2.0, "deal_status": -2.0},
        "weights": {"en|kill": [3.0, 0], "en|sign": [0, 1.0], "#year": [0, 1.5]},
    }
    if veto is not None:
        data["veto"] = veto
    if thresholds is not None:
        data["thresholds"] = thresholds
    return CodingModel.from_json(data)


def test_a_veto_withholds_only_rule_suggestions_under_its_floor() -> None:
    text = "The deal was signed in 2025. Officials met on a boat. Dozens were killed."
    spans = split_sentences(text, "en")
    signed, boat, killed = spans
    coded = [(*signed, "deal_status"), (*boat, "deal_status"), (*killed, "human_toll")]
    model = _floored(veto={"deal_status": 0.2, "human_toll": 0.99})
    added, withheld = model.review(text, spans, "en", coded)
    # the boat sentence has nothing of a deal step (p = 0.12); the signing has (p = 0.62);
    # the killing sits under a floor of 0.99 for the human toll (p = 0.73)
    assert withheld == {(*boat, "deal_status"), (*killed, "human_toll")}
    assert [(text[a.start : a.end], a.dimension) for a in added] == []
    assert model.review(text, spans, "de", coded) == ([], set())
    assert _floored().review(text, spans, "en", coded)[1] == set()  # no floors, no veto


def test_a_dimension_can_have_its_own_threshold() -> None:
    text = "The deal was signed in 2025."
    spans = split_sentences(text, "en")
    assert [s.dimension for s in _floored().extra(text, spans, "en")] == ["deal_status"]
    assert _floored(thresholds={"deal_status": 0.9}).extra(text, spans, "en") == []
    assert _floored(thresholds={"human_toll": 0.9}).extra(text, spans, "en") != []


@pytest.mark.parametrize(
    ("veto", "thresholds"),
    [
        ({"voices": 0.1}, None),
        ({"deal_status": 1.5}, None),
        (None, {"deal_status": -0.1}),
        ("high", None),
        (None, {"nope": 0.5}),
    ],
)
def test_bad_floors_and_thresholds_are_refused(veto: object, thresholds: object) -> None:
    with pytest.raises(ValueError, match="coding model"):
        _floored(veto=veto, thresholds=thresholds)  # type: ignore[arg-type]


def test_fingerprint_follows_the_floors_and_own_thresholds() -> None:
    base = _floored().fingerprint()
    assert _floored(veto={}, thresholds={}).fingerprint() == base
    assert _floored(veto={"deal_status": 0.02}).fingerprint() != base
    assert _floored(thresholds={"deal_status": 0.8}).fingerprint() != base


def test_fingerprint_follows_the_weights_and_threshold() -> None:
    base = _tiny().fingerprint()
    assert base == _tiny().fingerprint()
    assert _tiny(threshold=0.6).fingerprint() != base
    assert _tiny(kill=3.5).fingerprint() != base


def test_models_live_apart_from_the_codebooks(tmp_path: Path) -> None:
    # the codebook loader reads every *.json of resources/codebooks: a model must not be one
    shipped = model_path("minerals-for-security")
    assert shipped.parent.name == "models"
    assert shipped.parent.parent.name == "codebooks"
    assert not list(shipped.parent.parent.glob("*.model.json"))
    assert model_path("x", tmp_path) == tmp_path / "x.json"


def _trainer() -> ModuleType:
    """The packaging script, imported by path."""
    script = ROOT / "packaging" / "train_coder.py"
    spec = importlib.util.spec_from_file_location("train_coder", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_coder"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_model_is_what_the_script_makes_from_the_labels() -> None:
    shipped = model_path("minerals-for-security")
    assert shipped.read_text(encoding="utf-8") == _trainer().build()
    model = CodingModel.from_json(json.loads(shipped.read_text(encoding="utf-8")))
    assert set(model.languages) == {"en", "fr"}
    text = "Thousands of civilians were killed and displaced around Goma."
    scores = model.scores(text, "en")
    assert max(scores, key=scores.__getitem__) == "human_toll"
    # the operating point chosen on the writers' folds travels with the weights
    assert model.vetoes
    assert set(model.vetoes) <= set(model.dimensions)
    assert set(model.thresholds) <= set(model.dimensions)
