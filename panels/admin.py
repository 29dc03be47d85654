"""The Panel admin, for staff reviewing what was drawn: the art, the dialogue, and how it was made.

Read-only: a panel's text and art change through the panel services (re-lettering, redraws) and its
status only through panels.states, so the admin shows panels and never edits them.
"""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from panels.models import Panel
from sketchdojo.links import file_url


def thumbnail(field_file, height: int = 90):
    url = file_url(field_file)
    if not url:
        return "—"
    return format_html('<img src="{}" alt="" style="height:{}px;border-radius:4px">', url, height)


def dialogue_list(panel: Panel):
    """The panel's bubbles in reading order, as `speaker (style): text` lines; user text is escaped."""
    bubbles = panel.speech_bubbles or []
    if not bubbles:
        return "—"
    return format_html(
        "<ol style='margin:0;padding-left:1.2em'>{}</ol>",
        format_html_join(
            "",
            "<li><strong>{}</strong> <em>({})</em>: {}</li>",
            (
                (bubble.get("speaker") or "Narration", bubble.get("style") or "normal", bubble.get("text") or "")
                for bubble in bubbles
            ),
        ),
    )


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["preview", "webtoon", "sequence_number", "shot", "status", "bubble_count", "version", "updated_at"]
    list_display_links = ["preview", "webtoon"]
    list_filter = ["status", "shot", "updated_at"]
    search_fields = [
        "visual_description",
        "location",
        "webtoon__title",
        "webtoon__project__user__username",
        "webtoon__project__user__email",
    ]
    list_select_related = ["webtoon"]
    ordering = ["webtoon", "sequence_number"]
    fieldsets = [
        (None, {"fields": ["webtoon", "sequence_number", "status", "error_message", "version"]}),
        ("Art", {"fields": ["lettered_art", "raw_art"]}),
        ("Dialogue", {"fields": ["dialogue", "visual_elements"]}),
        (
            "Staging",
            {
                "fields": [
                    "shot",
                    "location",
                    "time_of_day",
                    "weather",
                    "mood",
                    "visual_description",
                    "characters_present",
                ]
            },
        ),
        ("Generation", {"classes": ["collapse"], "fields": ["ai_prompt", "seed", "generation_meta"]}),
        ("Dates", {"fields": ["created_at", "updated_at"]}),
    ]
    readonly_fields = ["lettered_art", "raw_art", "dialogue"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="art")
    def preview(self, panel: Panel):
        return thumbnail(panel.image or panel.raw_image, height=60)

    @admin.display(description="lettered art")
    def lettered_art(self, panel: Panel):
        return thumbnail(panel.image, height=360)

    @admin.display(description="raw art (before lettering)")
    def raw_art(self, panel: Panel):
        return thumbnail(panel.raw_image, height=240)

    @admin.display(description="speech bubbles")
    def dialogue(self, panel: Panel):
        return dialogue_list(panel)

    @admin.display(description="bubbles")
    def bubble_count(self, panel: Panel) -> int:
        return len(panel.speech_bubbles or [])
