"""Query-string filters of the webtoon list (`?status=&project_id=`); an unknown value is a 400, not ignored."""

import django_filters

from webtoons.models import Webtoon, WebtoonStatus


class WebtoonFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=WebtoonStatus.choices)
    project_id = django_filters.UUIDFilter(field_name="project_id", label="Project id")

    class Meta:
        model = Webtoon
        fields = ["status", "project_id"]
