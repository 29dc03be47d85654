"""Panels API: read, edit (re-letters on new dialogue), reorder, delete one panel.

Listing a webtoon's panels, adding one and redrawing one start from a webtoon: `webtoons.views`
extends this ViewSet with them (panels may not import webtoons), and config/urls.py routes that one.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from panels.filters import PanelListFilter
from panels.models import Panel
from panels.selectors import panel_get, panel_list
from panels.serializers import PanelInputSerializer, PanelSerializer
from panels.services import panel_delete, panel_update
from sketchdojo.api.viewsets import ApiViewSet

_ID = OpenApiParameter("panel_id", OpenApiTypes.UUID, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(summary="List the panels of all your webtoons, by webtoon and reading order"),
    retrieve=extend_schema(summary="One of your panels", parameters=[_ID]),
    update=extend_schema(summary="Replace a panel's fields", parameters=[_ID]),
    partial_update=extend_schema(
        summary="Change some of a panel's fields (new dialogue re-letters it; sequence_number reorders)",
        parameters=[_ID],
    ),
    destroy=extend_schema(summary="Delete a panel (the rest close the gap)", parameters=[_ID]),
)
@extend_schema(tags=["panels"])
class PanelViewSet(ApiViewSet):
    """The panels of your webtoons; another user's panel (or a missing or malformed id) is 404."""

    singular_name, plural_name = "Panel", "Panels"
    queryset = Panel.objects.none()  # the model, for the schema and filters; rows: get_queryset
    lookup_url_kwarg = "panel_id"
    serializer_class = PanelSerializer
    update_serializer_class = PanelInputSerializer
    filterset_class = PanelListFilter
    search_fields = ("visual_description", "location", "mood")
    ordering_fields = ("sequence_number", "created_at", "updated_at", "status")

    def get_queryset(self):
        return panel_list(user=self.request.user)

    def get_object(self):
        return panel_get(user=self.request.user, panel_id=self.kwargs["panel_id"])

    def list(self, request):
        return self.paginated_list(self.get_queryset)

    def retrieve(self, request, panel_id):
        return Response(self.output(self.get_object()).data)

    def update(self, request, panel_id):
        return self._update(request, partial=False)

    def partial_update(self, request, panel_id):
        return self._update(request, partial=True)

    def destroy(self, request, panel_id):
        panel_delete(panel=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, *, partial: bool):
        panel = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        panel = panel_update(panel=panel, data=serializer.validated_data)
        return Response(self.output(panel).data)
