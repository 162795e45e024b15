"""The fast YAML-subset loader agrees with libyaml, and falls back to it outside the subset."""

from __future__ import annotations

from pathlib import Path

import pytest
from _npm_helpers import corpus

from reviewer.errors import LockfileError
from reviewer.lockfiles import _yaml
from reviewer.lockfiles._yaml import load_yaml


@pytest.mark.parametrize(
    "lockfile",
    [
        "mono-pnpm/pnpm-lock.yaml",
        "large-pnpm/pnpm-lock.yaml",
        "single-pnpm6/pnpm-lock.yaml",
        "mono-yarnberry/yarn.lock",
        "large-yarnberry/yarn.lock",
    ],
)
def test_fast_path_reads_the_corpus_exactly_like_libyaml(lockfile: str) -> None:
    project, name = lockfile.split("/")
    path = corpus(project) / name
    text = path.read_text(encoding="utf-8")
    fast = _yaml._fast_load(text)  # raises _Unsupported if the corpus left the subset
    slow = _yaml._libyaml_load(path, text)
    assert fast.data == slow.data
    assert fast.lines == slow.lines


SUBSET_SAMPLES = [
    "a: 1\nb:\n  c: 'it''s'\n  d: \"x\\ty\"\n  e: [x, 'y, z', \"w\"]\n  f: {k: v, 'q': \"r\"}\n",
    "list:\n  - one\n  - 'two'\n  - {a: b}\nempty:\nnull: ~\n# comment\n\nlast: v # trailing\n",
    "engines: {node: ^18.0.0 || >=20.0.0}\nurl: https://example.com/a#frag\nflow: {}\nseq: []\n",
    "'@scope/a@1.0.0(b@2.0.0)':\n  dependencies:\n    b: 2.0.0\r\n  cpu: [x64]\n",
]


@pytest.mark.parametrize("text", SUBSET_SAMPLES)
def test_fast_path_agrees_with_libyaml_on_the_subset(text: str) -> None:
    fast = _yaml._fast_load(text)
    slow = _yaml._libyaml_load(Path("x.yaml"), text)
    assert fast.data == slow.data and fast.lines == slow.lines


OUTSIDE_SUBSET = [
    ("base: &b {x: 1}\nuse: *b\n", {"base": {"x": "1"}, "use": {"x": "1"}}),
    ("text: |\n  line one\n  line two\n", {"text": "line one\nline two\n"}),
    ("plain: this is\n  continued\n", {"plain": "this is continued"}),
    ("---\na: 1\n", {"a": "1"}),
    ("nested: {a: {b: c}}\n", {"nested": {"a": {"b": "c"}}}),
    ("seq:\n- a\n- b\n", {"seq": ["a", "b"]}),
    ("tagged: !!str 10\n", {"tagged": "10"}),
]


@pytest.mark.parametrize(("text", "expected"), OUTSIDE_SUBSET)
def test_valid_yaml_outside_the_subset_goes_to_libyaml(text: str, expected: object) -> None:
    with pytest.raises(_yaml._Unsupported):
        _yaml._fast_load(text)
    assert load_yaml(Path("x.yaml"), text).data == expected


def test_scalars_stay_strings_and_empty_values_are_none() -> None:
    doc = load_yaml(Path("x.yaml"), "v: 10\nb: true\nq: '10'\ne:\nn: null\n")
    assert doc.data == {"v": "10", "b": "true", "q": "10", "e": None, "n": None}
    assert doc.line("e") == 4


def test_exponential_aliases_are_built_once(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 40)]
    doc = load_yaml(tmp_path / "x.yaml", "\n".join(lines) + "\n")
    assert doc.data["a39"][0] is doc.data["a38"]


@pytest.mark.parametrize(
    ("text", "line", "fault"),
    [
        ("a: [1, 2\nb: 3\n", 2, "malformed YAML"),
        ("a: b: c\n", 1, "malformed YAML: mapping values are not allowed"),
        ("a: 1\n  b: 2\n", 2, "malformed YAML"),
        ("? [a, b]\n: c\n", 1, "malformed YAML: a mapping key is not a string"),
        ("a: 'unterminated\n", 1, "malformed YAML"),
        ("x: " + "[" * 5000 + "\n", 1, "malformed YAML"),
    ],
)
def test_malformed_yaml_names_the_file_the_fault_and_the_line(
    tmp_path: Path, text: str, line: int | None, fault: str
) -> None:
    path = tmp_path / "pnpm-lock.yaml"
    with pytest.raises(LockfileError) as caught:
        load_yaml(path, text)
    assert caught.value.fault.startswith(fault)
    assert caught.value.line == line
    assert "\n" not in str(caught.value)


def test_reading_the_corpus_does_not_import_pyyaml() -> None:
    """The fast path keeps PyYAML's import cost out of a whole-process `reviewer list`."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom pathlib import Path\nfrom reviewer.lockfiles import pnpm\n"
        f"path = Path({str(corpus('large-pnpm') / 'pnpm-lock.yaml')!r})\n"
        "pnpm.parse(path, path.read_text())\nprint('yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
