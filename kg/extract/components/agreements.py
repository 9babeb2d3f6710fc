"""kg_agreements: documents (agreements, memoranda, treaties, joint statements) with their parties, signatories, status and topics.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Agreements"]


class Agreements:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_agreements"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("kg_agreements", assigns=["doc._.findings"], requires=["doc.spans"])
def make_agreements(nlp: Language, name: str) -> Agreements:
    return Agreements(nlp, name)
