"""Package tarballs verified and read in memory, never extracted to disk.

`open_tarball(data, integrity, shasum)` checks the bytes against the SRI `integrity`
(strongest of sha512/sha384/sha256/sha1 it names) or, without one, the hex SHA-1
`shasum`, *before* decompressing anything; a mismatch raises IntegrityError naming both
hashes. Then it decompresses with caps on compressed size, uncompressed size and entry
count (TarballError past any of them) and lists every entry.

Paths lose their first segment (`package/`, or any single top directory, as npm does).
Entries with an absolute path, a `..` component, links, devices or fifos are listed with an
`unsafe` reason and never followed; entries outside any top directory are listed as
unsafe too (npm ignores them). Regular files, safe or not, can be read as bytes or text:
reading is harmless because nothing is ever written.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import tarfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.errors import IntegrityError, IntegrityMismatch, TarballError
from reviewer.registry.interface import TarEntry

# Strongest first.
_ALGORITHMS = ("sha512", "sha384", "sha256", "sha1")


@dataclass(frozen=True, slots=True)
class TarballLimits:
    compressed_bytes: int = 64 * 1024 * 1024
    uncompressed_bytes: int = 256 * 1024 * 1024
    entries: int = 100_000


DEFAULT_LIMITS = TarballLimits()


# -- integrity -----------------------------------------------------------------------------


def _parse_sri(integrity: str) -> dict[str, list[str]]:
    """`sha512-<b64> sha1-<b64>?opts` -> {algorithm: [base64 digests]}."""
    hashes: dict[str, list[str]] = {}
    for token in integrity.split():
        algorithm, sep, digest = token.partition("-")
        if sep and algorithm.lower() in _ALGORITHMS and digest:
            hashes.setdefault(algorithm.lower(), []).append(digest.split("?", 1)[0])
    return hashes


def verify_integrity(data: bytes, integrity: str | None, shasum: str | None) -> str:
    """Check `data` and return the algorithm used. IntegrityError when it does not match,
    or when there is nothing usable to check against."""
    if integrity:
        hashes = _parse_sri(integrity)
        for algorithm in _ALGORITHMS:
            expected = hashes.get(algorithm)
            if not expected:
                continue
            actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
            if actual in expected:
                return algorithm
            raise IntegrityMismatch("integrity mismatch", f"{algorithm}-{expected[0]}",
                                    f"{algorithm}-{actual}")
        if not shasum:
            raise IntegrityError(f"unsupported integrity value: {integrity[:80]!r}")
    if shasum:
        expected_hex = shasum.strip().lower()
        actual_hex = hashlib.sha1(data).hexdigest()
        if actual_hex != expected_hex:
            raise IntegrityMismatch("shasum mismatch", expected_hex, actual_hex)
        return "sha1"
    raise IntegrityError("no integrity or shasum to verify the tarball against")


# -- decompression -------------------------------------------------------------------------


def _decompress(data: bytes, limit: int) -> bytes:
    if data[:2] != b"\x1f\x8b":
        if len(data) > limit:
            raise TarballError(f"tarball larger than {limit} bytes uncompressed")
        return data  # a plain tar
    inflater = zlib.decompressobj(wbits=31)
    out = bytearray()
    pending = data
    try:
        while pending:
            chunk = inflater.decompress(pending, 1024 * 1024)
            out += chunk
            if len(out) > limit:
                raise TarballError(
                    f"tarball expands past {limit} bytes (a decompression bomb?)"
                )
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
            if not chunk and not pending:
                break
        out += inflater.flush()
    except zlib.error as error:
        raise TarballError(f"tarball is not valid gzip: {error}") from None
    if not inflater.eof:
        raise TarballError("tarball is truncated: the gzip stream ends before its end marker "
                           "(npm rejects it too)")
    if len(out) > limit:
        raise TarballError(f"tarball expands past {limit} bytes (a decompression bomb?)")
    return bytes(out)


# -- entries -------------------------------------------------------------------------------


def _kind(member: tarfile.TarInfo) -> str:
    if member.isreg():
        return "file"
    if member.isdir():
        return "dir"
    if member.issym():
        return "symlink"
    if member.islnk():
        return "hardlink"
    if member.ischr() or member.isblk():
        return "device"
    if member.isfifo():
        return "fifo"
    return "other"


def _strip_top(name: str) -> tuple[str, str | None]:
    """npm's `strip: 1`: drop the first path segment. Returns (path, unsafe reason)."""
    unsafe = None
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        unsafe = "absolute path"
    parts = [p for p in normalized.split("/") if p not in ("", ".")]
    if ".." in parts:
        unsafe = unsafe or "path goes up with `..`"
    if len(parts) < 2:
        return ("/".join(parts) or name, unsafe or "outside the package directory")
    return ("/".join(parts[1:]), unsafe)


