"""The sanitising module itself: every payload escaped, text kept, markdown neutral,
secrets redacted."""

from __future__ import annotations

import pytest

from reviewer.text_safety import markdown, one_line, redact, safe, visible

from .conftest import PAYLOADS, assert_clean

PAYLOAD_IDS = list(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOAD_IDS)
def test_visible_escapes_every_payload(payload: str) -> None:
    text = "a" + PAYLOADS[payload] + "b"
    for shown in (visible(text), one_line(text), safe(text), markdown(text)):
        assert_clean(shown)
        assert shown.startswith("a") and shown.endswith("b")
    assert "\\" in one_line(text)


def test_visible_keeps_text_newlines_and_tabs() -> None:
    assert visible("zod ✓ 中文 😀\n\tx") == "zod ✓ 中文 😀\n\tx"
    assert visible("a\r\nb") == "a\nb"
    assert visible("a\rb") == "a\\x0db"
    assert one_line("a\nb") == "a\\nb"
    assert visible("\x1b[31m") == "\\x1b[31m" and visible("\u202e") == "\\u202e"
    assert visible(visible("\x1b\u202e")) == visible("\x1b\u202e")  # idempotent


def test_markdown_cannot_break_a_table_or_open_html() -> None:
    shown = markdown("a|b<script>`x`@team [l](u)\n# h")
    for raw in "|<>`@[]\n":
        assert raw not in shown
    assert "# h" not in shown



def test_redaction_examples() -> None:
    assert redact("https://bob:hunter2@r.example/x") == "https://***@r.example/x"
    assert "hunter2" not in redact("//r.example/:_authToken=hunter2")
    assert "hunter2" not in redact("//r.example/:_auth=\"hunter2\"")
    assert "abcdef123456" not in redact("authorization: Bearer abcdef123456")
    assert redact("Unexpected token abc in JSON") == "Unexpected token abc in JSON"


def test_fast_paths_escape_exactly_what_the_rule_says() -> None:
    """visible/json_text skip the characters they keep (a long report has a newline per
    line): the result is the one character-by-character rule, every option combined."""
    import json

    from reviewer.text_safety import _escape, json_text

    text = "a\n\tb\r\x1b[31m\u202e\u200b\x85\x7f ✓ 中 😀\u2028 \u00a0" + "".join(PAYLOADS.values())
    for newlines in (True, False):
        for tabs in (True, False):
            expected = "".join(
                c if (c == "\n" and newlines) or (c == "\t" and tabs) or c.isprintable()
                else _escape(c) for c in (text.replace("\r\n", "\n") if newlines else text))
            assert visible(text, newlines=newlines, tabs=tabs) == expected
    dumped = json.dumps({"k": text, "l": ["x\ny"]}, indent=1, ensure_ascii=False)
    shown = json_text(dumped)
    assert json.loads(shown) == json.loads(dumped)
    assert "\n" in shown and all(c == "\n" or c.isprintable() for c in shown)
    assert redact("x password = hunter22 y") == "x password = *** y"
    assert redact("PASSWD:\n  hunter22") == "PASSWD:\n  ***"
