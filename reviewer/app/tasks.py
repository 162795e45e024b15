"""The one bounded loop: run an async job over many items, `concurrency` at a time, telling
an observer after each one. Every "many packages" walk of the application uses it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sized
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def run_bounded(items: Iterable[T], job: Callable[[T], Awaitable[R]], concurrency: int,
                      done: Callable[[int, T, R], None] | None = None) -> list[R]:
    """`job(item)` for every item, at most `concurrency` running; results in item order.
    `done(count, item, result)` after each item. Workers share one iterator (no task per
    item), so `items` may be a generator that decides the next item when it is asked (the
    scan's share of a list it splits with a helper process); between items a worker yields
    once so that a warm cache, which answers without suspending, still lets the event loop
    (a UI) breathe. Cancelling cancels every worker."""
    results: dict[int, R] = {}
    pending = iter(enumerate(items))
    finished = 0

    async def worker() -> None:
        nonlocal finished
        for index, item in pending:
            result = await job(item)
            results[index] = result
            finished += 1
            if done is not None:
                done(finished, item, result)
            await asyncio.sleep(0)

    count = max(1, concurrency)
    if isinstance(items, Sized):
        count = min(count, len(items))
    if count:
        await asyncio.gather(*(worker() for _ in range(count)))
    return [results[index] for index in range(len(results))]
