"""Request bodies are refused from their headers: in the ASGI middleware and inside Daphne."""

import asyncio
import json
from pathlib import Path

import pytest
from daphne.http_protocol import WebRequest
from twisted.internet.testing import StringTransport
from twisted.web.http import HTTPChannel

from sketchdojo.bodies import BodyLimitMiddleware
from sketchdojo.server import BodyLimitedRequest, _DiscardedBody

FIVE_HUNDRED_MB = 500 * 1024 * 1024


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.CHARACTER_IMAGE_MAX_BYTES = 5000


class RecordingApp:
    """An ASGI app that reads the whole body, as Django does, and answers 200."""

    def __init__(self):
        self.called = False
        self.body = b""
        self.disconnected = False

    async def __call__(self, scope, receive, send):
        self.called = True
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.disconnected = True
                return
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def run_asgi(app, *, path, headers, chunks):
    sent, received = [], []
    pending = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def receive():
        received.append(True)
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    asyncio.run(BodyLimitMiddleware(app)(scope, receive, send))
    return sent, received


def test_a_body_declared_over_the_limit_gets_413_in_the_envelope_without_being_read():
    app = RecordingApp()

    sent, received = run_asgi(
        app, path="/no-such-path", headers=[(b"content-length", str(FIVE_HUNDRED_MB).encode())], chunks=[b"x"]
    )

    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"]) == {
        "status": "error",
        "error": "payload_too_large",
        "message": "The request body is too large (limit 1000 bytes).",
        "details": {},
    }
    assert received == []
    assert app.called is False


def test_an_upload_route_allows_the_image_limit_on_top():
    app = RecordingApp()

    sent, _ = run_asgi(app, path="/api/v1/characters", headers=[(b"content-length", b"5900")], chunks=[b"x" * 5900])

    assert sent[0]["status"] == 200
    assert len(app.body) == 5900


def test_an_upload_route_over_both_limits_gets_413():
    sent, _ = run_asgi(RecordingApp(), path="/api/v1/characters", headers=[(b"content-length", b"6001")], chunks=[b"x"])

    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["message"] == "The request body is too large (limit 6000 bytes)."


def test_a_chunked_body_gets_411_with_a_clear_message():
    app = RecordingApp()

    sent, _ = run_asgi(app, path="/api/v1/projects", headers=[(b"transfer-encoding", b"chunked")], chunks=[b"{}"])

    assert sent[0]["status"] == 411
    assert json.loads(sent[1]["body"]) == {
        "status": "error",
        "error": "length_required",
        "message": "Send the request body with a Content-Length header; chunked bodies are not accepted.",
        "details": {},
    }
    assert app.called is False


def test_a_streamed_body_growing_past_the_limit_is_cut_off_with_413():
    app = RecordingApp()

    sent, _ = run_asgi(app, path="/api/v1/projects", headers=[(b"content-length", b"10")], chunks=[b"x" * 600] * 3)

    assert [m.get("status") for m in sent] == [413, None]
    assert app.disconnected is True


def test_a_body_within_the_limit_reaches_the_app():
    app = RecordingApp()

    sent, _ = run_asgi(app, path="/api/v1/projects", headers=[(b"content-length", b"2")], chunks=[b"{}"])

    assert sent[0]["status"] == 200
    assert app.body == b"{}"


# --- inside Daphne: the request is judged before its body is stored -----------------------------


class FakeDaphneServer:
    """What Daphne's WebRequest asks of its server, recording the apps it would start."""

    proxy_forwarded_address_header = None
    root_path = ""
    request_buffer_size = 8192
    server_name = "daphne"

    def __init__(self):
        self.scopes = []

    def protocol_connected(self, protocol):
        pass

    def protocol_disconnected(self, protocol):
        pass

    def create_application(self, protocol, scope):
        self.scopes.append(scope)
        return asyncio.Queue()

    def log_action(self, *args):
        pass


def daphne_channel(request_class):
    server = FakeDaphneServer()
    channel = HTTPChannel()
    channel.requestFactory = request_class
    channel.factory = type("Factory", (), {"server": server})()
    transport = StringTransport()
    channel.makeConnection(transport)
    return channel, transport, server


def test_daphne_answers_a_500_mb_upload_from_its_headers_and_stores_none_of_it():
    channel, transport, server = daphne_channel(BodyLimitedRequest)

    channel.dataReceived(
        b"POST /no-such-path HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        b"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n" % FIVE_HUNDRED_MB
    )
    answered = transport.value()
    channel.dataReceived(b"x" * 1_000_000)

    assert answered.startswith(b"HTTP/1.1 413 Payload Too Large\r\n")
    assert b"100 Continue" not in answered
    assert answered.endswith(
        b'{"status": "error", "error": "payload_too_large", '
        b'"message": "The request body is too large (limit 1000 bytes).", "details": {}}'
    )
    assert isinstance(channel.requests[0].content, _DiscardedBody)
    assert transport.value() == answered
    assert server.scopes == []


def test_daphne_answers_a_chunked_body_with_411():
    channel, transport, server = daphne_channel(BodyLimitedRequest)

    channel.dataReceived(
        b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
    )

    assert transport.value().startswith(b"HTTP/1.1 411 Length Required\r\n")
    assert server.scopes == []


MULTIPART_WITHOUT_BOUNDARY = (
    b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\nContent-Length: 3\r\n\r\nabc"
)


def test_daphne_hands_a_multipart_body_without_boundary_to_the_app():
    channel, transport, server = daphne_channel(BodyLimitedRequest)

    channel.dataReceived(MULTIPART_WITHOUT_BOUNDARY)

    assert transport.value() == b""
    assert [scope["path"] for scope in server.scopes] == ["/api/v1/auth/login"]


def test_plain_daphne_answered_it_with_an_empty_400():
    """Why the request above exists: Twisted's own form parsing refused it before the app."""
    channel, transport, server = daphne_channel(WebRequest)

    channel.dataReceived(MULTIPART_WITHOUT_BOUNDARY)

    assert transport.value() == b"HTTP/1.1 400 Bad Request\r\n\r\n"
    assert server.scopes == []


def test_a_multipart_body_without_boundary_gets_the_envelope(client):
    response = client.post("/api/v1/auth/login", data=b"abc", content_type="multipart/form-data")

    assert response.status_code == 400
    assert response.json() == {
        "status": "error",
        "error": "parse_error",
        "message": "Multipart form parse error - Invalid boundary in multipart: None",
        "details": {},
    }


def test_make_run_serves_through_the_body_limited_daphne():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()

    assert "$(PY) -m sketchdojo.server -b $(HOST) -p $(PORT) config.asgi:application" in makefile
    assert "bin/daphne" not in makefile
