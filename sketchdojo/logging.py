"""Structured logs that say which request, user and task a line belongs to, in web and worker alike.

Why it exists: one generation crosses processes (the API request that starts it, the Celery task
that plans it, the panel jobs that draw it). Every log line carries `request_id`, `user_id` and
`task_id`, so `grep <request id>` follows a webtoon from the click to the last panel.

- `LogContextMiddleware` remembers the current request; the user id is read from it lazily (never
  forcing a session or token lookup from inside a log call), so lines logged after DRF has
  authenticated a JWT user carry that user.
- `before_task_publish` copies the ids into the Celery message headers; `task_prerun` binds them
  (and the task ids) in the worker, `task_postrun` unbinds them.
- `JsonFormatter` writes one JSON object per line (production); the text format is for humans.
- `SecretMaskingFilter` masks bearer tokens, API keys and passwords that slip into a message.
"""

from __future__ import annotations

import inspect
import json
import logging
import logging.config
import re
import time
import traceback
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from typing import Any

from celery import signals
from django.conf import settings
from django.utils.functional import empty

from sketchdojo.api.middleware import current_request_id

CONTEXT_FIELDS = ("request_id", "user_id", "task_id", "celery_task_id")
# Celery message header carrying the log context from the publisher to the worker.
HEADER = "sketchdojo_log_context"

_bound: ContextVar[dict[str, str] | None] = ContextVar("sketchdojo_log_context", default=None)
_current_request: ContextVar[Any] = ContextVar("sketchdojo_log_request", default=None)


def _request_user_id(request) -> str | None:
    """The authenticated user's id if the request already knows it; never triggers a lookup."""
    if request is None:
        return None
    user = request.__dict__.get("user")
    wrapped = getattr(user, "_wrapped", None) if user is not None else None
    if wrapped is empty:  # the lazy user of AuthenticationMiddleware, not evaluated yet
        return None
    if wrapped is not None:
        user = wrapped
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return str(user.pk)


def current_context() -> dict[str, str]:
    """The ids that describe what this thread is doing now (only the known ones)."""
    context = dict(_bound.get() or {})
    request_id = current_request_id()
    if request_id != "-":
        context.setdefault("request_id", request_id)
    user_id = _request_user_id(_current_request.get())
    if user_id:
        context.setdefault("user_id", user_id)
    return context


def bind(**ids: Any) -> Token:
    """Adds ids to this context (None values are left out); returns the token for `unbind`."""
    merged = dict(_bound.get() or {})
    merged.update({key: str(value) for key, value in ids.items() if value is not None})
    return _bound.set(merged)


def unbind(token: Token) -> None:
    _bound.reset(token)


access_logger = logging.getLogger("sketchdojo.access")
# Probes and scrapes every few seconds would drown the access log.
_QUIET_PATHS = re.compile(r"^/(health(/|$)|metrics$|static/)")


class LogContextMiddleware:
    """Makes the current request visible to log records (for the user id) and writes one access
    line per request (method, path, status, duration) carrying the request and user ids."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            if not _QUIET_PATHS.match(request.path):
                duration_ms = round((time.perf_counter() - started) * 1000, 1)
                access_logger.info(
                    "%s %s %s %.1fms",
                    request.method,
                    request.path,
                    response.status_code,
                    duration_ms,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": duration_ms,
                    },
                )
            return response
        finally:
            _current_request.reset(token)


class LogContextFilter(logging.Filter):
    """Puts request_id, user_id, task_id and celery_task_id on every record ("-" when unknown)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = current_context()
        # django.request logs 4xx/5xx after the middleware has returned, with the request attached.
        request = getattr(record, "request", None)
        if getattr(request, "request_id", None):
            context.setdefault("request_id", request.request_id)
            user_id = _request_user_id(request)
            if user_id:
                context.setdefault("user_id", user_id)
        for field in CONTEXT_FIELDS:
            if not hasattr(record, field):
                setattr(record, field, context.get(field, "-"))
        return True


