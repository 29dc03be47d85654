"""Generation tasks, read-only for staff, with cancel and retry through the same services as the API."""

from django.contrib import admin, messages

from sketchdojo.errors import Conflict
from tasks.models import Task
from tasks.services import task_cancel, task_retry


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "task_type", "status", "progress", "current_step", "retry_count", "created_at"]
    list_filter = ["status", "task_type", "created_at"]
    search_fields = ["id", "user__email", "user__username", "webtoon__title", "error_message"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    actions = ["cancel_selected", "retry_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("tasks.change_task")

    def _apply(self, request, queryset, service, verb: str) -> None:
        done, refused = 0, []
        for task in queryset:
            try:
                service(task=task)
                done += 1
            except Conflict as exc:
                refused.append(f"{task.pk}: {exc.message}")
        if done:
            self.message_user(request, f"{verb} {done} task(s).", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    @admin.action(description="Cancel selected tasks", permissions=["moderate"])
    def cancel_selected(self, request, queryset):
        self._apply(request, queryset, task_cancel, "Cancelled")

    @admin.action(description="Retry selected tasks", permissions=["moderate"])
    def retry_selected(self, request, queryset):
        self._apply(request, queryset, task_retry, "Re-queued")
