"""Policy TOML text into data; a syntax error is one PolicyError line with file and line.

Two parsers, for two uses: the stdlib's (fast, plain data) to read a policy, tomlkit's
(keeps comments, order and formatting) to edit one. `reviewer.policy.schema` then checks
what the data says.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError, TOMLKitError
from tomlkit.toml_document import TOMLDocument

from reviewer.errors import PolicyError


def parse_data(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML text quickly (stdlib tomllib) into plain data, for reading only."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        fault = message[: match.start()].strip() if match else message
        where = f"{path}:{match.group(1)}" if match else f"{path}"
        raise PolicyError(f"{where}: invalid TOML: {fault}") from None
    except RecursionError:
        raise PolicyError(f"{path}: invalid policy: values nested too deeply") from None


def parse_document(path: Path, text: str) -> TOMLDocument:
    """Parse TOML text, turning a syntax error into one PolicyError line."""
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        fault = str(error).split(" at line ")[0]
        raise PolicyError(f"{path}:{error.line}: invalid TOML: {fault}") from None
    except TOMLKitError as error:
        raise PolicyError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise PolicyError(f"{path}: invalid policy: values nested too deeply") from None
