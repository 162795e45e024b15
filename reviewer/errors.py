"""The error types the core raises. The CLI turns each into one line on stderr and exit 2."""

from __future__ import annotations

from pathlib import Path


class ReviewerError(Exception):
    """Base of every expected failure: the message is one line, fit for a user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LockfileError(ReviewerError):
    """A lockfile is missing, malformed, of an unknown version or out of sync."""

    def __init__(self, path: Path | str, fault: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {fault}")
        self.path = Path(path)
        self.fault = fault
        self.line = line


class RegistryError(ReviewerError):
    """The registry could not be reached or sent something we cannot use."""


class OfflineMiss(RegistryError):
    """`--offline` was given and the cache does not hold the document."""


class IntegrityError(ReviewerError):
    """A tarball's bytes do not match the integrity recorded for it."""


class TarballError(ReviewerError):
    """A tarball is too large, malformed or otherwise unusable."""


class PolicyError(ReviewerError):
    """The policy file is invalid, locked by another process or changed under us."""


class PolicyChangedError(PolicyError):
    """The policy file changed on disk since it was loaded: nothing was written."""


class AuditImportError(ReviewerError):
    """An audit report could not be read."""


class UsageError(ReviewerError):
    """The command line asks for something that cannot be done."""
