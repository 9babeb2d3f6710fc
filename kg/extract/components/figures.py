"""kg_figures: reported figures (trade, investment, loans, tariffs, counts) with measure, value, unit, period and what they are about.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Figures"]


class Figures:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_figures"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("kg_figures", assigns=["doc._.findings"], requires=["doc.spans"])
def make_figures(nlp: Language, name: str) -> Figures:
    return Figures(nlp, name)
