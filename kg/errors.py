"""Errors a user can cause. Each carries the path it is about and the reason, so the CLI can
print one line: ``path: reason``. A traceback means a bug in diplokg, never a user's mistake."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

__all__ = ["KgError", "ArticleError", "ArticleSkipped", "ExtractionError", "DataError", "ExportError",
           "GraphError", "UsageError"]


class KgError(Exception):
    """Base of every error diplokg raises on purpose.

    Args:
        path: the file or folder the error is about (None when there is none).
        reason: what went wrong, in words a user understands; a fix may follow after "; ".
    """

    def __init__(self, path: Optional[Union[str, Path]], reason: str):
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(str(self))

    def __reduce__(self):
        # so that an error met in a worker process comes back whole (Exception's own pickling
        # would call __init__ with the message alone)
        return type(self), (self.path, self.reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class ArticleError(KgError):
    """An article that cannot be read: missing, empty, binary, not text."""


class ArticleSkipped(KgError):
    """An article left out on purpose, not broken: written in a language diplokg does not read."""


class ExtractionError(KgError):
    """An article that raised an unexpected exception while it was read or extracted: a bug in
    diplokg, not the user's fault. The article is skipped and the build goes on; ``details``
    holds the traceback for ``kg build --debug``.

    Args:
        path: the article's file.
        reason: the exception in one line ("AttributeError: 'NoneType' object has no ...").
        details: the formatted traceback, when there is one.
    """

    def __init__(self, path: Optional[Union[str, Path]], reason: str, details: str = ""):
        self.details = details
        super().__init__(path, reason)

    def __reduce__(self):
        return type(self), (self.path, self.reason, self.details)

    @classmethod
    def from_exception(cls, path: Optional[Union[str, Path]], exc: BaseException) -> "ExtractionError":
        """The error of an unexpected exception met with one article (call inside ``except``)."""
        import traceback

        first = (str(exc).splitlines() or [""])[0]
        reason = f"extraction failed ({type(exc).__name__}: {first})" if first else \
            f"extraction failed ({type(exc).__name__})"
        return cls(path, reason, traceback.format_exc())


class DataError(KgError):
    """A bad row in one of diplokg's own data files (a bug in the package, reported with file and line)."""


class ExportError(KgError):
    """An export that cannot be written: folder not writable, disk full."""


class GraphError(KgError):
    """A graph file given to query, validate, stats, html or merge that cannot be read."""


class UsageError(KgError):
    """Options that do not fit together, or a path that does not exist."""
