"""Daphne, refusing oversized and chunked request bodies from their headers.

Daphne (through Twisted) reads a request's whole body into memory or a temporary file before it
calls the ASGI application, and Twisted then parses a multipart body a second time, all of it in
memory, for form arguments Daphne never uses. So a 500 MB upload to any path took 17 s and a
gigabyte of memory before Django could say no. Here the request is judged as soon as its headers
are in (`sketchdojo.bodies.body_refusal`): a refused body is answered at once, the server stops
reading the connection (what had already arrived is dropped, never stored) and closes it shortly
after; Twisted's own form parsing is off (Django parses forms, and answers a multipart body
without a boundary in the error envelope).

Run it like `daphne`, with the same options: `python -m sketchdojo.server -b 127.0.0.1 -p 8000
config.asgi:application`.
"""

import logging
import sys

from daphne import http_protocol
from daphne.cli import CommandLineInterface
from daphne.server import Server
from twisted.internet import reactor

from sketchdojo.bodies import body_refusal

logger = logging.getLogger(__name__)

# After answering, hold the connection this long before closing it, so the client reads the answer
# instead of a reset connection; a client that keeps sending is cut off here.
LINGER_SECONDS = 2.0


class _DiscardedBody:
    """Stands in for the request's content file: bytes written to it are dropped."""

    closed = False

    def write(self, data: bytes) -> int:
        return len(data)

    def read(self, size: int = -1) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def tell(self) -> int:
        return 0

    def close(self) -> None:
        self.closed = True


class BodyLimitedRequest(http_protocol.WebRequest):
    """Daphne's request, with the body judged from the headers before any of it is kept."""

    refusal = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._parsePOSTFormSubmission = False  # Twisted's form parsing, which Daphne never reads

    def gotLength(self, length):
        path = self.channel._path.split(b"?", 1)[0].decode("latin-1")
        refusal = body_refusal(
            path=path,
            content_length=_first(self.requestHeaders.getRawHeaders(b"content-length")),
            transfer_encoding=_first(self.requestHeaders.getRawHeaders(b"transfer-encoding")),
        )
        if refusal is None:
            return super().gotLength(length)
        self.refusal = refusal
        self.content = _DiscardedBody()
        # Twisted would send "100 Continue" next and invite the body we are refusing.
        self.requestHeaders.removeHeader(b"expect")
        transport = self.channel.transport
        transport.write(refusal.raw_response())
        logger.info("refused a request body to %s: %s", path, refusal.status)
        # Stop reading: the rest of the body waits in the socket buffers, costing nothing, while
        # the client reads the answer; then the connection is closed.
        transport.pauseProducing()
        reactor.callLater(LINGER_SECONDS, transport.loseConnection)

    def requestReceived(self, command, path, version):
        if self.refusal is not None:
            self.channel.transport.loseConnection()
            return
        return super().requestReceived(command, path, version)


def _first(values: list[bytes] | None) -> bytes | None:
    return values[0] if values else None


class HTTPFactory(http_protocol.HTTPFactory):
    def buildProtocol(self, addr):
        protocol = super().buildProtocol(addr)
        protocol.requestFactory = BodyLimitedRequest
        return protocol


class BodyLimitedServer(Server):
    """Daphne's server with our HTTP factory: `Server.run` builds its factory and listens in one go,
    so ours takes the place of Daphne's as it is assigned."""

    @property
    def http_factory(self):
        return self._http_factory

    @http_factory.setter
    def http_factory(self, factory):
        self._http_factory = factory if isinstance(factory, HTTPFactory) else HTTPFactory(self)


class BodyLimitedCommandLineInterface(CommandLineInterface):
    server_class = BodyLimitedServer


def startup_banner(argv: list[str]) -> str:
    """Where to go once the server is up, from daphne's -b/--bind and -p/--port options."""
    host, port = "127.0.0.1", "8000"
    for index, arg in enumerate(argv[:-1]):
        if arg in ("-b", "--bind"):
            host = argv[index + 1]
        elif arg in ("-p", "--port"):
            port = argv[index + 1]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104 - only what to print
    base = f"http://{shown}:{port}"
    return "\n".join(
        [
            "SketchDojo is starting. Open:",
            f"  Studio      {base}/",
            f"  Reader      {base}/w/<webtoon id>/   (a published webtoon; the studio links it)",
            f"  Admin       {base}/admin/            (make an admin: .venv/bin/python manage.py createsuperuser)",
            f"  API docs    {base}/docs              (API root {base}/api/v1/, ReDoc {base}/redoc)",
            f"  WebSocket   ws://{shown}:{port}/api/v1/ws/connect",
            "  Demo data:  .venv/bin/python manage.py seed_data",
        ]
    )


def main() -> None:
    print(startup_banner(sys.argv[1:]), flush=True)
    BodyLimitedCommandLineInterface().run(sys.argv[1:])


if __name__ == "__main__":
    main()
