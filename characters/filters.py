"""Query-string filters of character lists (`?role=`); an unknown value is a 400, not ignored."""

import django_filters

from characters.models import Character, CharacterRole


class CharacterFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=CharacterRole.choices)

    class Meta:
        model = Character
        fields = ["role"]
