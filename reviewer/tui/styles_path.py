"""Where the .tcss stylesheets are: `reviewer/styles` in an installed wheel (hatch
force-includes the repository's `styles/` there), or `styles/` at the top of a source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent

STYLESHEETS: tuple[str, ...] = ("app.tcss", "main.tcss", "detail.tcss", "summary.tcss", "modals.tcss")
"""Loaded in this order; later sheets may refine earlier ones."""


def styles_dir() -> Path:
    """The directory holding the stylesheets. Raises FileNotFoundError when neither exists."""
    for candidate in (_PACKAGE_DIR / "styles", _PACKAGE_DIR.parent / "styles"):
        if (candidate / STYLESHEETS[0]).is_file():
            return candidate
    raise FileNotFoundError(f"reviewer stylesheets not found near {_PACKAGE_DIR}")


def stylesheet_paths() -> list[Path]:
    directory = styles_dir()
    return [directory / name for name in STYLESHEETS]