_SECRET_PATTERNS = [
    # Header-like "Authorization: Bearer <token>" (also in dict reprs): the whole value goes.
    (
        re.compile(r"(?i)(authorization|cookie|x-api-key)(['\"]?\s*[:=]\s*['\"]?)(?:(?:bearer|basic)\s+)?[^\s'\",}]+"),
        r"\1\2***",
    ),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 ***"),
    (
        re.compile(
            r"(?i)((?:api[_-]?key|secret(?:[_-]?key)?|password|passwd|access[_-]?token|refresh[_-]?token)"
            r"['\"]?\s*[:=]\s*['\"]?)[^\s'\",}&]+"
        ),
        r"\1***",
    ),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"), "sk-***"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), "***jwt***"),
]


def mask_secrets(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretMaskingFilter(logging.Filter):
    """Rewrites the message so tokens, keys and passwords never reach the log stream."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string is logged as it is
            return True
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


# Standard record attributes, the context ids, and Django's `request` object (its ids are used).
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "request",
    *CONTEXT_FIELDS,
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the context ids and any `extra=`."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in CONTEXT_FIELDS:
            value = getattr(record, field, "-")
            payload[field] = None if value == "-" else value
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exception"] = mask_secrets("".join(traceback.format_exception(*record.exc_info)).rstrip())
        if record.stack_info:
            payload["stack"] = record.stack_info
        return json.dumps(payload, default=str, ensure_ascii=False)


# --- Celery: carry the context from the publisher into the worker --------------------------------


def on_before_task_publish(headers: dict | None = None, **_: Any) -> None:
    """Publisher side: the ids of the request (or task) that queues the task travel in a header."""
    if headers is None:
        return
    context = {key: value for key, value in current_context().items() if key in ("request_id", "user_id")}
    if context:
        headers[HEADER] = context


_task_tokens: dict[str, Token] = {}


def _header_context(task) -> dict:
    request = getattr(task, "request", None)
    if request is None:
        return {}
    value = getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(HEADER)
    return value if isinstance(value, dict) else {}


def _domain_task_id(task, args, kwargs) -> str | None:
    """The `task_id` argument of the task (our tasks take the Task row's id), by name or position."""
    if kwargs and kwargs.get("task_id"):
        return kwargs["task_id"]
    try:
        bound = inspect.signature(task.run).bind_partial(*(args or ()), **(kwargs or {}))
    except (TypeError, ValueError, AttributeError):
        return None
    return bound.arguments.get("task_id")


def on_task_prerun(
    task_id: str | None = None, task=None, args: tuple | None = None, kwargs: dict | None = None, **_: Any
) -> None:
    """Worker side: binds request/user ids from the header, plus the domain and Celery task ids."""
    context = {key: value for key, value in _header_context(task).items() if key in ("request_id", "user_id")}
    domain_task_id = _domain_task_id(task, args, kwargs)
    token = bind(**context, task_id=domain_task_id or task_id, celery_task_id=task_id)
    if task_id:
        _task_tokens[task_id] = token


def on_task_postrun(task_id: str | None = None, **_: Any) -> None:
    token = _task_tokens.pop(task_id, None) if task_id else None
    if token is not None:
        try:
            unbind(token)
        except ValueError:  # bound in another context (the pool ran prerun elsewhere): drop it
            _bound.set(None)


def on_setup_logging(**_: Any) -> None:
    """Celery keeps Django's LOGGING (JSON in production) instead of installing its own format."""
    logging.config.dictConfig(settings.LOGGING)


def connect_celery_signals() -> None:
    signals.before_task_publish.connect(on_before_task_publish, weak=False, dispatch_uid="sketchdojo-log-publish")
    signals.task_prerun.connect(on_task_prerun, weak=False, dispatch_uid="sketchdojo-log-prerun")
    signals.task_postrun.connect(on_task_postrun, weak=False, dispatch_uid="sketchdojo-log-postrun")
    signals.setup_logging.connect(on_setup_logging, weak=False, dispatch_uid="sketchdojo-log-setup")
