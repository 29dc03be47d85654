"""Query-string filters of panel lists (`?status=&shot=`); an unknown value is a 400, not ignored."""

import django_filters

from panels.models import Panel, PanelStatus, Shot


class PanelFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=PanelStatus.choices)
    shot = django_filters.ChoiceFilter(choices=Shot.choices)

    class Meta:
        model = Panel
        fields = ["status", "shot"]
