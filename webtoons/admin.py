"""Moderation of webtoons: search, filters, panels inline with art and dialogue, unpublish/archive/flag.

Every action takes the reason typed next to the action menu and is logged (accounts.ModerationAction);
the webtoon's page shows its moderation history.
"""

from django.contrib import admin, messages

from accounts.admin import ModerationActionForm, ModerationHistoryInline, moderation_reason
from panels.admin import dialogue_list, thumbnail
from panels.models import Panel
from webtoons.models import Webtoon
from webtoons.moderation import webtoons_archive, webtoons_lift_hold, webtoons_set_flag, webtoons_unpublish


class PanelInline(admin.TabularInline):
    model = Panel
    fields = ["preview", "sequence_number", "shot", "status", "visual_description", "dialogue", "version"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["sequence_number"]

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="art")
    def preview(self, panel: Panel):
        return thumbnail(panel.image or panel.raw_image)

    @admin.display(description="dialogue")
    def dialogue(self, panel: Panel):
        return dialogue_list(panel)


@admin.register(Webtoon)
class WebtoonAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "owner",
        "project",
        "episode_number",
        "status",
        "is_flagged",
        "moderation_hold",
        "style",
        "published_at",
        "created_at",
        "cover",
    ]
    list_filter = ["status", "is_flagged", "moderation_hold", "style", "created_at", "published_at"]
    search_fields = [
        "title",
        "description",
        "summary",
        "project__title",
        "project__user__email",
        "project__user__username",
    ]
    list_select_related = ["project__user"]
    raw_id_fields = ["project"]
    readonly_fields = ["id", "episode_number", "cover", "published_url", "published_at", "created_at", "updated_at"]
    exclude = ["script"]
    date_hierarchy = "created_at"
    inlines = [PanelInline, ModerationHistoryInline]
    action_form = ModerationActionForm
    actions = ["unpublish_selected", "archive_selected", "flag_selected", "unflag_selected", "lift_hold_selected"]

    @admin.display(description="owner", ordering="project__user__username")
    def owner(self, webtoon: Webtoon) -> str:
        return webtoon.project.user.username

    @admin.display(description="cover")
    def cover(self, webtoon: Webtoon):
        return thumbnail(webtoon.thumbnail, height=60)

    @admin.action(description="Unpublish selected webtoons", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        self.message_user(
            request,
            f"Unpublished {webtoons_unpublish(webtoons=queryset, **moderation_reason(request))} webtoon(s).",
            messages.SUCCESS,
        )

    @admin.action(description="Archive selected webtoons", permissions=["change"])
    def archive_selected(self, request, queryset):
        self.message_user(
            request,
            f"Archived {webtoons_archive(webtoons=queryset, **moderation_reason(request))} webtoon(s).",
            messages.SUCCESS,
        )

    @admin.action(description="Flag selected webtoons for review (hide from readers)", permissions=["change"])
    def flag_selected(self, request, queryset):
        changed = webtoons_set_flag(webtoons=queryset, is_flagged=True, **moderation_reason(request))
        self.message_user(request, f"Flagged {changed} webtoon(s).", messages.WARNING)

    @admin.action(description="Clear the review flag", permissions=["change"])
    def unflag_selected(self, request, queryset):
        changed = webtoons_set_flag(webtoons=queryset, is_flagged=False, **moderation_reason(request))
        self.message_user(request, f"Cleared the flag on {changed} webtoon(s).", messages.SUCCESS)

    @admin.action(description="Lift the moderation hold (the owner may publish again)", permissions=["change"])
    def lift_hold_selected(self, request, queryset):
        changed = webtoons_lift_hold(webtoons=queryset, **moderation_reason(request))
        self.message_user(request, f"Lifted the moderation hold on {changed} webtoon(s).", messages.SUCCESS)
