"""runner.settings_for: registries, imported advisories, policy settings, CLI overrides."""

from __future__ import annotations

from pathlib import Path

from reviewer.registry.config import RegistryConfig
from reviewer.signals.runner import settings_for

POLICY = """\
version = 1

[settings]
minimum_release_age_days = 30
allowed_registries = ["https://npm.corp.example/"]
"""


def config(tmp_path: Path) -> RegistryConfig:
    return RegistryConfig(settings={"registry": "https://registry.example/",
                                    "@corp:registry": "https://npm.corp.example/"},
                          cache_dir=tmp_path / "cache")


def test_defaults_without_policy_or_imports(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, config(tmp_path))
    assert settings.advisories is None and settings.release_age_days == 7
    assert settings.registry_for is not None
    assert settings.registry_for("@corp/x").startswith("https://npm.corp.example")
    assert settings.scan_cache_dir == tmp_path / "cache"


def test_policy_settings_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "reviewer-policy.toml").write_text(POLICY)
    settings = settings_for(tmp_path, config(tmp_path))
    assert settings.release_age_days == 30 and settings.allowed_hosts == ("npm.corp.example",)
    assert settings_for(tmp_path, config(tmp_path), release_age_days=2.0).release_age_days == 2.0


def test_imported_advisories_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "reviewer-advisories.json").write_text(
        '{"version": 1, "imports": [], "advisories": [{"id": "GHSA-x", "package": "a", '
        '"vulnerable_range": "<2", "severity": "high", "title": "t"}]}')
    settings = settings_for(tmp_path, config(tmp_path))
    assert settings.advisories is not None and settings.advisories[0].id == "GHSA-x"
