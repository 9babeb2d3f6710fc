"""diplokg: turn foreign-policy news into a knowledge graph.

>>> from kg import build
>>> result = build(["seeds"], "output")          # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "build", "read_article", "KgError"]


def __getattr__(name: str):
    # Lazy, so `import kg.errors` (and `kg --help`) need not load rdf libraries.
    if name == "build":
        from .api import build
        return build
    if name == "read_article":
        from .read.readers import read_article
        return read_article
    if name == "KgError":
        from .errors import KgError
        return KgError
    raise AttributeError(name)
