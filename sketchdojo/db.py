"""Model helpers every app's services share."""

from collections.abc import Iterable
from typing import Any

from django.db import models


def model_update(instance: models.Model, *, data: dict[str, Any], fields: Iterable[str]) -> list[str]:
    """Set each of `fields` given in `data` that differs on `instance`, save only those (and
    `updated_at` when the model has it), and return their names (empty: nothing was saved)."""
    changed = [name for name in fields if name in data and data[name] != getattr(instance, name)]
    for name in changed:
        setattr(instance, name, data[name])
    if changed:
        stamped = any(field.name == "updated_at" for field in instance._meta.concrete_fields)
        instance.save(update_fields=[*changed, "updated_at"] if stamped else changed)
    return changed
