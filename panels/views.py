"""Panels API: read, edit (re-letters on new dialogue), reorder, delete one panel.

Listing a webtoon's panels, adding one and redrawing one start from a webtoon: `webtoons.views`.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from panels.selectors import panel_get
from panels.serializers import PanelInputSerializer, PanelSerializer
from panels.services import panel_delete, panel_update


@extend_schema(parameters=[OpenApiParameter("panel_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class PanelDetailView(APIView):
    """One of the caller's panels; any other id is 404."""

    @extend_schema(responses=PanelSerializer)
    def get(self, request, panel_id):
        panel = panel_get(user=request.user, panel_id=panel_id)
        return Response(PanelSerializer(panel, context={"request": request}).data)

    @extend_schema(request=PanelInputSerializer, responses=PanelSerializer)
    def put(self, request, panel_id):
        return self._update(request, panel_id, partial=False)

    @extend_schema(request=PanelInputSerializer, responses=PanelSerializer)
    def patch(self, request, panel_id):
        return self._update(request, panel_id, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, panel_id):
        panel_delete(panel=panel_get(user=request.user, panel_id=panel_id))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, panel_id, *, partial: bool):
        panel = panel_get(user=request.user, panel_id=panel_id)
        serializer = PanelInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        panel = panel_update(panel=panel, data=serializer.validated_data)
        return Response(PanelSerializer(panel, context={"request": request}).data)
