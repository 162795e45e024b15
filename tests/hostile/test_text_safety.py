"""The sanitising module itself: every payload escaped, text kept, markdown neutral,
secrets redacted."""

from __future__ import annotations

import random

import pytest

from reviewer import text_safety
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


_FRAGMENTS = (
    "password", "PassWord", "_authToken", "authToken", "npm_token", "passwd", "secret",
    "access_token", "api_key", "Api-Key", "apikey", "_auth", "_password", "authorization",
    "Authorization", "bearer", "Bearer", "https://", "git+ssh://", "://", "@", "user:pw@",
    "npm_", "ghp_", "glpat-", "abcdefghijklmnop1234", "XYZ_-0123456789abcd", "=", ":", " = ",
    ": ", '"', "'", "&", ";", ",", " ", "  ", "\t", "\n", "\n\n", "\n   \n", "\r\n", "\x0b",
    "value", "hunter2secret", "host/path", "#", "?", "<", ">", "a", "api", "auth", "tok",
)


def _random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_FRAGMENTS) for _ in range(size))


@pytest.mark.parametrize("seed", range(40))
def test_redacting_a_long_text_where_needed_is_redacting_all_of_it(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long texts go through the expressions only around their triggers: the result must be
    exactly that of running them over the whole text (random texts dense in triggers,
    separators and line breaks, with a registered secret)."""
    rng = random.Random(seed)
    text = _random_text(rng, rng.randrange(50, 3000))
    monkeypatch.setattr(text_safety, "_BY_LINES_FROM", 0)
    monkeypatch.setattr(text_safety, "_secrets", set())
    monkeypatch.setattr(text_safety, "_secrets_pattern", None)
    if seed % 2:
        text_safety.register_secret("hunter2secret")
    assert text_safety.redact(text) == text_safety._redact(text)


def test_a_long_report_is_redacted_like_a_short_one(monkeypatch: pytest.MonkeyPatch) -> None:
    line = '  "summary": "reads the environment",\n'
    secret = '  "text": "//registry.example/:_authToken=\\n\\n   npm_abcdefghijklmnopqrstu"\n'
    header = "Authorization\n  :\n\n  Basic\n   h3ader-value-123\n"  # three lines on
    text = (line * 5000 + "password\n   =\n  \n   s3cr3t-value\n" + secret + header
            + line * 5000)
    assert len(text) > text_safety._BY_LINES_FROM
    redacted = redact(text)
    for hidden in ("s3cr3t-value", "npm_abcdefghijklmnopqrstu", "h3ader-value-123"):
        assert hidden not in redacted
    same = redacted == text_safety._redact(text)  # (a diff of two long texts takes minutes)
    assert same
