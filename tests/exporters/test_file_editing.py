"""The JSON and YAML editors keep what they do not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.exporters.jsonfile import ExportError, JsonFile
from reviewer.exporters.pnpm import sync_map
from reviewer.exporters.yamlfile import YamlFile


def load(tmp_path: Path, text: str, name: str = "package.json") -> JsonFile:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return JsonFile.load(path)


@pytest.mark.parametrize(("text", "unit"), [
    ('{\n  "a": 1,\n  "b": [1, 2]\n}\n', "  "),
    ('{\n    "a": 1,\n    "b": [1, 2]\n}', "    "),
    ('{\n\t"a": 1,\n\t"b": [1, 2]\n}\n', "\t"),
])
def test_untouched_members_are_byte_identical(tmp_path: Path, text: str, unit: str) -> None:
    doc = load(tmp_path, text)
    doc.data["allowScripts"] = {"x@1.0.0": True}
    out = doc.render()
    assert out.startswith(text[: text.index("[1, 2]") + 6] + ",")  # "b": [1, 2] kept inline
    assert f'\n{unit}"allowScripts": {{\n{unit}{unit}"x@1.0.0": true\n{unit}}}' in out
    assert out.endswith("\n") == text.endswith("\n")
    assert json.loads(out) == {"a": 1, "b": [1, 2], "allowScripts": {"x@1.0.0": True}}
    assert load(tmp_path, text).render() == text  # no change -> same bytes


def test_changed_and_removed_members_crlf_and_unicode(tmp_path: Path) -> None:
    text = '{\r\n  "name": "ünï",\r\n  "x": {"old": true},\r\n  "y": 2,\r\n  "z": 3\r\n}\r\n'
    doc = load(tmp_path, text)
    doc.data["x"] = {"new": False}
    del doc.data["y"]
    out = doc.render()
    assert out == '{\r\n  "name": "ünï",\r\n  "x": {\r\n    "new": false\r\n  },\r\n  "z": 3\r\n}\r\n'
    del doc.data["name"]
    assert json.loads(doc.render()) == {"x": {"new": False}, "z": 3}


def test_empty_and_minified_and_new_files(tmp_path: Path) -> None:
    doc = load(tmp_path, "{}\n")
    doc.data["a"] = [1]
    assert json.loads(doc.render()) == {"a": [1]}
    doc = load(tmp_path, '{"a":1,"b":2}')
    doc.data["c"] = 3
    assert doc.render() == '{"a":1,"b":2,"c":3}'
    fresh = JsonFile.load(tmp_path / "absent.json")
    assert fresh.original is None
    fresh.data["k"] = "v"
    assert fresh.render() == '{\n  "k": "v"\n}\n'


def test_json_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"package.json:2: malformed JSON"):
        load(tmp_path, '{\n  "a": }\n')
    with pytest.raises(ExportError, match="expected a JSON object"):
        load(tmp_path, "[1]\n")
    doc = load(tmp_path, '{"lavamoat": 3}\n')
    with pytest.raises(ExportError, match="`lavamoat` is not an object"):
        doc.section("lavamoat", "allowScripts")


def test_yaml_keeps_comments_and_sorts_new_keys(tmp_path: Path) -> None:
    path = tmp_path / "pnpm-workspace.yaml"
    path.write_text("# top\npackages:\n- apps/*   # apps\nallowBuilds:\n  b: true  # keep\n  z: true\n\nother: 1\n")
    doc = YamlFile.load(path)
    existing = doc.get_map("allowBuilds")
    assert existing is not None
    sync_map(existing, {"a": True, "b": False, "c@1.0.0 || 1.0.1": True})
    out = doc.render()
    assert out == ("# top\npackages:\n- apps/*   # apps\nallowBuilds:\n  a: true\n  b: false # keep\n"
                   "  c@1.0.0 || 1.0.1: true\n\nother: 1\n")
