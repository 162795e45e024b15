"""reviewer.jsontext: untrusted JSON text into values, each fault one line with its line;
and the readers of package.json-like text that must never raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.errors import LockfileError
from reviewer.exporters.jsonfile import ExportError, JsonFile
from reviewer.jsontext import JsonTextError, decode, json_object
from reviewer.lockfiles._json import load_json

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(("text", "fault", "line"), [
    ("", "empty file", None),
    ("  \n", "empty file", None),
    ('{\n  "a": 1,\n  "b": [1, 2', "truncated: the JSON ends before it is complete", 3),
    ('{\n  "a": "cut off here', "truncated: the JSON ends before it is complete", 2),
    ('{\n  "a": "x\n}', "malformed JSON: Invalid control character at", 2),
    ('{\n  "a": }\n', "malformed JSON: Expecting value", 2),
    (DEEP, "malformed JSON: nested too deeply", None),
])
def test_decode_says_the_fault_in_one_line(text: str, fault: str, line: int | None) -> None:
    with pytest.raises(JsonTextError) as raised:
        decode(text)
    assert (raised.value.fault, raised.value.line) == (fault, line)


def test_decode_ignores_a_byte_order_mark() -> None:
    assert decode('\ufeff{"a": 1}') == {"a": 1}


def test_lockfiles_and_export_name_the_file_with_the_same_fault(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    with pytest.raises(LockfileError) as raised:
        load_json(path, '{\n  "a": }\n')
    assert (raised.value.fault, raised.value.line) == ("malformed JSON: Expecting value", 2)
    path.write_text(DEEP)
    with pytest.raises(ExportError) as exported:
        JsonFile.load(path)
    assert str(exported.value) == f"{path}: malformed JSON: nested too deeply"


def test_json_object_never_raises() -> None:
    from reviewer.signals.common import parse_package_json

    assert json_object('{"name": "a"}') == {"name": "a"}
    assert json_object('\ufeff{"name": "a"}') == {"name": "a"}
    for text in ("[1]", '"a"', "", "{", DEEP, '{"a": ' + DEEP + "}"):
        assert json_object(text) is None
        assert parse_package_json(text) is None  # a tarball's package.json, hostile
