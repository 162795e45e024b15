"""`.npmrc` resolution (pure functions) and credentials on the wire."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from reviewer.errors import RegistryError
from reviewer.registry import npmrc
from reviewer.registry.config import RegistryConfig, escape_name
from reviewer.registry.service import RegistryService


def test_parse_comments_quotes_and_env():
    text = """
    ; a comment
    # another
    registry = https://r.example.com/npm/ ; trailing comment
    @acme:registry="https://acme.example.com/"
    //r.example.com/npm/:_authToken=${NPM_TOKEN}
    //other.example.com/:_authToken=${UNSET_VAR}
    //opt.example.com/:_authToken=${UNSET_VAR?}
    literal=\\${NPM_TOKEN}
    flag
    """
    config = npmrc.parse_npmrc(text, {"NPM_TOKEN": "tok-123"})
    assert config["registry"] == "https://r.example.com/npm/"
    assert config["@acme:registry"] == "https://acme.example.com/"
    assert config["//r.example.com/npm/:_authToken"] == "tok-123"
    assert config["//other.example.com/:_authToken"] == "${UNSET_VAR}"
    assert config["//opt.example.com/:_authToken"] == ""
    assert config["literal"] == "${NPM_TOKEN}"
    assert config["flag"] == "true"


def test_file_precedence_project_over_user_over_global(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    prefix = tmp_path / "prefix"
    (prefix / "etc").mkdir(parents=True)
    (prefix / "etc" / "npmrc").write_text("registry=https://global.example/\nonly-global=1\n")
    (home / ".npmrc").write_text("registry=https://user.example/\nonly-user=1\n")
    env = {"NPM_CONFIG_PREFIX": str(prefix)}
    assert npmrc.load_npmrc(None, env, home)["registry"] == "https://user.example/"
    (project / ".npmrc").write_text("registry=https://project.example/\n")
    merged = npmrc.load_npmrc(project, env, home)
    assert merged["registry"] == "https://project.example/"
    assert merged["only-global"] == "1" and merged["only-user"] == "1"
    env_registry = {**env, "npm_config_registry": "https://env.example/"}
    assert npmrc.load_npmrc(project, env_registry, home)["registry"] == "https://env.example/"


def test_userconfig_and_globalconfig_env(tmp_path: Path):
    user = tmp_path / "u.npmrc"
    user.write_text("registry=https://u.example/\n")
    glob = tmp_path / "g.npmrc"
    glob.write_text("@s:registry=https://g.example/\n")
    env = {"NPM_CONFIG_USERCONFIG": str(user), "NPM_CONFIG_GLOBALCONFIG": str(glob)}
    merged = npmrc.load_npmrc(None, env, tmp_path / "nohome")
    assert merged == {"@s:registry": "https://g.example/", "registry": "https://u.example/"}


def test_registry_selection():
    settings = {"registry": "https://r.example/", "@acme:registry": "https://acme.example/x"}
    assert npmrc.registry_for("lodash", settings) == "https://r.example/"
    assert npmrc.registry_for("@acme/util", settings) == "https://acme.example/x/"
    assert npmrc.registry_for("@other/util", settings) == "https://r.example/"
    assert npmrc.registry_for("@acme/util", settings, "http://cli.example") == "http://cli.example/"
    assert npmrc.registry_for("lodash", {}) == npmrc.DEFAULT_REGISTRY


def test_longest_prefix_and_host_isolation():
    settings = {
        "//r.example.com/:_authToken": "host-token",
        "//r.example.com/org/team/:_authToken": "team-token",
        "//r.example.com:8443/:_auth": "dXNlcjpwYXNz",
        "//basic.example/:username": "bob",
        "//basic.example/:_password": base64.b64encode(b"s3cret").decode(),
        "_authToken": "top-level-ignored",
    }
    header = npmrc.auth_header_for
    assert header("https://r.example.com/lodash", settings) == "Bearer host-token"
    assert header("https://r.example.com/org/team/pkg", settings) == "Bearer team-token"
    assert header("https://r.example.com/org/teamx/pkg", settings) == "Bearer host-token"
    assert header("https://r.example.com:8443/x", settings) == "Basic dXNlcjpwYXNz"
    assert header("https://R.EXAMPLE.COM:443/x", settings) == "Bearer host-token"
    assert header("https://basic.example/p", settings) == "Basic " + base64.b64encode(
        b"bob:s3cret").decode()
    assert header("https://evil.example/lodash", settings) is None
    assert header("https://r.example.com.evil.example/x", settings) is None


def test_path_scoped_token_not_sent_outside_its_path():
    settings = {"//r.example.com/private/:_authToken": "t"}
    assert npmrc.auth_header_for("https://r.example.com/private/pkg", settings) == "Bearer t"
    assert npmrc.auth_header_for("https://r.example.com/public/pkg", settings) is None


def test_escape_name():
    assert escape_name("@scope/name") == "@scope%2fname"
    assert escape_name("left-pad") == "left-pad"
    assert escape_name("we ird?#") == "we%20ird%3F%23"
    for bad in ("", ".", "..", "../etc", ".hidden"):
        with pytest.raises(RegistryError):
            escape_name(bad)


async def test_token_sent_only_to_matching_host(fixture_registry, second_registry,
                                                registry_config):
    """A token for the fixture registry's host must not go to a second host, even when
    a document's tarball URL points there."""
    host = fixture_registry.url.removeprefix("http:")
    settings = {"registry": fixture_registry.url, f"{host}:_authToken": "secret-1"}
    data = fixture_registry.tarballs["/left-pad/-/left-pad-1.3.0.tgz"]
    second_registry.add_tarball("left-pad", "1.3.0", data)
    async with RegistryService(registry_config(settings=settings)) as service:
        manifest = await service.version_document("left-pad", "1.3.0")
        await service.tarball("left-pad", "1.3.0", manifest.integrity,
                              url=second_registry.tarball_url("left-pad", "1.3.0"))
    seen = fixture_registry.requests_for("/left-pad/1.3.0")[0]
    assert seen.headers["authorization"] == "Bearer secret-1"
    tar_request = second_registry.requests_for("/left-pad/-/left-pad-1.3.0.tgz")[0]
    assert "authorization" not in tar_request.headers


