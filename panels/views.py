"""Panels API: list a webtoon's panels, add, edit (re-letters on new dialogue), reorder, delete, redraw."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from panels.selectors import panel_get, panel_list_for_webtoon
from panels.serializers import PanelCreateSerializer, PanelGenerateSerializer, PanelInputSerializer, PanelSerializer
from panels.services import panel_create, panel_delete, panel_regenerate, panel_update
from sketchdojo.api.pagination import paginated_response
from sketchdojo.api.schema import error_responses, paginated
from sketchdojo.api.throttles import PanelGenerationRateThrottle, UserRateThrottle
from tasks.idempotency import HEADER, HEADER_DESCRIPTION, IdempotentThrottleMixin, idempotency_from_request
from tasks.serializers import TaskSerializer
from webtoons.selectors import webtoon_get


class WebtoonPanelListView(APIView):
    """GET /panels/webtoon/{id}: the panels of one of the caller's webtoons, by sequence_number."""

    @extend_schema(
        operation_id="api_v1_panels_webtoon_list",
        parameters=[
            OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("size", OpenApiTypes.INT),
        ],
        responses=paginated(PanelSerializer),
    )
    def get(self, request, webtoon_id):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        return paginated_response(
            request,
            panel_list_for_webtoon(webtoon=webtoon),
            lambda page: PanelSerializer(page, many=True, context={"request": request}).data,
        )


class PanelCreateView(APIView):
    """POST /panels: a new panel (no art yet) in one of the caller's webtoons (`webtoon_id` in query or body)."""

    @extend_schema(
        parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, description="Or `webtoon_id` in the body.")],
        request=PanelCreateSerializer,
        responses={201: PanelSerializer},
    )
    def post(self, request):
        serializer = PanelCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        webtoon = webtoon_get(user=request.user, webtoon_id=data.pop("webtoon_id"))
        panel = panel_create(webtoon=webtoon, **data)
        return Response(PanelSerializer(panel, context={"request": request}).data, status=status.HTTP_201_CREATED)


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


class PanelGenerateView(IdempotentThrottleMixin, APIView):
    """POST /panels/generate: 202 with a task that redraws the panel (new seed unless given) and re-letters it."""

    throttle_classes = [UserRateThrottle, PanelGenerationRateThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter(HEADER, OpenApiTypes.STR, OpenApiParameter.HEADER, description=HEADER_DESCRIPTION)
        ],
        request=PanelGenerateSerializer,
        responses={202: TaskSerializer, **error_responses(400, 404, 409, 429)},
    )
    def post(self, request):
        idempotency = idempotency_from_request(request)
        serializer = PanelGenerateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        panel = panel_get(user=request.user, panel_id=serializer.validated_data["panel_id"])
        task = panel_regenerate(
            user=request.user, panel=panel, seed=serializer.validated_data.get("seed"), idempotency=idempotency
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED)
