"""One RegistryService used from two event loops at once (the TUI reviews on a thread of
its own while the screen's loop opens details): each loop gets its own HTTP client."""

from __future__ import annotations

import asyncio
import threading

from reviewer.registry.service import RegistryService

NAMES = ["left-pad", "bufferutil", "@isaacs/string-locale-compare"]


async def test_a_service_serves_two_loops(fixture_registry, registry_config):
    fixture_registry.slow("/bufferutil", 0.2)  # both loops have requests in flight together
    service = RegistryService(registry_config())
    found: dict[str, list[str]] = {}
    failures: list[BaseException] = []

    async def fetch_all(label: str) -> None:
        documents = await asyncio.gather(*(service.packument(n) for n in NAMES))
        found[label] = [d.name for d in documents]
        await service.close_loop()

    def in_thread() -> None:
        try:
            asyncio.run(fetch_all("thread"))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)

    thread = threading.Thread(target=in_thread)
    thread.start()
    await fetch_all("main")
    await asyncio.to_thread(thread.join, 30)
    await service.aclose()
    assert failures == []
    assert found == {"main": NAMES, "thread": NAMES}
    assert len(service._clients) == 2
    # each loop fetched (or shared) the documents; the counters add both clients up
    assert service.transfer_stats.requests == sum(
        c.stats.requests for c in service._clients.values()) >= len(NAMES)
