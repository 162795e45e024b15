"""One process pool for CPU-heavy pure functions (parsing and compacting big registry
documents, analysing a package's code), so that the event loop keeps reading the network
on one core while another core converts, and holds no GIL that the work needs.

- Created on first use, with the `spawn` start method (never `fork` from a process that
  runs threads; the workers are children of this process, so their CPU time is counted
  with it when they are joined); `max(1, min(4, cpus - 1))` workers; none on a single-CPU machine
  (then the work runs in a thread, as it would without this module).
- `REVIEWER_WORKERS=0` turns the pool off (a whole number caps the workers).
- Workers ignore SIGINT: Ctrl-C reaches the whole process group, and this process
  cancels what they were doing.
- At most two jobs per worker wait in the pool; past that the work runs in a thread here,
  so that a slow or starved worker never leaves this process idle at the end of a scan;
  except in a process that is spared (`spare_this_process()`, the terminal UI: a thread
  here would share its event loop's GIL), where jobs wait for a worker.
- `shutdown()` stops the workers at once (terminated, not waited for: a code analysis can
  take seconds); the commands call it when they are done.
- A pool that breaks (a worker killed) is not used again in this run: the work runs in a
  thread instead, never lost.
- Only module-level functions of reviewer with picklable arguments (bytes, str) go through
  it, and the exceptions they raise must pickle (ReviewerError subclasses with one message
  argument do).
"""

from __future__ import annotations

import asyncio
import atexit
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when the pool is first needed (a warm run never needs it)
    from concurrent.futures import Executor, ProcessPoolExecutor

T = TypeVar("T")

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_disabled = False
_spared = False
"""Jobs wait for a worker rather than running in a thread here (`spare_this_process`)."""
_pending = 0
"""Jobs given to the pool and not finished."""
_workers = 0


def worker_count() -> int:
    """How many worker processes the pool has (0: no pool, work runs in threads)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    count = max(1, min(4, cpus - 1)) if cpus > 1 else 0
    setting = os.environ.get("REVIEWER_WORKERS", "").strip()
    if setting.isdigit():
        count = min(count, int(setting)) if count else 0
    return count


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C (sent to the whole process group) to this process, which
    cancels their work: no traceback from them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _get_pool() -> ProcessPoolExecutor | None:
    global _pool, _disabled, _workers
    if _disabled:
        return None
    with _lock:
        if _pool is None and not _disabled:
            count = _workers = worker_count()
            if count == 0:
                _disabled = True
                return None
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")
            try:
                _start_resource_tracker()
                _pool = ProcessPoolExecutor(max_workers=count, mp_context=context,
                                            initializer=_ignore_interrupts)
            except (OSError, ValueError):
                # its queue's semaphore starts multiprocessing's resource tracker, which
                # cannot start where standard error is not a real file ("bad value(s) in
                # fds_to_keep": a terminal UI's captured streams)
                _disabled = True
                return None
            atexit.register(shutdown)  # before the interpreter tears its modules down
        return _pool


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the pool's queue needs it) with /dev/null as
    its standard error where ours is not a real file: Textual captures the terminal UI's
    (its `fileno()` is -1), and the tracker would refuse to start ("bad value(s) in
    fds_to_keep"). Its only output is warnings about semaphores leaked at exit."""
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    from multiprocessing import resource_tracker

    with open(os.devnull, "w") as quiet:
        saved, sys.stderr = sys.stderr, quiet
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


async def run(function: Callable[..., T], *args: object, here: Executor | None = None) -> T:
    """`function(*args)` in a worker process; in a thread of this process (of `here`, else
    asyncio's default executor) when there is no pool, or when the workers already have two
    jobs each waiting and this process is not spared (a busy machine: this process then
    does its share instead of letting a backlog grow while it idles)."""
    global _disabled, _pending
    pool = _get_pool()
    with _lock:
        use_pool = pool is not None and (_spared or _pending < 2 * _workers)
        if use_pool:
            _pending += 1
    if use_pool:
        assert pool is not None
        from concurrent.futures.process import BrokenProcessPool

        try:
            return await asyncio.get_running_loop().run_in_executor(pool, function, *args)
        except (BrokenProcessPool, OSError, ValueError):
            # the pool broke, or could not start a worker here (e.g. a process whose
            # standard streams are not real files: "bad value(s) in fds_to_keep"); the
            # functions sent here raise ReviewerErrors, never these
            if _pool is not pool:  # `shutdown()` stopped it: the work is abandoned, not redone
                raise asyncio.CancelledError from None
            _disabled = True
        finally:
            with _lock:
                _pending -= 1
    return await asyncio.get_running_loop().run_in_executor(here, function, *args)


def disable() -> None:
    """No worker processes in this process from now on: work runs in threads. The fetch
    helper calls it (it has one core's budget)."""
    global _disabled
    with _lock:
        _disabled = True


def spare_this_process() -> None:
    """From now on, work given to `run` waits for a worker rather than running in a thread
    of this process, while the pool works. The terminal UI calls it: its event loop shares
    this process's GIL, which a code analysis in C (tree-sitter) would hold for seconds."""
    global _spared
    with _lock:
        _spared = True


def disabled() -> bool:
    """No worker process is started here from now on (`disable()`, or a pool that broke)."""
    return _disabled


def shutdown() -> None:
    """Stop the workers now: what waits is cancelled and what runs is terminated (the
    interpreter's own exit would wait for it); the next `run` starts a new pool, even after
    a broken one."""
    global _pool, _disabled, _spared
    with _lock:
        pool, _pool = _pool, None
        _disabled = _spared = False
    if pool is None:
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
