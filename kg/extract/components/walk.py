"""Walks over the parse that several components share: :func:`closure`, the tokens reached
from some tokens by a step (their conjuncts, those joined by "along with" ...), each once.
"""
from __future__ import annotations

from typing import Callable, Iterable, List

from spacy.tokens import Token

__all__ = ["closure"]


def closure(toks: Iterable[Token], step: Callable[[Token], Iterable[Token]]) -> List[Token]:
    """The tokens and every token ``step`` reaches from them, each once, breadth first in the
    order found."""
    out: List[Token] = []
    stack = list(toks)
    while stack:
        t = stack.pop(0)
        if t in out:
            continue
        out.append(t)
        stack.extend(step(t))
    return out
