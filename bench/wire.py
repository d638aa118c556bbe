"""A minimal HTTP/1.1 client for the latency benchmark: keep-alive GETs on one socket.

Why not ``http.client``: after the client has waited on a query for tens of
milliseconds its code runs cold, and ``http.client`` parses each answer's
headers through ``email.parser``. On this machine that is 0.5-0.7 ms per
answer (0.3 ms against 0.17 ms back to back, 1.3 ms against 0.75 ms after a
20 ms pause, on an empty answer from a bare ASGI app): the client's time,
which a benchmark of what the *service* adds should not count. This client
writes the request line and Host header, reads the status line, the headers
and a ``Content-Length`` body, and nothing else; what it cannot read (a
chunked answer, a malformed status line) is an error, never a guess.
"""

from __future__ import annotations

import socket


class WireError(RuntimeError):
    """An answer this client does not read."""


class WireClient:
    """``get(path)`` over one kept-alive connection, opened again if the server closed it."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        self.host, self.port, self.timeout = host, port, timeout
        self._sock: socket.socket | None = None
        self._pending = b""  # bytes read past the end of the last answer

    def _connect(self) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._pending = b""
        return sock

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (names in lower case) and body of ``GET path``."""
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("latin-1")
        if self._sock is None:
            self._sock = self._connect()
        try:
            self._sock.sendall(request)
            head = self._head()
        except (ConnectionError, _Closed):
            # the server closes a connection idle past its keep-alive; a fresh one is asked once
            self.close()
            self._sock = self._connect()
            self._sock.sendall(request)
            head = self._head()
        status, headers = _parse_head(head)
        if "content-length" not in headers:
            self.close()
            raise WireError(f"GET {path}: the answer has no Content-Length ({headers.get('transfer-encoding')!r})")
        body = self._exactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _recv(self) -> bytes:
        chunk = self._sock.recv(65536)
        if not chunk:
            raise _Closed
        return chunk

    def _head(self) -> bytes:
        data = self._pending
        while (end := data.find(b"\r\n\r\n")) < 0:
            data += self._recv()
        self._pending = data[end + 4:]
        return data[:end]

    def _exactly(self, size: int) -> bytes:
        """``size`` bytes, read into one buffer (a big answer is many reads; joining them anew
        after each one would copy the body over and over)."""
        body = bytearray(size)
        have = min(len(self._pending), size)
        body[:have] = self._pending[:have]
        self._pending = self._pending[have:]
        view = memoryview(body)
        while have < size:
            got = self._sock.recv_into(view[have:])
            if not got:
                raise _Closed
            have += got
        return bytes(body)


class _Closed(WireError):
    """The server closed the connection before (or while) answering."""


def _parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    status_line, *lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise WireError(f"not an HTTP/1.x status line: {status_line!r}")
    headers: dict[str, str] = {}
    for line in lines:
        name, sep, value = line.partition(":")
        if not sep:
            raise WireError(f"not a header line: {line!r}")
        name, value = name.strip().lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value  # RFC 9110 5.3
    return int(parts[1]), headers
