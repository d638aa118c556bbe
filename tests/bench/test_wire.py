"""The latency benchmark's minimal HTTP/1.1 client, against a real HTTP/1.1 server on loopback."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from bench.wire import WireClient, WireError


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn
    connections: ClassVar[list[int]] = []

    def setup(self):
        super().setup()
        self.connections.append(self.client_address[1])

    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"2\r\nok\r\n0\r\n\r\n")
            return
        body = ("答" * 200_000).encode() if self.path == "/big" else self.path.encode()
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Server-Timing", "db;dur=1.5")
        self.send_header("Server-Timing", "app;dur=0.2")
        self.end_headers()
        self.wfile.write(body)
        if self.path == "/hang-up":  # closes without saying so, as a server past its keep-alive does
            self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Handler.connections = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def client(server):
    client = WireClient(*server.server_address)
    yield client
    client.close()


def test_answers_come_whole_over_one_kept_alive_connection(client):
    status, headers, body = client.get("/queries/a?x=1")
    assert (status, body) == (200, b"/queries/a?x=1")
    assert headers["server-timing"] == "db;dur=1.5, app;dur=0.2"  # repeated headers joined, names lower-cased
    status, headers, body = client.get("/big")  # 600 kB: many reads
    assert status == 200 and body.decode() == "答" * 200_000
    assert client.get("/missing")[0] == 404
    assert len(_Handler.connections) == 1


def test_a_connection_the_server_closed_is_opened_again(client):
    assert client.get("/hang-up")[2] == b"/hang-up"
    assert client.get("/after")[2] == b"/after"
    assert len(_Handler.connections) == 2


def test_an_answer_it_cannot_read_is_an_error(client):
    with pytest.raises(WireError, match="Content-Length"):
        client.get("/chunked")
    assert client.get("/again")[2] == b"/again"  # and the next request starts clean
