"""A fixture npm registry on 127.0.0.1: real sockets, recorded documents, per-test faults.

API (shared by every engineer's tests; the pytest fixture `fixture_registry` in
tests/conftest.py gives a started instance per test, stopped afterwards):

    registry = FixtureRegistry()             # loads tests/data/registry/documents + tarballs
                                             # (memoize=True: render each document once)
    registry.start()                         # threaded HTTP/1.1 server on a free port
    registry.url                             # "http://127.0.0.1:PORT/" (registry base URL)
    registry.add_packument(doc)              # add or replace a packument (dict, registry shape)
    registry.add_tarball(name, version, data)  # serve bytes at <url><name>/-/<base>-<ver>.tgz
    registry.tarball_url(name, version)
    registry.remove(name)                    # the package now answers 404
    registry.advisories = {...} | None       # POST /-/npm/v1/security/advisories/bulk:
                                             #   a dict is returned; None (default) -> 405
    registry.etag = True                     # send ETag (+ 304 on If-None-Match); default True
    registry.last_modified = False           # send Last-Modified (+ 304 on If-Modified-Since)
    registry.corgi = True                    # False: ignore the corgi Accept header and send
                                             #   the full document (like the mirror)
    # faults, keyed by request path as the client sends it decoded ("/left-pad",
    # "/@isaacs/string-locale-compare", "/left-pad/1.3.0", "/left-pad/-/left-pad-1.3.0.tgz")
    # or "*" for every path:
    registry.fail(path, 429, 500, retry_after="1")  # answer these statuses first, in order
    registry.slow(path, seconds)             # sleep before answering
    registry.truncate(path)                  # Content-Length larger than the body, then close
    registry.malformed(path)                 # a 200 whose body is not JSON
    registry.oversize(path, nbytes, chunked=False)  # a body of nbytes (no Content-Length if chunked)
    registry.redirect(path, target_url, times=None)  # 302 to target_url + the same path
                                             #   (only the first `times` requests if given)
    registry.drip(path, interval)            # headers at once, then the body one byte every
                                             #   `interval` seconds (a slow-drip registry)
    registry.extra_headers(path, {name: value})  # added to the answer (hostile headers);
                                             #   with a 3xx status in fail(), e.g. a Location
    registry.bytes_sent                      # body bytes of every response so far
    registry.requests                        # [Request(method, path, headers{lower-case}, body,
                                             #   raw_path as on the request line)]
    registry.requests_for(path)              # the requests for one path
    registry.stop()

A second server for cross-host redirects: `FixtureRegistry(host="127.0.0.2")` (any
127/8 address works on Linux; `second_host()` picks 127.0.0.2 or falls back to 127.0.0.1).

Dist tarball URLs in the documents are rewritten to this server when served (as Verdaccio
does with its Host header). Abbreviated documents (Accept: application/vnd.npm.install-v1+json)
are derived from the full ones like the public registry does (no time, maintainers, scripts).
Documents are pretty-printed to be realistic; the recorded data and which fields were
added to it are described in tests/data/registry/augment.py.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "registry"
PUBLIC_REGISTRY = "https://registry.npmjs.org/"
CORGI_TYPE = "application/vnd.npm.install-v1+json"
CORGI_VERSION_KEYS = (
    "name", "version", "deprecated", "dependencies", "optionalDependencies",
    "devDependencies", "bundleDependencies", "peerDependencies", "peerDependenciesMeta",
    "bin", "directories", "dist", "engines", "_hasShrinkwrap", "hasInstallScript", "os",
    "cpu", "funding",
)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    """Decoded (`%2f` -> `/`)."""
    headers: dict[str, str]
    body: bytes = b""
    raw_path: str = ""
    """As sent on the request line."""


@dataclass
class Fault:
    statuses: list[int] = field(default_factory=list)
    retry_after: str | None = None
    delay: float = 0.0
    truncate: bool = False
    malformed: bool = False
    oversize: int | None = None
    chunked: bool = False
    redirect_to: str | None = None
    redirects_left: int | None = None
    drip: float | None = None
    headers: dict[str, str] = field(default_factory=dict)


def tarball_basename(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def abbreviate(doc: dict[str, Any]) -> dict[str, Any]:
    """The corgi form of a full packument."""
    modified = (doc.get("time") or {}).get("modified", "2025-01-01T00:00:00.000Z")
    return {
        "name": doc.get("name"),
        "modified": modified,
        "dist-tags": doc.get("dist-tags", {}),
        "versions": {
            version: {k: v for k, v in manifest.items() if k in CORGI_VERSION_KEYS}
            for version, manifest in (doc.get("versions") or {}).items()
            if isinstance(manifest, dict)
        },
    }


def second_host() -> str:
    """127.0.0.2 if this machine can bind it, else 127.0.0.1."""
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.2", 0))
        return "127.0.0.2"
    except OSError:
        return "127.0.0.1"


class FixtureRegistry:
    def __init__(self, host: str = "127.0.0.1", *, load_data: bool = True,
                 memoize: bool = False) -> None:
        self.host = host
        self.memoize = memoize
        """Render each document once (benchmarks); then edit documents only through
        add_packument/remove."""
        self._rendered: dict[tuple[str, str], str] = {}
        self.packuments: dict[str, dict[str, Any]] = {}
        self.tarballs: dict[str, bytes] = {}
        self.faults: dict[str, Fault] = {}
        self.requests: list[Request] = []
        self.bytes_sent = 0
        self.advisories: dict[str, Any] | None = None
        self.etag = True
        self.last_modified = False
        self.corgi = True
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._base_url: str | None = None
        self.server_errors: list[str] = []
        """Tracebacks of handler errors, kept here instead of printed to stderr (where they
        would land in whatever test captures stderr at that moment)."""
        self._thread: threading.Thread | None = None
        if load_data:
            self._load()

    # -- data ------------------------------------------------------------------------------

    def _load(self) -> None:
        for path in sorted((DATA_DIR / "documents").glob("*.json")):
            self.add_packument(json.loads(path.read_text()))
        for doc in list(self.packuments.values()):
            for version in doc["versions"]:
                base = f"{doc['name'].replace('/', '-')}-{version}.tgz"
                file = DATA_DIR / "tarballs" / base
                if file.is_file():
                    self.add_tarball(doc["name"], version, file.read_bytes())

    def add_packument(self, doc: dict[str, Any]) -> None:
        with self._lock:
            self.packuments[doc["name"]] = doc
            self._rendered.clear()

    def remove(self, name: str) -> None:
        with self._lock:
            self.packuments.pop(name, None)
            self._rendered.clear()

    def add_tarball(self, name: str, version: str, data: bytes) -> None:
        with self._lock:
            self.tarballs[f"/{name}/-/{tarball_basename(name)}-{version}.tgz"] = data

    @property
    def url(self) -> str:
        """The base URL; it stays valid after stop() for requests still in flight."""
        assert self._base_url is not None, "start() the server first"
        return self._base_url

    def tarball_url(self, name: str, version: str) -> str:
        return f"{self.url}{name}/-/{tarball_basename(name)}-{version}.tgz"

    # -- faults ----------------------------------------------------------------------------

    def _fault(self, path: str) -> Fault:
        return self.faults.setdefault(path, Fault())

    def fail(self, path: str, *statuses: int, retry_after: str | None = None) -> None:
        fault = self._fault(path)
        fault.statuses.extend(statuses)
        fault.retry_after = retry_after

    def slow(self, path: str, seconds: float) -> None:
        self._fault(path).delay = seconds

    def truncate(self, path: str) -> None:
        self._fault(path).truncate = True

    def malformed(self, path: str) -> None:
        self._fault(path).malformed = True

    def oversize(self, path: str, nbytes: int, *, chunked: bool = False) -> None:
        fault = self._fault(path)
        fault.oversize = nbytes
        fault.chunked = chunked

    def redirect(self, path: str, target_url: str, times: int | None = None) -> None:
        fault = self._fault(path)
        fault.redirect_to = target_url
        fault.redirects_left = times

    def drip(self, path: str, interval: float) -> None:
        self._fault(path).drip = interval

    def extra_headers(self, path: str, headers: dict[str, str]) -> None:
        self._fault(path).headers.update(headers)

    def requests_for(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FixtureRegistry:
        handler = type("Handler", (_Handler,), {"registry": self})
        self._server = _QuietServer((self.host, 0), handler)
        self._server.daemon_threads = True
        self._server.errors = self.server_errors
        self._base_url = f"http://{self.host}:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FixtureRegistry:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- serving (called from handler threads) ---------------------------------------------

    def _rewrite(self, doc: Any) -> Any:
        text = json.dumps(doc, indent=2)
        return text.replace(PUBLIC_REGISTRY, self.url)

    def document_for(self, path: str, accept: str) -> tuple[int, str, str]:
        """(status, content type, body) for a GET of `path` (decoded)."""
        parts = path.strip("/").split("/")
        if parts[:2] == ["-", "package"] and parts[-1] == "dist-tags" and len(parts) in (4, 5):
            with self._lock:  # GET /-/package/<name>/dist-tags
                doc = self.packuments.get("/".join(parts[2:-1]))
            if doc is None:
                return 404, "application/json", '{"error":"Not found"}'
            return 200, "application/json", json.dumps(doc.get("dist-tags", {}))
        if parts and parts[0].startswith("@") and len(parts) >= 2:
            name, rest = "/".join(parts[:2]), parts[2:]
        else:
            name, rest = (parts[0] if parts else ""), parts[1:]
        with self._lock:
            doc = self.packuments.get(name)
        if doc is None:
            return 404, "application/json", '{"error":"Not found"}'
        if not rest:
            corgi = self.corgi and CORGI_TYPE in accept
            key = (name, "corgi" if corgi else "full")
            text = self._rendered.get(key) if self.memoize else None
            if text is None:
                text = self._rewrite(abbreviate(doc) if corgi else doc)
                if self.memoize:
                    self._rendered[key] = text
            return 200, CORGI_TYPE if corgi else "application/json", text
        if len(rest) == 1:
            version = doc.get("dist-tags", {}).get(rest[0], rest[0])
            manifest = doc.get("versions", {}).get(version)
            if manifest is None:
                return 404, "application/json", '{"error":"version not found: ' + rest[0] + '"}'
            return 200, "application/json", self._rewrite(manifest)
        return 404, "application/json", '{"error":"Not found"}'


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    errors: list[str]

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that stops reading (size caps, timeouts) is expected; anything else is
        recorded in `FixtureRegistry.server_errors`, never printed."""
        import sys
        import traceback

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            self.errors.append(traceback.format_exc())


