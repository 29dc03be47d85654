"""Webtoons API: list/create/edit, generate (202 task), publish, export; a webtoon's panels: list, add, redraw.

Thin ViewSets: validate, call one selector or service, serialize. The panels' own routes
(read, edit, delete) live in panels.views; WebtoonPanelViewSet adds the ones that start from a webtoon.
"""

from django.conf import settings
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from panels.filters import PanelFilter
from panels.selectors import panel_get, panel_list_for_webtoon
from panels.serializers import PanelCreateSerializer, PanelGenerateSerializer, PanelSerializer
from panels.services import panel_create, panel_regenerate
from panels.views import PanelViewSet
from projects.selectors import project_get
from sketchdojo.api.schema import error_responses
from sketchdojo.api.throttles import GenerationRateThrottle, PanelGenerationRateThrottle, UserRateThrottle
from sketchdojo.api.viewsets import ApiViewSet, EmptyBodySerializer
from sketchdojo.engine.exports import EXPORT_FORMATS
from sketchdojo.errors import Conflict
from sketchdojo.links import site_origin
from sketchdojo.storage import file_open
from tasks.idempotency import HEADER, HEADER_DESCRIPTION, IdempotentThrottleMixin, idempotency_from_request
from tasks.models import TaskStatus
from tasks.serializers import TaskSerializer
from webtoons.exports import StoredExport, export_wait, webtoon_export_request
from webtoons.filters import WebtoonFilter
from webtoons.models import Webtoon
from webtoons.schema import (
    GENERATE_EXAMPLES,
    PANEL_CREATE_EXAMPLES,
    PANEL_GENERATE_EXAMPLES,
    WEBTOON_CREATE_EXAMPLES,
)
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
from webtoons.translations import export_language

_ID = OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)
_IDEMPOTENCY = OpenApiParameter(HEADER, OpenApiTypes.STR, OpenApiParameter.HEADER, description=HEADER_DESCRIPTION)


@extend_schema_view(
    list=extend_schema(summary="List your webtoons, newest first"),
    create=extend_schema(
        summary="Create an empty webtoon in one of your projects",
        parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body.")],
        responses={201: WebtoonDetailSerializer},
        examples=WEBTOON_CREATE_EXAMPLES,
    ),
    retrieve=extend_schema(summary="One of your webtoons, with its panels", parameters=[_ID]),
    update=extend_schema(summary="Replace a webtoon's fields", parameters=[_ID], responses=WebtoonDetailSerializer),
    partial_update=extend_schema(
        summary="Change some of a webtoon's fields", parameters=[_ID], responses=WebtoonDetailSerializer
    ),
)
@extend_schema(tags=["webtoons"])
class WebtoonViewSet(IdempotentThrottleMixin, ApiViewSet):
    """Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.
    """

    singular_name, plural_name = "Webtoon", "Webtoons"
    queryset = Webtoon.objects.none()  # the model, for the schema and filters; rows: get_queryset
    lookup_url_kwarg = "webtoon_id"
    serializer_class = WebtoonSerializer
    create_serializer_class = WebtoonCreateSerializer
    update_serializer_class = WebtoonInputSerializer
    filterset_class = WebtoonFilter
    search_fields = ("title", "description", "summary")
    ordering_fields = ("created_at", "updated_at", "title", "status")
    idempotent_actions = ("generate",)

    def get_queryset(self):
        return webtoon_list(user=self.request.user)

    def get_object(self):
        return webtoon_get(user=self.request.user, webtoon_id=self.kwargs["webtoon_id"])

    def _detail(self, webtoon_id) -> Response:
        webtoon = webtoon_get(user=self.request.user, webtoon_id=webtoon_id, with_panels=True)
        return Response(WebtoonDetailSerializer(webtoon, context=self.get_serializer_context()).data)

    def list(self, request):
        return self.paginated_list(self.get_queryset)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        project = project_get(user=request.user, project_id=data.pop("project_id"))
        webtoon = webtoon_create(project=project, origin=site_origin(request), **data)
        response = self._detail(webtoon.pk)
        response.status_code = status.HTTP_201_CREATED
        return response

    def retrieve(self, request, webtoon_id):
        return self._detail(webtoon_id)

    def update(self, request, webtoon_id):
        return self._update(request, webtoon_id, partial=False)

    def partial_update(self, request, webtoon_id):
        return self._update(request, webtoon_id, partial=True)

    def _update(self, request, webtoon_id, *, partial: bool):
        webtoon = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        webtoon_update(webtoon=webtoon, data=serializer.validated_data)
        return self._detail(webtoon_id)

    @extend_schema(
        summary="Generate a webtoon from a story: 202 with the task to follow",
        parameters=[
            OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body."),
            _IDEMPOTENCY,
        ],
        request=GenerateSerializer,
        responses={202: TaskSerializer, **error_responses(400, 404, 409, 429)},
        examples=GENERATE_EXAMPLES,
    )
    @action(
        detail=False,
        methods=["post"],
        serializer_class=GenerateSerializer,
        throttle_classes=[UserRateThrottle, GenerationRateThrottle],
    )
    def generate(self, request):
        """202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...); follow it at /ws/tasks/{id}."""
        idempotency = idempotency_from_request(request)
        serializer = self.get_serializer(data=request.data)
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

    @extend_schema(
        summary="Publish: public at /w/{id}/ once every panel has art (409 otherwise)",
        parameters=[_ID],
        request=None,
        responses={200: WebtoonDetailSerializer, **error_responses(404, 409)},
    )
    @action(detail=True, methods=["post"], serializer_class=EmptyBodySerializer)
    def publish(self, request, webtoon_id):
        """Public at /w/{id}/ once every panel has art (409 otherwise)."""
        webtoon_publish(webtoon=self.get_object(), origin=site_origin(request))
        return self._detail(webtoon_id)

    @extend_schema(
        summary="Unpublish: off its public page (published → completed; 409 otherwise)",
        parameters=[_ID],
        request=None,
        responses={200: WebtoonDetailSerializer, **error_responses(404, 409)},
    )
    @action(detail=True, methods=["post"], serializer_class=EmptyBodySerializer)
    def unpublish(self, request, webtoon_id):
        """Published → completed: the public page and its media go at once; 409 from any other state."""
        webtoon_unpublish(webtoon=self.get_object())
        return self._detail(webtoon_id)

    @extend_schema(
        summary="Export as a file: png (a zip of panels), pdf, cbz or html",
        description=(
            "Built once per revision by a background job: while it builds (after waiting up to "
            "EXPORT_WAIT_SECONDS for it), 202 with the job's task, `Location` (the task to poll) and "
            "`Retry-After`; ask again once the task is completed."
        ),
        parameters=[
            _ID,
            OpenApiParameter("fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=EXPORT_FORMATS),
            OpenApiParameter("lang", OpenApiTypes.STR, description="A translation's language (default: the original)."),
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
            202: OpenApiResponse(TaskSerializer, description="Being built: poll the task, then ask again."),
            **error_responses(404, 409, 429),
        },
    )
    @action(detail=True, methods=["get"], url_path=r"export/(?P<fmt>[^/]+)", url_name="export")
    def export(self, request, webtoon_id, fmt):
        """The file as an attachment (png zip, pdf, cbz, html), or 202 with the task building it."""
        webtoon = self.get_object()
        language = export_language(webtoon=webtoon, requested=request.query_params.get("lang"))
        export = webtoon_export_request(webtoon=webtoon, fmt=fmt, user=request.user, language=language)
        if not isinstance(export, StoredExport):
            task = export_wait(task=export, seconds=settings.EXPORT_WAIT_SECONDS)
            if task.status == TaskStatus.COMPLETED:
                export = webtoon_export_request(webtoon=webtoon, fmt=fmt, user=request.user, language=language)
        if not isinstance(export, StoredExport):
            return _export_building(export)
        handle = file_open(export.name)
        return FileResponse(handle, as_attachment=True, filename=export.filename, content_type=export.content_type)


def _export_building(task) -> Response:
    if task.status in (TaskStatus.FAILED, TaskStatus.CANCELLED):
        raise Conflict(task.error_message or f"The export build was {task.status}; ask for it again.")
    headers = {"Location": reverse("task-detail", kwargs={"task_id": str(task.pk)}), "Retry-After": "2"}
    return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED, headers=headers)


