"""Tarball bytes -> the `files` mapping `analyze_package` reads (lazily, only what it asks),
and that analysis run away from the caller's event loop."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from reviewer import workers
from reviewer.code.analyze import analyze_package
from reviewer.registry.interface import TarballContents
from reviewer.registry.tarball import Tarball, open_tarball

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from reviewer.code.model import PackageCode


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


async def analyze_elsewhere(files: TarballFiles, manifest: Mapping[str, Any] | None = None, *,
                            time_budget_s: float = 20.0,
                            here: Executor | None = None) -> PackageCode:
    """`analyze_package(files, manifest)` off the caller's event loop: in a worker process
    (`reviewer.workers`), whose GIL is not the caller's, when the tarball can be sent there
    (a `Tarball` pickles as its bytes); else, or when no worker is there, in a thread (of
    `here`, else asyncio's default executor)."""
    analysis = partial(analyze_package, files, manifest, time_budget_s=time_budget_s)
    if isinstance(files.tarball, Tarball):
        return await workers.run(analysis, here=here)
    return await asyncio.get_running_loop().run_in_executor(here, analysis)
