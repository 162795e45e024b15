"""Transfer counters of the HTTP client (kept apart so that importing them needs no httpx)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class TransferStats:
    requests: int = 0
    retries: int = 0
    bytes_received: int = 0
    """Bytes on the wire (compressed, as httpx counts them)."""
