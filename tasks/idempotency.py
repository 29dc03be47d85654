"""Idempotency-Key on the requests that start a task (POST /webtoons/generate, POST /panels/generate).

A client that may send a request twice (a double click, a retry after a timeout) sends the same
`Idempotency-Key` header each time. Within 24 hours the same key of the same user returns the task the
first request made (and counts once against the quota and the generation throttles); the same key on a
different request is refused (409 `idempotency_key_reused`). The key is stored on the Task with a unique
constraint on (user, key), so it holds across processes, and a race of two requests with one key ends
with one task (the loser's transaction rolls back and it returns the winner's task).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError
from django.utils import timezone

from sketchdojo.errors import Conflict, InvalidInput
from tasks.models import Task

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
WINDOW = timedelta(hours=24)
HEADER_DESCRIPTION = (
    "Optional. A unique string (at most 255 printable ASCII characters, e.g. a UUID) per intended request. "
    "Sending the same key again within 24 hours returns the first task (202, same task) without starting or "
    "counting another generation; the same key with a different request is refused with 409 "
    "`idempotency_key_reused`."
)


@dataclass(frozen=True)
class Idempotency:
    key: str
    fingerprint: str


def _plain(data):
    """request.data as JSON-able values (a QueryDict keeps every value of a repeated field)."""
    if hasattr(data, "lists"):
        return dict(data.lists())
    return data


def idempotency_from_request(request) -> Idempotency | None:
    """The request's Idempotency-Key with the fingerprint of what it asks (path, query and body).

    None without the header; InvalidInput (400) for an empty, too long or non-printable key. Read once
    per request (the throttle check and the view share it).
    """
    if not hasattr(request, "_idempotency"):
        request._idempotency = _read(request)
    return request._idempotency


def _read(request) -> Idempotency | None:
    raw = request.headers.get(HEADER)
    if raw is None:
        return None
    key = raw.strip()
    if not key:
        raise InvalidInput({HEADER: ["Must not be empty."]})
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidInput({HEADER: [f"Must be at most {MAX_KEY_LENGTH} characters (it has {len(key)})."]})
    if not (key.isascii() and key.isprintable()):
        raise InvalidInput({HEADER: ["Must be printable ASCII characters."]})
    asked = {
        "path": request.path,
        "query": sorted((name, values) for name, values in request.GET.lists()),
        "body": _plain(request.data),
    }
    encoded = json.dumps(asked, sort_keys=True, separators=(",", ":"), default=str).encode()
    return Idempotency(key=key, fingerprint=hashlib.sha256(encoded).hexdigest())


def task_replay(*, user, idempotency: Idempotency | None) -> Task | None:
    """The task a request with this key already made within the window, or None.

    A key older than the window is freed (a new task may take it); the same key with another
    fingerprint is a Conflict.
    """
    if idempotency is None:
        return None
    task = Task.objects.filter(user=user, idempotency_key=idempotency.key).first()
    if task is None:
        return None
    if task.created_at < timezone.now() - WINDOW:
        Task.objects.filter(pk=task.pk, idempotency_key=idempotency.key).update(idempotency_key=None)
        return None
    if task.request_fingerprint != idempotency.fingerprint:
        raise Conflict(
            f"This {HEADER} was already used for a different request; send a new key for a new request.",
            code="idempotency_key_reused",
        )
    return task


def key_in_use(*, user, idempotency: Idempotency | None) -> bool:
    """Whether a task holds this key within the window (the request is a replay or a refused reuse)."""
    if idempotency is None or not user.is_authenticated:
        return False
    return Task.objects.filter(
        user=user, idempotency_key=idempotency.key, created_at__gte=timezone.now() - WINDOW
    ).exists()


def create_once(create: Callable[[], Task], *, user, idempotency: Idempotency | None) -> Task:
    """Run `create` (its own transaction) unless the key has a task already; return that task instead.

    `create` checks `task_replay` itself after it locks the user's row; this catches the race that a
    lock does not cover (e.g. SQLite): the unique (user, key) constraint refuses the second insert,
    its transaction rolls back (no webtoon row, no quota use), and the first task is returned.
    """
    try:
        return create()
    except IntegrityError:
        replay = task_replay(user=user, idempotency=idempotency)
        if replay is None:
            raise
        return replay


class IdempotentThrottleMixin:
    """A view mixin: a request that repeats a used Idempotency-Key skips the throttles (it starts nothing).

    On a ViewSet, only the actions named in `idempotent_actions` (the ones that start work) get this.
    """

    idempotent_actions: tuple[str, ...] | None = None

    def check_throttles(self, request):
        applies = self.idempotent_actions is None or getattr(self, "action", None) in self.idempotent_actions
        if applies and key_in_use(user=request.user, idempotency=idempotency_from_request(request)):
            return
        super().check_throttles(request)
