"""kg_relationships: states of relations between countries (diplomatic relations, partnerships) with parties and start dates.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Relationships"]


class Relationships:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_relationships"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("kg_relationships", assigns=["doc._.findings"], requires=["doc.spans"])
def make_relationships(nlp: Language, name: str) -> Relationships:
    return Relationships(nlp, name)
