"""A package's code is analysed in a worker process when there is one (`reviewer.workers`):
the tarball goes there whole, the result comes back the same as in this process."""

from __future__ import annotations

import hashlib
import io
import pickle
import tarfile
from pathlib import Path

import pytest

from reviewer import workers
from reviewer.code.analyze import analyze_package
from reviewer.code.tarballs import TarballFiles
from reviewer.registry.tarball import Tarball, open_tarball
from reviewer.signals import suspicious_code
from reviewer.signals.settings import ReviewSettings

LEGIT = Path(__file__).parent / "legit" / "packages" / "husky@4.3.8"  # install scripts: capabilities


def _tgz(folder: Path) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.add(path, arcname=f"package/{path.relative_to(folder)}")
    return raw.getvalue()


@pytest.fixture
def fresh_pool():
    workers.shutdown()
    yield
    workers.shutdown()


def _tarball() -> Tarball:
    data = _tgz(LEGIT)
    return open_tarball(data, None, hashlib.sha1(data).hexdigest())


def test_a_tarball_pickles_as_its_bytes_and_index() -> None:
    tarball = _tarball()
    copy = pickle.loads(pickle.dumps(tarball))
    assert list(copy.entries) == list(tarball.entries) and copy.files() == tarball.files()
    assert copy.verified_with == tarball.verified_with
    assert all(copy.read_bytes(path) == tarball.read_bytes(path) for path in tarball.files())


async def test_the_code_is_analysed_in_a_worker_with_the_same_result(fresh_pool) -> None:
    if workers.worker_count() == 0:
        pytest.fail("this machine has one CPU: the pool path cannot be exercised")
    tarball = _tarball()
    code = await suspicious_code.package_code("husky", "4.3.8", None, None,  # type: ignore[arg-type]
                                              ReviewSettings(), tarball)
    assert workers._pool is not None and not workers.disabled()  # it went through the pool
    here = analyze_package(TarballFiles(tarball), time_budget_s=ReviewSettings().code_time_budget)
    assert not isinstance(code, str)
    assert code.files == here.files and code.incomplete == here.incomplete is None
    assert any(f.capabilities for f in code.files)
