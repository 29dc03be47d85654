"""The task_update event (SPEC §5): built from the Task row, sent through `sketchdojo.realtime`."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

from sketchdojo.realtime import TASK_UPDATE, now_iso, publish, task_group, user_group
from tasks.models import Task


def task_update_data(task: Task) -> dict[str, Any]:
    """The `data` of a task_update: the task's state as the client shows it."""
    return {
        "status": task.status,
        "progress": round(float(task.progress), 2),
        "current_step": task.current_step,
        "total_steps": task.total_steps,
        "error_message": task.error_message,
        "task_type": task.task_type,
        "webtoon_id": str(task.webtoon_id) if task.webtoon_id else None,
        "panel_id": str(task.panel_id) if task.panel_id else None,
        "retry_count": task.retry_count,
        "started_at": task.started_at.isoformat() if task.started_at else None,
        "completed_at": task.completed_at.isoformat() if task.completed_at else None,
        "estimated_duration_seconds": task.estimated_duration_seconds,
        "result": task.result or {},
    }


def task_update_message(task: Task) -> dict[str, Any]:
    """The task_update client payload for the task's current row (no sequence bump).

    The consumer sends this right after `subscribe_task`, so a reconnecting client is never behind.
    """
    return {
        "task_id": str(task.pk),
        "sequence": task.event_sequence,
        "data": task_update_data(task),
        "timestamp": now_iso(),
    }


def publish_task_update(task: Task) -> dict[str, Any]:
    """Bump the task's event sequence, re-read the row and publish its state; returns the payload.

    The increment and the read happen in one transaction (the row stays locked between them), so
    every published update of a task has its own, increasing sequence number.
    """
    with transaction.atomic():
        Task.objects.filter(pk=task.pk).update(event_sequence=F("event_sequence") + 1)
        fresh = Task.objects.get(pk=task.pk)
    task.event_sequence = fresh.event_sequence
    payload = task_update_message(fresh)
    publish([task_group(fresh.pk), user_group(fresh.user_id)], {"type": TASK_UPDATE, **payload})
    return payload
