"""Verdaccio 6.8.0 on a free 127.0.0.1 port, with helpers to create users and publish.

API (shared; the session fixture `verdaccio` in tests/conftest.py gives a started instance):

    server = Verdaccio(home=Path(os.environ["REVIEWER_VERDACCIO_HOME"]), workdir=tmp)
    server.start()                  # temp config + storage, waits for /-/ping (raises on failure)
    server.url                      # "http://127.0.0.1:PORT/"
    token = server.create_user("alice")          # PUT /-/user/org.couchdb.user:alice -> token
    manifest = server.publish(
        "left-padx", "1.0.0", {"index.js": "module.exports = 1"},
        user="alice",                            # authenticated as this user
        npm_user="alice",                        # `_npmUser` recorded (any name; not checked)
        maintainers=["alice", "bob"],            # per-version `maintainers`
        extra={"scripts": {"postinstall": "node setup.js"}, "dependencies": {...}},
        tag="latest",
    )                               # raw CouchDB-style PUT -> Published(name, version,
                                    #   manifest, tarball bytes, integrity, shasum)
    server.npmrc_for("alice")       # text of an .npmrc that authenticates as alice
    server.stop()                   # SIGTERM, wait for exit (SIGKILL after 10 s)

    build_tarball({"index.js": b"...", "package.json": "..."}) -> bytes (.tgz, `package/` prefix)
    integrity_of(data) -> (sri sha512, hex sha1)

Notes (see /work/shared/notes/verdaccio.md): Verdaccio keeps `_npmUser` and per-version
`maintainers` as sent, stamps `time` itself, answers ETag/304 for documents (not tarballs),
and builds `dist.tarball` from the request's Host header.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import signal
import socket
import subprocess
import tarfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

CONFIG = """\
storage: {dir}/storage
listen: 127.0.0.1:{port}
auth:
  htpasswd:
    file: {dir}/htpasswd
    max_users: 1000
uplinks: {{}}
packages:
  '@*/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
server:
  keepAliveTimeout: 60
web:
  enable: false
middlewares:
  audit:
    enabled: false
log:
  type: stdout
  format: pretty
  level: warn
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_tarball(files: dict[str, bytes | str], top: str = "package",
                  mtime: int = 499162500) -> bytes:
    """A gzipped tar of `files` (path -> content) under `top/`, like `npm pack`."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
        for path, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(f"{top}/{path}" if top else path)
            info.size = len(data)
            info.mtime = mtime
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    return raw.getvalue()


def integrity_of(data: bytes) -> tuple[str, str]:
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    return f"sha512-{digest}", hashlib.sha1(data).hexdigest()


def verdaccio_script(home: Path) -> Path:
    return home / "node_modules" / "verdaccio" / "bin" / "verdaccio"


class VerdaccioError(RuntimeError):
    pass


@dataclass(frozen=True)
class Published:
    name: str
    version: str
    manifest: dict[str, Any]
    """The version manifest sent (with `dist`)."""
    tarball: bytes
    integrity: str
    shasum: str


class Verdaccio:
    def __init__(self, home: Path, workdir: Path) -> None:
        self.home = home
        self.workdir = workdir
        self.port = 0
        self.tokens: dict[str, str] = {}
        self.passwords: dict[str, str] = {}
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout: float = 60.0) -> Verdaccio:
        script = verdaccio_script(self.home)
        if not script.is_file():
            raise VerdaccioError(f"Verdaccio is not installed at {script} "
                                 "(run .ci/run, or set REVIEWER_VERDACCIO_HOME)")
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "storage").mkdir(exist_ok=True)
        self.port = free_port()
        config = self.workdir / "config.yaml"
        config.write_text(CONFIG.format(dir=self.workdir, port=self.port))
        log = open(self.workdir / "verdaccio.log", "wb")  # noqa: SIM115 - lives with the process
        self._process = subprocess.Popen(
            ["node", str(script), "--config", str(config)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=self.workdir, env={**os.environ, "NODE_ENV": "production"},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise VerdaccioError("Verdaccio exited at start: "
                                     + (self.workdir / "verdaccio.log").read_text()[-2000:])
            try:
                with urllib.request.urlopen(self.url + "-/ping", timeout=1) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise VerdaccioError(f"Verdaccio did not answer /-/ping within {timeout} s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    # -- HTTP ------------------------------------------------------------------------------

    def _request(self, method: str, path: str, body: Any = None,
                 headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path.lstrip("/"), data=data, method=method,
                                         headers={"content-type": "application/json",
                                                  **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            text = error.read()
            try:
                return error.code, json.loads(text or b"null")
            except ValueError:
                return error.code, text.decode(errors="replace")

    def create_user(self, name: str, password: str | None = None) -> str:
        """Register `name` (or log in again) and return its token."""
        if name in self.tokens:
            return self.tokens[name]
        password = password or f"{name}-pw-123"
        body = {"_id": f"org.couchdb.user:{name}", "name": name, "password": password,
                "email": f"{name}@example.test", "type": "user", "roles": []}
        status, answer = self._request("PUT", f"-/user/org.couchdb.user:{name}", body)
        if status == 409:
            basic = base64.b64encode(f"{name}:{password}".encode()).decode()
            status, answer = self._request("PUT", f"-/user/org.couchdb.user:{name}", body,
                                           {"authorization": f"Basic {basic}"})
        if status != 201 or not isinstance(answer, dict) or "token" not in answer:
            raise VerdaccioError(f"creating user {name}: HTTP {status} {answer!r}")
        self.tokens[name] = answer["token"]
        self.passwords[name] = password
        return answer["token"]

    def npmrc_for(self, user: str) -> str:
        host = self.url.removeprefix("http:")
        return f"registry={self.url}\n{host}:_authToken={self.create_user(user)}\n"

    def tarball_url(self, name: str, version: str) -> str:
        return f"{self.url}{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"

    def publish(
        self,
        name: str,
        version: str,
        files: dict[str, bytes | str],
        *,
        user: str,
        npm_user: str | None = None,
        maintainers: list[str] | None = None,
        extra: dict[str, Any] | None = None,
        tag: str = "latest",
    ) -> Published:
        """Publish `name@version` with a raw CouchDB-style PUT, authenticated as `user`."""
        token = self.create_user(user)
        package_json = {"name": name, "version": version, **(extra or {})}
        all_files = {"package.json": json.dumps(package_json, indent=2), **files}
        data = build_tarball(all_files)
        integrity, shasum = integrity_of(data)
        manifest: dict[str, Any] = {
            **package_json,
            "_id": f"{name}@{version}",
            "dist": {"integrity": integrity, "shasum": shasum,
                     "tarball": self.tarball_url(name, version)},
        }
        if npm_user is not None:
            manifest["_npmUser"] = {"name": npm_user, "email": f"{npm_user}@example.test"}
        if maintainers is not None:
            manifest["maintainers"] = [{"name": m, "email": f"{m}@example.test"}
                                       for m in maintainers]
        attachment = f"{name.rsplit('/', 1)[-1]}-{version}.tgz"
        body = {
            "_id": name, "name": name, "dist-tags": {tag: version},
            "versions": {version: manifest},
            "_attachments": {attachment: {"content_type": "application/octet-stream",
                                          "data": base64.b64encode(data).decode(),
                                          "length": len(data)}},
        }
        status, answer = self._request("PUT", quote(name, safe="@/").replace("/", "%2f"),
                                       body, {"authorization": f"Bearer {token}"})
        if status not in (200, 201):
            raise VerdaccioError(f"publishing {name}@{version}: HTTP {status} {answer!r}")
        return Published(name, version, manifest, data, integrity, shasum)
