"""The demo's data as ONE compressed archive (`demo-data.tar.xz` in this package): the
project (`project/...`) and its registry (`registry/...`), read into memory once.

`pack(root, archive)` writes it deterministically (sorted members, no times, no owners),
so regenerating the data gives the same bytes."""

from __future__ import annotations

import io
import lzma
import tarfile
from functools import cache
from importlib.resources import files
from pathlib import Path, PurePosixPath

from reviewer.errors import RegistryError

ARCHIVE_NAME = "demo-data.tar.xz"
PARTS = ("project", "registry")


class DemoArchive:
    """The files of the archive, by POSIX path (`registry/index.json`)."""

    def __init__(self, data: bytes) -> None:
        self.files: dict[str, bytes] = {}
        try:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:xz") as archive:
                for member in archive.getmembers():
                    if not member.isfile():
                        continue
                    path = PurePosixPath(member.name)
                    if path.is_absolute() or ".." in path.parts:
                        continue
                    extracted = archive.extractfile(member)
                    if extracted is not None:
                        self.files[path.as_posix()] = extracted.read()
        except (tarfile.TarError, lzma.LZMAError, OSError) as error:
            raise RegistryError(f"the demo data archive cannot be read: {error}") from None

    @staticmethod
    @cache
    def bundled() -> DemoArchive:
        """The archive shipped in the package (read once per process)."""
        return DemoArchive((files("reviewer.demo") / ARCHIVE_NAME).read_bytes())

    def read_bytes(self, path: str) -> bytes:
        try:
            return self.files[path]
        except KeyError:
            raise RegistryError(f"demo data {path} is not in the archive") from None

    def extract(self, part: str, target: Path) -> None:
        """Write the files under `part/` (e.g. `project`) into `target`."""
        prefix = f"{part}/"
        for path, data in self.files.items():
            if path.startswith(prefix):
                out = target / path[len(prefix):]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(data)


def pack(root: Path, archive: Path) -> None:
    """Archive `root/project` and `root/registry` into `archive`, deterministically."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for part in PARTS:
            for path in sorted((root / part).rglob("*")):
                if not path.is_file():
                    continue
                data = path.read_bytes()
                info = tarfile.TarInfo(path.relative_to(root).as_posix())
                info.size, info.mtime, info.mode = len(data), 0, 0o644
                tar.addfile(info, io.BytesIO(data))
    archive.write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
