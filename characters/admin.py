"""Moderation of characters: search by name, project or owner; the reference image shown inline.

The project's change page lists its cast: characters owns that inline and registers the project admin
with it (projects imports nothing of characters).
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from characters.models import Character
from characters.serializers import AppearanceSerializer, PersonalitySerializer
from projects.admin import ProjectAdmin
from projects.models import Project
from sketchdojo.storage import media_url


def _clean_nested(serializer_class, value):
    serializer = serializer_class(data=value)
    if not serializer.is_valid():
        raise forms.ValidationError(
            [f"{field}: {' '.join(map(str, errors))}" for field, errors in serializer.errors.items()]
        )
    return dict(serializer.validated_data)


class CharacterAdminForm(forms.ModelForm):
    """Staff edits of appearance/personality obey the same shapes as the API."""

    class Meta:
        model = Character
        fields = ["project", "name", "role", "description", "appearance", "personality", "reference_image"]

    def clean_appearance(self):
        return _clean_nested(AppearanceSerializer, self.cleaned_data["appearance"])

    def clean_personality(self):
        return _clean_nested(PersonalitySerializer, self.cleaned_data["personality"])


@admin.register(Character)
class CharacterAdmin(admin.ModelAdmin):
    form = CharacterAdminForm
    list_display = ["name", "project", "role", "thumbnail", "created_at"]
    list_filter = ["role", "created_at"]
    search_fields = ["name", "description", "project__title", "project__user__email"]
    list_select_related = ["project"]
    raw_id_fields = ["project"]
    readonly_fields = ["id", "thumbnail", "seed", "created_at", "updated_at"]

    @admin.display(description="reference image")
    def thumbnail(self, character: Character) -> str:
        if not character.reference_image:
            return "-"
        return format_html('<img src="{}" alt="" style="max-height:64px">', media_url(character.reference_image))


class CharacterInline(admin.TabularInline):
    model = Character
    fields = ["name", "role", "description", "reference_image"]
    extra = 0
    show_change_link = True


class ProjectWithCastAdmin(ProjectAdmin):
    """The project admin with the project's characters inline."""

    inlines = [*ProjectAdmin.inlines, CharacterInline]


admin.site.unregister(Project)
admin.site.register(Project, ProjectWithCastAdmin)
