"""Query-string filters of character lists (`?role=&project_id=`); an unknown value is a 400, not ignored."""

import django_filters

from characters.models import Character, CharacterRole


class CharacterFilter(django_filters.FilterSet):
    """A project's cast (`/characters/project/{id}`): the project is in the path."""

    role = django_filters.ChoiceFilter(choices=CharacterRole.choices)

    class Meta:
        model = Character
        fields = ["role"]


class CharacterListFilter(CharacterFilter):
    """All your characters (`/characters`), also by project."""

    project_id = django_filters.UUIDFilter(field_name="project_id", label="Project id")

    class Meta:
        model = Character
        fields = ["role", "project_id"]
