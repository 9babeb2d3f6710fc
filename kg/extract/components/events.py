"""kg_events: state visits, meetings and talks, conferences, with who took part, when and where.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Events"]


class Events:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("kg_events", assigns=["doc._.findings"], requires=["doc.spans"])
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
