"""Moderation of projects: search, filters and an archive action (characters.admin adds the cast inline)."""

from django.contrib import admin, messages

from projects.models import Project
from projects.selectors import with_counts
from projects.services import projects_archive


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "user",
        "art_style",
        "status",
        "target_panels",
        "character_count",
        "webtoon_count",
        "created_at",
    ]
    list_filter = ["art_style", "status", "created_at"]
    search_fields = ["title", "description", "user__email", "user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["id", "created_at", "updated_at"]
    date_hierarchy = "created_at"
    actions = ["archive_selected"]

    def get_queryset(self, request):
        return with_counts(super().get_queryset(request))

    @admin.display(description="characters", ordering="character_count")
    def character_count(self, project: Project) -> int:
        return project.character_count

    @admin.display(description="webtoons", ordering="webtoon_count")
    def webtoon_count(self, project: Project) -> int:
        return project.webtoon_count

    @admin.action(description="Archive selected projects")
    def archive_selected(self, request, queryset):
        changed = projects_archive(projects=queryset)
        self.message_user(request, f"Archived {changed} project(s).", messages.SUCCESS)
