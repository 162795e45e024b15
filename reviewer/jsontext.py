"""Untrusted JSON text (lockfiles, package.json, files that export edits) into values.

`decode(text)` is `json.loads` with the faults said in one line, with the line they are on:
an empty file, a file that ends before its JSON does (cut off by a copy or a crash), other
malformed JSON, and nesting too deep for the decoder. A leading byte-order mark (some
Windows editors write one) is ignored, as npm does. Each caller wraps `JsonTextError` into
its own error, which names the file.
"""

from __future__ import annotations

import json
from typing import Any


class JsonTextError(ValueError):
    """Why a text is not JSON: `fault` (one line) and the 1-based `line`, when known."""

    def __init__(self, fault: str, line: int | None = None) -> None:
        super().__init__(fault)
        self.fault = fault
        self.line = line


def decode(text: str) -> Any:
    """The value of JSON `text`. Raises JsonTextError."""
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise fault_of(text, error) from None
    except RecursionError:
        raise JsonTextError("malformed JSON: nested too deeply") from None


def fault_of(text: str, error: json.JSONDecodeError) -> JsonTextError:
    """The one-line fault of a decode `error` of `text`."""
    if not text.strip():
        return JsonTextError("empty file")
    if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
        return JsonTextError("truncated: the JSON ends before it is complete", error.lineno)
    return JsonTextError(f"malformed JSON: {error.msg}", error.lineno)


def json_object(text: str) -> dict[str, Any] | None:
    """The JSON object `text` holds (a package.json from a tarball...); None when it holds
    another value or is not JSON, nested too deeply included: never an exception."""
    try:
        value = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None