@extend_schema_view(
    create=extend_schema(
        summary="Add a panel (no art yet) to one of your webtoons",
        parameters=[OpenApiParameter("webtoon_id", OpenApiTypes.UUID, description="Or `webtoon_id` in the body.")],
        responses={201: PanelSerializer},
        examples=PANEL_CREATE_EXAMPLES,
    ),
)
@extend_schema(tags=["panels"])
class WebtoonPanelViewSet(IdempotentThrottleMixin, PanelViewSet):
    """The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.
    """

    create_serializer_class = PanelCreateSerializer
    idempotent_actions = ("generate",)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        webtoon = webtoon_get(user=request.user, webtoon_id=data.pop("webtoon_id"))
        panel = panel_create(webtoon=webtoon, **data)
        return Response(self.output(panel).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Redraw a panel (a new seed unless given) and re-letter it: 202 with the task",
        parameters=[_IDEMPOTENCY],
        request=PanelGenerateSerializer,
        responses={202: TaskSerializer, **error_responses(400, 404, 409, 429)},
        examples=PANEL_GENERATE_EXAMPLES,
    )
    @action(
        detail=False,
        methods=["post"],
        serializer_class=PanelGenerateSerializer,
        throttle_classes=[UserRateThrottle, PanelGenerationRateThrottle],
    )
    def generate(self, request):
        """202 with a task that redraws the panel (new seed unless given) and re-letters it."""
        idempotency = idempotency_from_request(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        panel = panel_get(user=request.user, panel_id=serializer.validated_data["panel_id"])
        webtoon_origin_remember(webtoon=panel.webtoon, origin=site_origin(request))
        task = panel_regenerate(
            user=request.user, panel=panel, seed=serializer.validated_data.get("seed"), idempotency=idempotency
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="The panels of one of your webtoons, in reading order",
        parameters=[_ID],
        responses=PanelSerializer(many=True),
    )
    @action(
        detail=False,
        methods=["get"],
        url_path=r"webtoon/(?P<webtoon_id>[^/]+)",
        url_name="for-webtoon",
        name="Panels of a webtoon",
        serializer_class=PanelSerializer,
        filterset_class=PanelFilter,
    )
    def for_webtoon(self, request, webtoon_id):
        """The panels of one of your webtoons by sequence_number (paginated, filterable)."""
        return self.paginated_list(
            lambda: panel_list_for_webtoon(webtoon=webtoon_get(user=request.user, webtoon_id=webtoon_id, counts=False))
        )
