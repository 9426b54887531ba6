"""A simulated network link for the local server, so that the benchmark can
measure the site as a phone on mobile data gets it without any outside tool.

Every response goes through one shared pipe of a fixed bandwidth (parallel
requests share it, as they share a phone's radio), and each response starts
after a fixed delay (the network's round trip and the server's answer). The
link counts the bytes it sends, per path.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """How slow a link is: its bandwidth, shared by all requests, and the wait before
    each response."""

    name: str
    megabits_per_second: float
    delay_ms: float

    def __str__(self) -> str:
        return (f"{self.name}: {self.megabits_per_second:g} Mbit/s shared by all requests, "
                f"{self.delay_ms:g} ms added to every response")


# Lighthouse's mobile throttling ("slow 4G"), which a phone on mobile data often gets.
PHONE = Profile("phone (slow 4G)", megabits_per_second=1.6, delay_ms=150)

PROFILES = {"phone": PHONE}

# Bytes written to a socket at a time: small enough that parallel responses interleave.
CHUNK = 16 * 1024


class Link:
    """One pipe shared by every response of a server. ``profile`` None is the local
    link: nothing is slowed down, bytes are still counted."""

    def __init__(self, profile: Profile | None = None, clock=time.monotonic,
                 sleep=time.sleep) -> None:
        self.profile = profile
        self.sent: Counter[str] = Counter()  # bytes per path
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next_free = 0.0  # when the pipe has room for the next chunk (clock seconds)

    def reset_counts(self) -> None:
        with self._lock:
            self.sent.clear()

    def total_sent(self) -> int:
        with self._lock:
            return sum(self.sent.values())

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(self.sent)

    def wait_before_response(self) -> None:
        if self.profile:
            self._sleep(self.profile.delay_ms / 1000)

    def send(self, raw, path: str, data) -> None:
        """Write ``data`` to the socket file ``raw``, as fast as the shared pipe allows."""
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            chunk = view[start:start + CHUNK]
            if self.profile:
                seconds = len(chunk) * 8 / (self.profile.megabits_per_second * 1e6)
                with self._lock:
                    self._next_free = max(self._clock(), self._next_free) + seconds
                    wait = self._next_free - self._clock()
                if wait > 0:
                    self._sleep(wait)
            raw.write(chunk)
            with self._lock:
                self.sent[path] += len(chunk)


class LinkWriter:
    """A handler's socket file that sends through the link (it stands in for ``wfile``)."""

    def __init__(self, raw, link: Link, handler) -> None:
        self.raw, self.link, self.handler = raw, link, handler

    def write(self, data) -> int:
        path = getattr(self.handler, "path", "").split("?", 1)[0]
        self.link.send(self.raw, path, data)
        return len(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)
