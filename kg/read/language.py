"""Which language an article is written in, so that a text diplokg cannot read is told, not mangled.

The identifier is py3langid (a maintained fork of langid.py, 97 languages, BSD licence): a
Sinhala or Tamil article from a Sri Lankan site is ``si`` or ``ta`` with certainty, while every
English article of the real-news corpus comes out ``en``.

>>> language_of("Sri Lanka and India signed an agreement on Tuesday in Colombo, officials said.")
'en'
"""
from __future__ import annotations

import functools

__all__ = ["language_of", "ENGLISH", "MIN_CONFIDENCE"]

ENGLISH = "en"
#: below this probability the identifier's answer is not taken (short headlines, lists of names)
MIN_CONFIDENCE = 0.9
#: enough text to tell a language; more only costs time
SAMPLE = 4000


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in.

    English unless the identifier is sure of another language: a few words of names (a
    headline such as "BRICS summit") say nothing, and diplokg's own language is the safe guess.
    """
    sample = text[:SAMPLE]
    if not any(c.isalpha() for c in sample):
        return ENGLISH
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else ENGLISH