async def test_redirect_to_another_host_drops_auth(fixture_registry, second_registry,
                                                   registry_config):
    host = fixture_registry.url.removeprefix("http:")
    second_host = second_registry.url.removeprefix("http:")
    settings = {"registry": fixture_registry.url, f"{host}:_authToken": "secret-1",
                # even a token configured for the target host is not added after a redirect
                f"{second_host}:_authToken": "secret-2"}
    second_registry.add_packument(fixture_registry.packuments["left-pad"])
    fixture_registry.redirect("/left-pad", second_registry.url)
    async with RegistryService(registry_config(settings=settings)) as service:
        packument = await service.packument("left-pad")
    assert packument.name == "left-pad"
    first = fixture_registry.requests_for("/left-pad")[0]
    assert first.headers["authorization"] == "Bearer secret-1"
    followed = second_registry.requests_for("/left-pad")[0]
    assert "authorization" not in followed.headers


async def test_redirect_on_same_origin_keeps_auth(fixture_registry, registry_config):
    host = fixture_registry.url.removeprefix("http:")
    settings = {"registry": fixture_registry.url, f"{host}:_authToken": "secret-1"}
    fixture_registry.redirect("/left-pad", fixture_registry.url, times=1)
    async with RegistryService(registry_config(settings=settings)) as service:
        await service.packument("left-pad")
    first, second = fixture_registry.requests_for("/left-pad")
    assert first.headers["authorization"] == second.headers["authorization"] == "Bearer secret-1"


async def test_redirect_without_location_is_an_error(fixture_registry, registry_config):
    fixture_registry.fail("/left-pad", 302)
    async with RegistryService(registry_config()) as service:
        with pytest.raises(RegistryError, match="127.0.0.1:[0-9]+ answered 302 without a Location"):
            await service.packument("left-pad")


async def test_redirect_loop_is_bounded(fixture_registry, registry_config):
    fixture_registry.redirect("/left-pad", fixture_registry.url)
    async with RegistryService(registry_config(max_redirects=3)) as service:
        with pytest.raises(RegistryError, match="more than 3 redirects"):
            await service.packument("left-pad")
    assert len(fixture_registry.requests_for("/left-pad")) == 4


async def test_registry_from_project_npmrc(fixture_registry, tmp_path: Path):
    project = tmp_path / "p"
    project.mkdir()
    host = fixture_registry.url.removeprefix("http:")
    (project / ".npmrc").write_text(f"registry=${{FIXTURE}}\n{host}:_authToken=${{TOK}}\n")
    config = RegistryConfig.from_npmrc(
        project, env={"FIXTURE": fixture_registry.url, "TOK": "from-env"},
        home=tmp_path / "home", cache_dir=None,
    )
    async with RegistryService(config) as service:
        await service.packument("left-pad")
    assert fixture_registry.requests[0].headers["authorization"] == "Bearer from-env"


def test_tls_settings(tmp_path: Path):
    import ssl

    from reviewer.registry.client import tls_verify

    assert tls_verify({}) is True
    assert tls_verify({"strict-ssl": "false"}) is False
    assert tls_verify({"cafile": str(tmp_path / "missing.pem")}) is True
    import certifi  # installed with httpx

    assert isinstance(tls_verify({"cafile": certifi.where()}), ssl.SSLContext)
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    with pytest.raises(RegistryError, match="not a usable certificate bundle"):
        tls_verify({"cafile": str(bad)})


def test_cache_dir_precedence(tmp_path: Path):
    from reviewer.paths import cache_dir, metadata_cache_dir

    assert cache_dir(tmp_path / "cli", env={"REVIEWER_CACHE_DIR": "/env"}) == tmp_path / "cli"
    assert cache_dir(None, env={"REVIEWER_CACHE_DIR": str(tmp_path / "env")}) == tmp_path / "env"
    assert cache_dir(None, env={}).name == "reviewer"
    assert metadata_cache_dir(tmp_path) == tmp_path / "metadata-v2"


def test_config_from_command_line(tmp_path: Path, monkeypatch):
    import argparse

    from reviewer.cli.common import options_from_args

    monkeypatch.setenv("NPM_CONFIG_USERCONFIG", str(tmp_path / "none"))
    monkeypatch.delenv("npm_config_registry", raising=False)
    project = tmp_path / "p"
    project.mkdir()
    (project / ".npmrc").write_text("registry=https://project.example/\n"
                                    "@acme:registry=https://acme.example/\n")
    args = argparse.Namespace(registry=None, offline=True, cache_dir=str(tmp_path / "c"),
                              concurrency=4)
    args.path = str(project)
    config = options_from_args(args).registry_config()
    assert (config.offline, config.concurrency, config.cache_dir) == (True, 4, tmp_path / "c")
    assert config.document_url("@acme/x", "1.0.0") == "https://acme.example/@acme%2fx/1.0.0"
    assert config.document_url("lodash") == "https://project.example/lodash"
    args.registry = "http://cli.example"
    assert options_from_args(args).registry_config().document_url("@acme/x") == (
        "http://cli.example/@acme%2fx")
