"""User key remapping: `~/.config/reviewer/keymap.toml` maps binding ids to keys.

    # keymap.toml
    approve = "A"
    deny = "D,ctrl+d"

Ids are those of the `Binding(id=...)` entries (listed on the help screen).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from platformdirs import user_config_dir


def default_keymap_path() -> Path:
    return Path(user_config_dir("reviewer")) / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """(binding id -> keys, problem). A missing file is no keymap; a bad one is a problem
    message (shown as a notification) and no keymap, never a crash."""
    path = path or default_keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, f"{path}: ignored ({error})"
    table = data.get("keymap", data)
    if not isinstance(table, dict):
        return {}, f"{path}: ignored (expected binding id = \"keys\" pairs)"
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    bad = sorted(str(k) for k, v in table.items() if not isinstance(v, str))
    return keymap, (f"{path}: ignored non-string entries {', '.join(bad)}" if bad else None)
