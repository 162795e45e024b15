"""Tarball bytes -> the `files` mapping `analyze_package` reads (lazily, only what it asks)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

from reviewer.registry.interface import TarballContents
from reviewer.registry.tarball import open_tarball


class TarballFiles(Mapping[str, bytes]):
    """The regular, safe files of a tarball, read on access."""

    def __init__(self, tarball: TarballContents) -> None:
        self.tarball = tarball
        self.names = [e.path for e in tarball.entries if e.kind == "file" and not e.unsafe]
        self._set = set(self.names)

    def __getitem__(self, key: str) -> bytes:
        if key not in self._set:
            raise KeyError(key)
        return self.tarball.read_bytes(key)

    def __contains__(self, key: object) -> bool:
        return key in self._set

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def files_of_tgz(tgz: bytes) -> TarballFiles:
    """Open a .tgz we hold (checked against its own SHA-1: the bytes are what we were given)."""
    return TarballFiles(open_tarball(tgz, None, hashlib.sha1(tgz).hexdigest()))
