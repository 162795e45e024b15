"""The TUI session asks the registry's bulk advisory endpoint once per scan, not once per
package."""

from __future__ import annotations

from reviewer.app.session import ReviewSession
from reviewer.demo import load_demo
from reviewer.lockfiles import load_graph


async def test_scan_asks_for_advisories_once() -> None:
    with load_demo() as bundle:
        provider = bundle.provider
        calls: list[int] = []
        original = provider.bulk_advisories

        async def counting(versions: dict[str, list[str]]) -> object:
            calls.append(len(versions))
            return await original(versions)

        provider.bulk_advisories = counting  # type: ignore[method-assign]
        graph = load_graph(bundle.project_dir)
        session = ReviewSession(graph, provider, bundle.project_dir, settings=bundle.settings())
        await session.scan(lambda update: None, concurrency=8)
        assert len(calls) == 1
        assert calls[0] > 300  # every registry package name in one request
        advisories = [k for k, found in session.findings.items()
                      if any(f.id == "advisory" and not f.unknown for f in found)]
        assert any(k.startswith("webpack-dev-server@") for k in advisories)
