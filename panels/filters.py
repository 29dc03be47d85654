"""Query-string filters of panel lists (`?status=&shot=&webtoon_id=`); an unknown value is a 400, not ignored."""

import django_filters

from panels.models import Panel, PanelStatus, Shot


class PanelFilter(django_filters.FilterSet):
    """A webtoon's panels (`/panels/webtoon/{id}`): the webtoon is in the path."""

    status = django_filters.ChoiceFilter(choices=PanelStatus.choices)
    shot = django_filters.ChoiceFilter(choices=Shot.choices)

    class Meta:
        model = Panel
        fields = ["status", "shot"]


class PanelListFilter(PanelFilter):
    """All your panels (`/panels`), also by webtoon."""

    webtoon_id = django_filters.UUIDFilter(field_name="webtoon_id", label="Webtoon id")

    class Meta:
        model = Panel
        fields = ["status", "shot", "webtoon_id"]
