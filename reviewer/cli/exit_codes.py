"""Exit codes are an API (SPEC §7)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FOUND = 1
    """Violations, or findings at or above `--fail-on`."""
    ERROR = 2
    """A usage or input error: one line on stderr."""
    INTERRUPTED = 130
