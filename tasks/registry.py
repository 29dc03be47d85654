"""Who runs each kind of task: the ledger records jobs, the domain app that owns a TaskType runs them.

An app registers a `Runner` per TaskType in its AppConfig.ready() (webtoons registers generation);
`tasks.services` calls it on commit to queue the job, and tells it when a task of its kind failed or
was cancelled so the app can bring its own rows in line. The ledger itself imports no domain app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _nothing(task) -> None:
    return None


@dataclass(frozen=True)
class Runner:
    """How a domain app runs and follows one kind of task.

    - `queue(task_id, celery_task_id)` puts the job on the broker (called after commit);
    - `on_failed(task)` / `on_cancelled(task)` run in the transaction that changed the Task row.
    """

    queue: Callable[[str, str], None]
    on_failed: Callable[..., None] = _nothing
    on_cancelled: Callable[..., None] = _nothing


class UnknownTaskType(LookupError):
    """No app registered a runner for this task type (a configuration error, not a user's)."""


_RUNNERS: dict[str, Runner] = {}


def runner_register(task_type: str, runner: Runner) -> None:
    """Register (or replace, e.g. on a second ready()) the runner of a task type."""
    _RUNNERS[str(task_type)] = runner


def runner_for(task_type: str) -> Runner:
    try:
        return _RUNNERS[str(task_type)]
    except KeyError:
        raise UnknownTaskType(f"No runner is registered for tasks of type {task_type!r}.") from None
