"""Query-string filters of the project list (`?status=&art_style=`); unknown values are a 400, not ignored."""

import django_filters

from projects.models import ArtStyle, Project, ProjectStatus


class ProjectFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ProjectStatus.choices)
    art_style = django_filters.ChoiceFilter(choices=ArtStyle.choices)

    class Meta:
        model = Project
        fields = ["status", "art_style"]
