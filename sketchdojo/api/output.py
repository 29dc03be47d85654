"""Output serializers that build each row's dict directly: the same JSON as DRF's, a fraction of the cost.

A ModelSerializer's `to_representation` walks its fields for every row: a generator over the
readable fields, `get_attribute` through the source path with its error handling, then the field's
`to_representation`. For a page of 20 rows that was most of a list's serialising time. `PlainOutput`
plans once per serializer instance (a ListSerializer reuses its child for every row) how to read and
convert each field, and then reads attributes directly for the field types whose conversion is plain
(text, choices, numbers, UUIDs, JSON, read-only values; `SerializerMethodField` calls its method);
every other field (a date, a custom field, a nested serializer, a dotted source) goes through DRF's
own `get_attribute` and `to_representation`, so the output is DRF's in every case (pinned by
sketchdojo/tests/test_output.py against `ModelSerializer.to_representation` for every list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from rest_framework import serializers
from rest_framework.fields import SkipField, empty
from rest_framework.relations import PKOnlyObject

_MISSING = object()


def _text(field, value):
    return str(value)


def _choice(field, value):
    if value in ("", None):
        return value
    return field.choice_strings_to_values.get(str(value), value)


def _integer(field, value):
    return int(value)


def _float(field, value):
    return float(value)


def _uuid(field, value):
    return str(value) if isinstance(value, UUID) else field.to_representation(value)


def _as_is(field, value):
    return value


def _converter(field) -> Callable | None:
    """A plain conversion equal to `field.to_representation` for this exact field type, or None."""
    kind = type(field)
    if kind is serializers.CharField:
        return _text
    if kind is serializers.ChoiceField:
        return _choice
    if kind is serializers.IntegerField:
        return _integer
    if kind is serializers.FloatField:
        return _float
    if kind is serializers.UUIDField and field.uuid_format == "hex_verbose":
        return _uuid
    if kind is serializers.JSONField and not field.binary:
        return _as_is
    if kind is serializers.ReadOnlyField:
        return _as_is
    return None


class PlainOutput:
    """Mix into a read-only ModelSerializer (before it): rows become dicts without the per-field dispatch."""

    _plain_plan: list[tuple[str, str, Any, Any]] | None = None

    def _plan(self) -> list[tuple[str, str, Any, Any]]:
        plan = []
        for field in self._readable_fields:
            name = field.field_name
            if isinstance(field, serializers.SerializerMethodField):
                plan.append((name, "method", getattr(self, field.method_name), None))
                continue
            converter = _converter(field)
            if converter is not None and len(field.source_attrs) == 1 and field.default is empty:
                plan.append((name, "attribute", field.source_attrs[0], (field, converter)))
            else:
                plan.append((name, "field", field, None))
        return plan

    def to_representation(self, instance) -> dict:
        plan = self._plain_plan
        if plan is None:
            plan = self._plain_plan = self._plan()
        row = {}
        for name, how, what, conversion in plan:
            if how == "attribute":
                value = getattr(instance, what, _MISSING)
                if value is _MISSING or callable(value):
                    value = self._by_field(conversion[0], instance)
                    if value is _MISSING:
                        continue
                    row[name] = value
                    continue
                row[name] = None if value is None else conversion[1](conversion[0], value)
            elif how == "method":
                row[name] = what(instance)
            else:
                value = self._by_field(what, instance)
                if value is not _MISSING:
                    row[name] = value
        return row

    @staticmethod
    def _by_field(field, instance):
        """DRF's own path for one field (as Serializer.to_representation runs it); _MISSING when skipped."""
        try:
            attribute = field.get_attribute(instance)
        except SkipField:
            return _MISSING
        check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        return None if check is None else field.to_representation(attribute)
