"""The phones in the room: one key per joined phone, its rate, its pending edits, what it sent."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from mot_workshop.room.limits import Bucket, Limits


@dataclass
class Device:
    key: str
    address: str
    voter: str
    name: str
    bucket: Bucket
    pending: int = 0
    sent: list[dict] = field(default_factory=list)


class Devices:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.by_key: dict[str, Device] = {}
        self.closed_keys: set[str] = set()
        self.closed_addresses: set[str] = set()
        self.address_buckets: dict[str, Bucket] = {}

    def add(self, address: str, voter: str, name: str) -> Device | None:
        """A new phone, or None when the room is full."""
        if len(self.by_key) >= self.limits.max_devices:
            return None
        device = Device(secrets.token_urlsafe(16), address, voter, name,
                        Bucket(self.limits.rate, self.limits.burst))
        self.by_key[device.key] = device
        return device

    def get(self, key: str | None) -> Device | None:
        return self.by_key.get(key) if key else None

    def address_allowed(self, address: str) -> bool:
        """Requests that carry no device (the page, joining) are limited per address."""
        bucket = self.address_buckets.get(address)
        if bucket is None:
            if len(self.address_buckets) > 4 * self.limits.max_devices:
                self.address_buckets.clear()          # forget idle addresses rather than grow
            bucket = self.address_buckets[address] = Bucket(self.limits.rate * 3, self.limits.burst * 3)
        return bucket.take()

    def close(self, key: str) -> Device | None:
        """Close the room to one phone: its key and its address are refused from now on."""
        device = self.by_key.pop(key, None)
        self.closed_keys.add(key)
        if device is not None:
            self.closed_addresses.add(device.address)
        return device

    def summary(self) -> list[dict]:
        return [{"key": d.key, "name": d.name, "address": d.address, "sent": len(d.sent)}
                for d in self.by_key.values()]
