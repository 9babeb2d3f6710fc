"""Extraction: articles in, findings out, through spaCy's pipeline and diplokg's components.

:mod:`kg.extract.nlp` builds the pipeline (the statistical model, then the named components
of :mod:`kg.extract.components`, each reading and writing the Doc extensions that
:mod:`kg.extract.docs` declares, with the patterns of ``kg/data/patterns`` loaded by
:mod:`kg.extract.patterns`); :mod:`kg.extract.run` runs it over articles in batches.
"""
from __future__ import annotations

from .run import extract_article, extract_articles

__all__ = ["extract_article", "extract_articles"]
