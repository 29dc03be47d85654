"""Task shapes: what GET /tasks and /tasks/{id} return (SPEC §4), (list filters: tasks.filters)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sketchdojo.api.output import PlainOutput
from tasks.models import Task


class TaskSerializer(PlainOutput, serializers.ModelSerializer):
    """A generation task as the API returns it (also the 202 body of the generate endpoints)."""

    webtoon_id = serializers.UUIDField(read_only=True, allow_null=True)
    project_id = serializers.UUIDField(read_only=True, allow_null=True)
    panel_id = serializers.UUIDField(read_only=True, allow_null=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id",
            "task_type",
            "status",
            "progress",
            "current_step",
            "total_steps",
            "started_at",
            "completed_at",
            "estimated_duration_seconds",
            "error_message",
            "result",
            "webtoon_id",
            "project_id",
            "panel_id",
            "retry_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_progress(self, task: Task) -> float:
        return round(float(task.progress), 2)


class ProviderCallSerializer(serializers.Serializer):
    """One stored provider call: what was called, how it went, what it cost. Never a prompt, key or error text."""

    provider = serializers.CharField()
    model = serializers.CharField()
    kind = serializers.CharField(help_text="llm or image")
    outcome = serializers.CharField(help_text="ok, transient, auth, refused, malformed or error")
    status = serializers.IntegerField(allow_null=True, required=False, help_text="HTTP status, when there was one")
    attempts = serializers.IntegerField(help_text="Which attempt of its call this was (1 = the first try)")
    latency_ms = serializers.IntegerField()
    tokens_in = serializers.IntegerField(allow_null=True, required=False)
    tokens_out = serializers.IntegerField(allow_null=True, required=False)
    started_at = serializers.CharField(required=False)


class TaskDetailSerializer(TaskSerializer):
    """GET /tasks/{id}: the task with every provider call it made (one row per attempt)."""

    provider_calls = serializers.SerializerMethodField()

    class Meta(TaskSerializer.Meta):
        fields = [*TaskSerializer.Meta.fields, "provider_calls"]
        read_only_fields = fields

    @extend_schema_field(ProviderCallSerializer(many=True))
    def get_provider_calls(self, task: Task) -> list[dict]:
        calls = [
            {
                **call,
                "attempts": call.get("attempts", call.get("attempt", 1)),
                "latency_ms": call.get("latency_ms", round(float(call.get("latency_seconds") or 0) * 1000)),
                "tokens_in": call.get("tokens_in", (call.get("usage") or {}).get("input_tokens")),
                "tokens_out": call.get("tokens_out", (call.get("usage") or {}).get("output_tokens")),
            }
            for call in task.provider_calls or []
            if isinstance(call, dict)
        ]
        return ProviderCallSerializer(calls, many=True).data
