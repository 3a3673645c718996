"""What one room accepts: request size, requests per device per second, devices, text."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_body: int = 8 * 1024           # bytes in one request
    rate: float = 8.0                  # requests per second per device (sustained)
    burst: int = 16                    # … and at once
    max_devices: int = 120
    max_pending: int = 2               # edits one device may have waiting at once
    post_chars: int = 500              # an idea, a VOC note, a parking-lot item
    name_chars: int = 40
    code_tries: int = 30               # wrong room codes before code entry closes


class Bucket:
    """A token bucket: ``take`` is False when the caller is over its rate."""

    __slots__ = ("rate", "burst", "tokens", "stamp")

    def __init__(self, rate: float, burst: int):
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True
