"""Webtoons API: list/create/edit, generate (202 task), publish, export; a webtoon's panels: list, add, redraw."""

from django.core.files.storage import default_storage
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from panels.selectors import panel_get, panel_list_for_webtoon
from panels.serializers import PanelCreateSerializer, PanelGenerateSerializer, PanelSerializer
from panels.services import panel_create, panel_regenerate
from projects.selectors import project_get
from sketchdojo.api.pagination import paginated_response
from sketchdojo.api.schema import error_responses, paginated
from sketchdojo.api.throttles import GenerationRateThrottle, PanelGenerationRateThrottle, UserRateThrottle
from sketchdojo.engine.exports import EXPORT_FORMATS
from sketchdojo.links import site_origin
from tasks.idempotency import HEADER, HEADER_DESCRIPTION, IdempotentThrottleMixin, idempotency_from_request
from tasks.serializers import TaskSerializer
from webtoons.exports import webtoon_export_file
from webtoons.selectors import webtoon_get, webtoon_list
from webtoons.serializers import (
    GenerateSerializer,
    WebtoonCreateSerializer,
    WebtoonDetailSerializer,
    WebtoonInputSerializer,
    WebtoonSerializer,
)
from webtoons.services import (
    GenerationRequest,
    webtoon_create,
    webtoon_generate,
    webtoon_origin_remember,
    webtoon_publish,
    webtoon_unpublish,
    webtoon_update,
)


class _ProjectFilter(serializers.Serializer):
    project_id = serializers.UUIDField(required=False)


def _detail(request, webtoon_id) -> Response:
    webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id, with_panels=True)
    return Response(WebtoonDetailSerializer(webtoon, context={"request": request}).data)


class WebtoonListCreateView(APIView):
    """GET: the caller's webtoons, newest first (filter `project_id`). POST: an empty webtoon."""

    @extend_schema(
        operation_id="api_v1_webtoons_list",
        parameters=[
            OpenApiParameter("project_id", OpenApiTypes.UUID),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("size", OpenApiTypes.INT),
        ],
        responses=paginated(WebtoonSerializer),
    )
    def get(self, request):
        filters = _ProjectFilter(data=request.query_params)
        filters.is_valid(raise_exception=True)
        webtoons = webtoon_list(user=request.user, **filters.validated_data)
        return paginated_response(
            request, webtoons, lambda page: WebtoonSerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body.")],
        request=WebtoonCreateSerializer,
        responses={201: WebtoonDetailSerializer},
    )
    def post(self, request):
        serializer = WebtoonCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        project = project_get(user=request.user, project_id=data.pop("project_id"))
        webtoon = webtoon_create(project=project, origin=site_origin(request), **data)
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon.pk, with_panels=True)
        return Response(
            WebtoonDetailSerializer(webtoon, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


@extend_schema(parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class WebtoonDetailView(APIView):
    """One of the caller's webtoons with its panels; any other id is 404."""

    @extend_schema(responses=WebtoonDetailSerializer)
    def get(self, request, webtoon_id):
        return _detail(request, webtoon_id)

    @extend_schema(request=WebtoonInputSerializer, responses=WebtoonDetailSerializer)
    def put(self, request, webtoon_id):
        return self._update(request, webtoon_id, partial=False)

    @extend_schema(request=WebtoonInputSerializer, responses=WebtoonDetailSerializer)
    def patch(self, request, webtoon_id):
        return self._update(request, webtoon_id, partial=True)

    def _update(self, request, webtoon_id, *, partial: bool):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        serializer = WebtoonInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        webtoon_update(webtoon=webtoon, data=serializer.validated_data)
        return _detail(request, webtoon_id)


class WebtoonGenerateView(IdempotentThrottleMixin, APIView):
    """POST /webtoons/generate: 202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...)."""

    throttle_classes = [UserRateThrottle, GenerationRateThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body."),
            OpenApiParameter(HEADER, OpenApiTypes.STR, OpenApiParameter.HEADER, description=HEADER_DESCRIPTION),
        ],
        request=GenerateSerializer,
        responses={202: TaskSerializer, **error_responses(400, 404, 409, 429)},
    )
    def post(self, request):
        idempotency = idempotency_from_request(request)
        serializer = GenerateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        project = project_get(user=request.user, project_id=data["project_id"])
        preferences = data.get("style_preferences") or {}
        generation = GenerationRequest(
            story_prompt=data["story_prompt"],
            panel_count=data.get("panel_count"),
            style=preferences.get("style") or "",
            character_descriptions=tuple(data["character_descriptions"]),
            quality=preferences.get("quality", "standard"),
            color_scheme=preferences.get("color_scheme", ""),
            auto_generate_panels=data["auto_generate_panels"],
        )
        task = webtoon_generate(
            user=request.user,
            project=project,
            request=generation,
            idempotency=idempotency,
            origin=site_origin(request),
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED)


@extend_schema(parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class WebtoonPublishView(APIView):
    """POST /webtoons/{id}/publish: public at /w/{id}/ once every panel has art (409 otherwise)."""

    @extend_schema(request=None, responses={200: WebtoonDetailSerializer, **error_responses(404, 409)})
    def post(self, request, webtoon_id):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        webtoon_publish(webtoon=webtoon, origin=site_origin(request))
        return _detail(request, webtoon_id)


@extend_schema(parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class WebtoonUnpublishView(APIView):
    """POST /webtoons/{id}/unpublish: off its public page (published → completed; 409 otherwise)."""

    @extend_schema(request=None, responses={200: WebtoonDetailSerializer, **error_responses(404, 409)})
    def post(self, request, webtoon_id):
        webtoon_unpublish(webtoon=webtoon_get(user=request.user, webtoon_id=webtoon_id))
        return _detail(request, webtoon_id)


@extend_schema(parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class WebtoonExportView(APIView):
    """GET /webtoons/{id}/export/{fmt}: the file as an attachment (png zip, pdf, cbz, html)."""

    @extend_schema(
        parameters=[OpenApiParameter("fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=EXPORT_FORMATS)],
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, webtoon_id, fmt):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        export = webtoon_export_file(webtoon=webtoon, fmt=fmt, user=request.user)
        handle = default_storage.open(export.name, "rb")
        return FileResponse(handle, as_attachment=True, filename=export.filename, content_type=export.content_type)


# --- panels of a webtoon (routes under /api/v1/panels, see webtoons/panel_urls.py) -------------


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
        webtoon_origin_remember(webtoon=panel.webtoon, origin=site_origin(request))
        task = panel_regenerate(
            user=request.user, panel=panel, seed=serializer.validated_data.get("seed"), idempotency=idempotency
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED)
