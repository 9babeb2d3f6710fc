"""kg_stances: what actors support and oppose, and the bodies and initiatives they are members of or take part in.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Stances"]


class Stances:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_stances"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("kg_stances", assigns=["doc._.findings"], requires=["doc.spans"])
def make_stances(nlp: Language, name: str) -> Stances:
    return Stances(nlp, name)
