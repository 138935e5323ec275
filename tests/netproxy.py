"""A TCP proxy on 127.0.0.1 that cuts connections and slows them down, on purpose.

``CutProxy(target_port, seed=..., cut_rate=0.5)`` forwards every connection to
the target. For each new connection a seeded random generator decides whether
it is cut, in which direction (the request to the server or the response to
the client) and after how many bytes of that direction; at that byte both
sockets are closed, mid-request or mid-response, like a village's mobile
signal dropping. ``cuts`` counts the cuts that happened (a connection that
ends before its offset is not cut). ``rate_bps`` and ``latency`` throttle
every chunk (e.g. 64 kbit/s and 300 ms, a weak 2G/3G link) for benchmarks:
the rate is the link's, shared by every connection in each direction (two
connections at once get half of it each), and each burst (a request or an
answer after a pause) arrives ``latency`` late. ``slots`` keeps, per
direction, when the link carried each chunk (start, end), so that a benchmark
can see when the link stood idle waiting for the other side.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from dataclasses import dataclass

_CHUNK = 4096


@dataclass
class _Cut:
    direction: str  # "request" or "response"
    offset: int


class CutProxy:
    def __init__(
        self,
        target_port: int,
        *,
        target_host: str = "127.0.0.1",
        seed: int = 0,
        cut_rate: float = 0.0,
        max_request_offset: int = 64 * 1024,
        max_response_offset: int = 1024,
        rate_bps: int | None = None,
        latency: float = 0.0,
        max_cuts: int | None = None,
    ) -> None:
        self.target = (target_host, target_port)
        self.random = random.Random(seed)
        self.cut_rate = cut_rate
        self.max_offsets = {"request": max_request_offset, "response": max_response_offset}
        self.rate_bps = rate_bps
        self.latency = latency
        self.max_cuts = max_cuts
        self.cuts = 0
        self.connections = 0
        self.bytes = {"request": 0, "response": 0}
        self.slots: dict[str, list[tuple[float, float]]] = {"request": [], "response": []}
        self._link_free = {"request": 0.0, "response": 0.0}
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopped = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, name="netproxy", daemon=True)
        self._thread.start()

    def __enter__(self) -> CutProxy:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopped.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                _close(sock)
        self._thread.join(timeout=2)

    def _plan(self) -> _Cut | None:
        with self._lock:
            self.connections += 1
            if self.max_cuts is not None and self.cuts >= self.max_cuts:
                return None
            if self.random.random() >= self.cut_rate:
                return None
            direction = self.random.choice(("request", "response"))
            return _Cut(direction, self.random.randint(0, self.max_offsets[direction]))

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            state = {"cut": self._plan(), "done": False}
            for source, sink, direction in (
                (client, server, "request"),
                (server, client, "response"),
            ):
                threading.Thread(
                    target=self._pump,
                    args=(source, sink, direction, state, client, server),
                    daemon=True,
                ).start()

    def _pump(
        self,
        source: socket.socket,
        sink: socket.socket,
        direction: str,
        state: dict[str, object],
        client: socket.socket,
        server: socket.socket,
    ) -> None:
        cut = state["cut"]
        sent = 0
        last = 0.0
        try:
            while True:
                data = source.recv(_CHUNK)
                # A new burst (a request or an answer after a pause) pays the latency.
                now = time.monotonic()
                burst, last = now - last > 0.05, now
                if not data:
                    with contextlib.suppress(OSError):
                        sink.shutdown(socket.SHUT_WR)
                    return
                if (
                    isinstance(cut, _Cut)
                    and cut.direction == direction
                    and sent + len(data) >= cut.offset
                ):
                    sink.sendall(data[: max(0, cut.offset - sent)])
                    with self._lock:
                        if not state["done"]:
                            state["done"] = True
                            self.cuts += 1
                    # An abrupt end: RST instead of FIN where the platform allows it.
                    for sock in (client, server):
                        with contextlib.suppress(OSError):
                            sock.setsockopt(
                                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0"
                            )
                        _close(sock)
                    return
                self._throttle(len(data), burst, direction)
                sink.sendall(data)
                last = time.monotonic()  # the throttle's own pause is not a gap
                sent += len(data)
                with self._lock:
                    self.bytes[direction] += len(data)
        except OSError:
            for sock in (client, server):
                _close(sock)

    def _throttle(self, size: int, first: bool, direction: str) -> None:
        if self.latency and first:
            time.sleep(self.latency)
        if not self.rate_bps:
            return
        with self._lock:  # the link's time for this chunk, after what it carries already
            start = max(time.monotonic(), self._link_free[direction])
            end = self._link_free[direction] = start + size * 8 / self.rate_bps
            self.slots[direction].append((start, end))
        time.sleep(max(0.0, end - time.monotonic()))


def _close(sock: socket.socket) -> None:
    """Shut down first: that wakes a thread blocked in ``recv`` on it, and the peer sees the end."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