class _Handler(BaseHTTPRequestHandler):
    registry: FixtureRegistry
    protocol_version = "HTTP/1.1"
    # headers and body in one segment, no Nagle: otherwise each response waits ~40 ms
    # for a delayed ACK on loopback
    disable_nagle_algorithm = True
    wbufsize = 256 * 1024

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def finish(self) -> None:
        try:
            super().finish()
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: fine
            pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        registry = self.registry
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        path = unquote(urlsplit(self.path).path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        with registry._lock:
            registry.requests.append(Request(method, path, headers, body, self.path))
            fault = registry.faults.get(path) or registry.faults.get("*")
            status = fault.statuses.pop(0) if fault and fault.statuses else None
        if fault and fault.delay:
            time.sleep(fault.delay)
        if status is not None:
            extra = {"retry-after": fault.retry_after} if fault and fault.retry_after else {}
            extra.update(fault.headers if fault else {})
            return self._send(status, b'{"error":"fault"}', "application/json", extra)
        if fault and fault.redirect_to and fault.redirects_left != 0:
            if fault.redirects_left is not None:
                fault.redirects_left -= 1
            target = fault.redirect_to.rstrip("/") + self.path
            return self._send(302, b"", "text/plain", {"location": target})
        if fault and fault.oversize is not None:
            return self._send_big(fault.oversize, fault.chunked)
        if method == "POST":
            return self._post(path)
        with registry._lock:
            tarball = registry.tarballs.get(path)
        if tarball is not None and fault and fault.drip:
            return self._send_drip(tarball, "application/octet-stream", fault.drip)
        if tarball is not None:
            return self._send(200, tarball, "application/octet-stream", dict(fault.headers) if fault else {},
                              truncate=bool(fault and fault.truncate))
        status, content_type, text = registry.document_for(path, headers.get("accept", ""))
        data = text.encode()
        if fault and fault.malformed and status == 200:
            data = data[: len(data) // 2] + b"<html>oops"
        if fault and fault.drip and status == 200:
            return self._send_drip(data, content_type, fault.drip)
        extra: dict[str, str] = dict(fault.headers) if fault else {}
        if status == 200:
            tag = '"' + hashlib.md5(data).hexdigest() + '"'
            modified = "Wed, 04 Jun 2025 08:30:00 GMT"
            if registry.etag:
                extra["etag"] = tag
                seen = headers.get("if-none-match", "")
                if seen and seen.removeprefix("W/") == tag:
                    return self._send(304, b"", content_type, extra)
            if registry.last_modified:
                extra["last-modified"] = modified
                if headers.get("if-modified-since") == modified:
                    return self._send(304, b"", content_type, extra)
            extra["cache-control"] = "public, max-age=300"
        self._send(status, data, content_type, extra, truncate=bool(fault and fault.truncate))

    def _post(self, path: str) -> None:
        if path != "/-/npm/v1/security/advisories/bulk":
            return self._send(404, b"", "application/json", {})
        if self.registry.advisories is None:
            return self._send(405, b"", "text/plain", {"allow": "GET,HEAD"})
        self._send(200, json.dumps(self.registry.advisories).encode(), "application/json", {})

    def _send(self, status: int, data: bytes, content_type: str, extra: dict[str, str],
              *, truncate: bool = False) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        for key, value in extra.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(data)))
        if truncate:
            self.send_header("connection", "close")
        self.end_headers()
        if self.command == "HEAD" or status == 304:
            return
        with self.registry._lock:
            self.registry.bytes_sent += len(data)
        if truncate:
            self.wfile.write(data[: max(1, len(data) // 3)])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)
        self.wfile.flush()

    def _send_drip(self, data: bytes, content_type: str, interval: float) -> None:
        self.send_response(200)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.flush()
        try:
            for index in range(len(data)):
                time.sleep(interval)
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def _send_big(self, nbytes: int, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("content-type", "application/json")
        if chunked:
            self.send_header("transfer-encoding", "chunked")
        else:
            self.send_header("content-length", str(nbytes))
        self.end_headers()
        block = b'{"pad":"' + b"x" * 65536
        sent = 0
        try:
            while sent < nbytes:
                piece = block[: min(len(block), nbytes - sent)]
                if chunked:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                else:
                    self.wfile.write(piece)
                sent += len(piece)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True
