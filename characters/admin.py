"""Moderation of characters: search by name, project or owner; the reference image shown inline."""

from django.contrib import admin
from django.utils.html import format_html

from characters.models import Character


@admin.register(Character)
class CharacterAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "role", "thumbnail", "created_at"]
    list_filter = ["role", "created_at"]
    search_fields = ["name", "description", "project__title", "project__user__email"]
    list_select_related = ["project"]
    raw_id_fields = ["project"]
    readonly_fields = ["id", "thumbnail", "created_at", "updated_at"]

    @admin.display(description="reference image")
    def thumbnail(self, character: Character) -> str:
        if not character.reference_image:
            return "-"
        return format_html('<img src="{}" alt="" style="max-height:64px">', character.reference_image.url)
