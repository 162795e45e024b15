"""The core and the headless CLI must not import Textual (or Rich)."""

from __future__ import annotations

import subprocess
import sys

HEADLESS = [
    "list", "tree", "why", "scan", "report", "diff", "review", "audit", "approve", "deny",
    "check", "export", "cache",
]


# httpx imports its own command line (and with it Rich) when `click` is installed; click
# comes only with the test tools (import-linter), not with reviewer: hide it, so that the
# modules seen are those an installed reviewer imports.
WITHOUT_CLICK = "import sys\nsys.modules['click'] = None\n"


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c",
         WITHOUT_CLICK + code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


def test_cli_entry_point_does_not_import_textual() -> None:
    mods = _modules_after("from reviewer.cli.main import build_parser\nbuild_parser()")
    assert "textual" not in mods
    assert "rich" not in mods


def test_headless_command_modules_do_not_import_textual() -> None:
    from reviewer.cli.main import COMMANDS

    imports = "\n".join(
        f"import reviewer.cli.commands.{COMMANDS[name][0]}" for name in HEADLESS
    )
    mods = _modules_after(imports)
    assert "textual" not in mods and "rich" not in mods


def test_every_command_module_exists() -> None:
    import importlib

    from reviewer.cli.main import COMMANDS

    for module, _ in COMMANDS.values():
        loaded = importlib.import_module(f"reviewer.cli.commands.{module}")
        assert callable(loaded.add_arguments) and callable(loaded.run)


def test_core_packages_do_not_import_textual() -> None:
    import pkgutil

    import reviewer

    names = [
        m.name for m in pkgutil.walk_packages(reviewer.__path__, "reviewer.")
        if not m.name.startswith(("reviewer.tui", "reviewer.cli.commands.tui_cmd",
                                  "reviewer.cli.commands.demo_cmd"))
        and not m.name.endswith("__main__")
    ]
    mods = _modules_after("\n".join(f"import {n}" for n in names))
    assert "textual" not in mods and "rich" not in mods


def test_one_command_imports_only_its_own_module() -> None:
    """Start-up cost: `reviewer list` does not import the other commands (or the TUI)."""
    mods = _modules_after("from reviewer.cli.main import build_parser\n"
                          "parser = build_parser(only='list')\n"
                          "parser.parse_args(['list', '--json'])")
    commands = {m for m in mods if m.startswith("reviewer.cli.commands.")}
    assert commands == {"reviewer.cli.commands.list_cmd"}
    assert "reviewer.tui" not in mods


def test_the_full_parser_still_lists_and_parses_every_command() -> None:
    from reviewer.cli.main import COMMANDS, build_parser

    parser = build_parser()
    assert "why" in parser.format_help() and "export" in parser.format_help()
    for name in COMMANDS:
        assert build_parser(only=name).format_help() == parser.format_help()
    args = build_parser(only="why").parse_args(["why", "zod", "--json"])
    assert args.command == "why" and args.json
