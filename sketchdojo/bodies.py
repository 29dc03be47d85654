"""Request bodies are judged by their headers, before a byte of them is read.

One policy (`body_refusal`) applied at two layers:

- `BodyLimitMiddleware`, the outermost ASGI application: a server that streams the body to the
  app (uvicorn, hypercorn, the test communicator) never gets past the headers of a body that is
  too big, and a body that grows past the limit while streaming is cut off.
- `sketchdojo.server` (what `make run` and the container serve): Daphne buffers the whole body
  before it calls the app at all, so there the same check runs in Daphne's request as soon as the
  headers are in (`gotLength`), and the rest of the body is never read.

Limits: DATA_UPLOAD_MAX_MEMORY_SIZE for every route, and for the routes that take an image upload
(characters) CHARACTER_IMAGE_MAX_BYTES on top, for the file part. A body without Content-Length
(chunked) gets 411: every client we serve can send the length, and a length is what lets the
limit be enforced before reading.
"""

import json
from dataclasses import dataclass

from django.conf import settings

from sketchdojo.api.envelope import envelope

# Routes whose POST/PUT/PATCH may carry a reference image (the characters routes in config/urls.py).
_UPLOAD_PREFIXES = ("/api/v1/characters",)


@dataclass(frozen=True)
class Refusal:
    """An answer given instead of reading the body."""

    status: int
    reason: bytes
    body: bytes

    @classmethod
    def of(cls, status: int, reason: bytes, message: str) -> "Refusal":
        return cls(status, reason, json.dumps(envelope(status, message=message)).encode())

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(self.body)).encode()),
            (b"connection", b"close"),
        ]

    def raw_response(self) -> bytes:
        """The whole HTTP/1.1 response, for a server that answers before the app is involved."""
        head = [b"HTTP/1.1 %d %s" % (self.status, self.reason)]
        head += [name + b": " + value for name, value in self.headers()]
        return b"\r\n".join(head) + b"\r\n\r\n" + self.body


def body_limit(path: str) -> int | None:
    """The most bytes a request body to `path` may have (None: no limit configured)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None:
        return None
    if path.startswith(_UPLOAD_PREFIXES):
        return limit + settings.CHARACTER_IMAGE_MAX_BYTES
    return limit


def too_large(limit: int) -> Refusal:
    return Refusal.of(413, b"Payload Too Large", f"The request body is too large (limit {limit} bytes).")


def body_refusal(*, path: str, content_length: bytes | None, transfer_encoding: bytes | None) -> Refusal | None:
    """Why the body of this request is not read, from its headers; None when it may be."""
    if content_length is None:
        if transfer_encoding is not None and transfer_encoding.strip().lower() != b"identity":
            return Refusal.of(
                411,
                b"Length Required",
                "Send the request body with a Content-Length header; chunked bodies are not accepted.",
            )
        return None
    value = content_length.strip()
    if not value.isdigit():
        return Refusal.of(400, b"Bad Request", "The Content-Length header is not a number.")
    limit = body_limit(path)
    if limit is not None and int(value) > limit:
        return too_large(limit)
    return None


def scope_refusal(scope: dict) -> Refusal | None:
    headers = dict(scope.get("headers") or ())
    return body_refusal(
        path=scope.get("path", ""),
        content_length=headers.get(b"content-length"),
        transfer_encoding=headers.get(b"transfer-encoding"),
    )


class BodyLimitMiddleware:
    """ASGI: answers 411/413 from the headers, and stops a streamed body at the limit."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = scope_refusal(scope)
        if refusal is not None:
            return await _send_refusal(send, refusal)
        limit = body_limit(scope.get("path", ""))
        if limit is None:
            return await self.app(scope, receive, send)

        received = 0
        refused = False

        async def limited_receive():
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # More bytes than Content-Length promised: answer here, and tell the app the
                    # client is gone so it stops reading (Django aborts the request quietly).
                    refused = True
                    await _send_refusal(send, too_large(limit))
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:
                await send(message)

        return await self.app(scope, limited_receive, guarded_send)


async def _send_refusal(send, refusal: Refusal) -> None:
    await send({"type": "http.response.start", "status": refusal.status, "headers": refusal.headers()})
    await send({"type": "http.response.body", "body": refusal.body})
