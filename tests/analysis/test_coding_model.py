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