class Tarball:
    """A verified tarball held in memory (implements `TarballContents`)."""

    def __init__(self, tar_bytes: bytes, entries: list[TarEntry], files: dict[str, tuple[int, int]],
                 algorithm: str) -> None:
        self._tar = memoryview(tar_bytes)
        self._entries = entries
        self._files = files
        self.verified_with = algorithm
        """The hash algorithm the bytes were checked with (sha512, sha1...)."""

    def __reduce__(self) -> tuple[type[Tarball], tuple[bytes, list[TarEntry], dict[str, tuple[int, int]], str]]:
        """Pickled as its tar bytes and index (for a code analysis in a worker process)."""
        tar = self._tar.obj
        assert isinstance(tar, bytes)
        return (Tarball, (tar, self._entries, self._files, self.verified_with))

    @property
    def entries(self) -> Sequence[TarEntry]:
        return self._entries

    @property
    def unsafe_entries(self) -> list[TarEntry]:
        return [e for e in self._entries if e.unsafe]

    def files(self) -> list[str]:
        """Paths of the regular files."""
        return list(self._files)

    def read_bytes(self, path: str) -> bytes:
        offset, size = self._files[path]
        return bytes(self._tar[offset : offset + size])

    def read_text(self, path: str) -> str:
        return decode_text(self.read_bytes(path))


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM dropped), UTF-16 when it has a BOM, else latin-1 (never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def open_tarball(
    data: bytes,
    integrity: str | None,
    shasum: str | None = None,
    *,
    limits: TarballLimits = DEFAULT_LIMITS,
) -> Tarball:
    """Verify, then list `data` (a .tgz). See the module docstring."""
    if len(data) > limits.compressed_bytes:
        raise TarballError(f"tarball is {len(data)} bytes, over the {limits.compressed_bytes} cap")
    algorithm = verify_integrity(data, integrity, shasum)
    tar_bytes = _decompress(data, limits.uncompressed_bytes)
    entries: list[TarEntry] = []
    files: dict[str, tuple[int, int]] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(tar_bytes), mode="r:") as archive:
            while True:
                member = archive.next()
                if member is None:
                    break
                if len(entries) >= limits.entries:
                    raise TarballError(f"tarball has more than {limits.entries} entries")
                kind = _kind(member)
                path, unsafe = _strip_top(member.name)
                if kind in ("symlink", "hardlink"):
                    target = member.linkname[:200]
                    unsafe = f"{kind} to {target!r}" + (f"; {unsafe}" if unsafe else "")
                elif kind in ("device", "fifo"):
                    unsafe = f"{kind} entry" + (f"; {unsafe}" if unsafe else "")
                size = member.size if kind == "file" else 0
                entries.append(TarEntry(path=path, size=size, kind=kind, unsafe=unsafe))
                if kind == "file":
                    if member.offset_data + size > len(tar_bytes):
                        raise TarballError(f"tarball entry {path!r} is truncated")
                    files[path] = (member.offset_data, size)
            rest = tar_bytes[archive.offset : archive.offset + 512]
            if rest.strip(b"\0"):
                raise TarballError("tarball is truncated or damaged: the tar stream stops in "
                                   f"the middle of an entry header at byte {archive.offset}")
            if entries and len(rest) < 512:
                raise TarballError("tarball is truncated: the tar stream ends without its "
                                   "end-of-archive blocks (entries after the cut would be lost)")
    except (tarfile.TarError, EOFError, ValueError, OverflowError, binascii.Error) as error:
        raise TarballError(f"tarball is not a valid tar archive: {error}") from None
    return Tarball(tar_bytes, entries, files, algorithm)
