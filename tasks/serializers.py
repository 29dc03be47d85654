"""Task shapes: what GET /tasks and /tasks/{id} return (SPEC §4), (list filters: tasks.filters)."""

from rest_framework import serializers

from tasks.models import Task


class TaskSerializer(serializers.ModelSerializer):
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
