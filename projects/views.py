"""Projects API: a thin ViewSet that validates, calls one selector or service, and serializes."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from projects.filters import ProjectFilter
from projects.models import Project
from projects.schema import PROJECT_EXAMPLES
from projects.selectors import project_get, project_list, series_memory_get
from projects.serializers import (
    ProjectInputSerializer,
    ProjectSerializer,
    ProjectUpdateSerializer,
    SeriesMemorySerializer,
)
from projects.services import project_create, project_delete, project_update, series_memory_update
from sketchdojo.api.schema import error_responses
from sketchdojo.api.viewsets import ApiViewSet

_ID = OpenApiParameter("project_id", OpenApiTypes.UUID, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(summary="List your projects, newest first"),
    create=extend_schema(summary="Create a draft project", examples=PROJECT_EXAMPLES),
    retrieve=extend_schema(summary="One of your projects", parameters=[_ID]),
    update=extend_schema(summary="Replace a project's fields", parameters=[_ID]),
    partial_update=extend_schema(summary="Change some of a project's fields", parameters=[_ID]),
    destroy=extend_schema(summary="Delete a project with its characters and webtoons", parameters=[_ID]),
)
@extend_schema(tags=["projects"])
class ProjectViewSet(ApiViewSet):
    """Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.
    """

    singular_name, plural_name = "Project", "Projects"
    queryset = Project.objects.none()  # the model, for the schema and filters; rows: get_queryset
    lookup_url_kwarg = "project_id"
    serializer_class = ProjectSerializer
    create_serializer_class = ProjectInputSerializer
    update_serializer_class = ProjectUpdateSerializer
    filterset_class = ProjectFilter
    search_fields = ("title", "description", "story_outline")
    ordering_fields = ("created_at", "updated_at", "title", "status")

    def get_queryset(self):
        return project_list(user=self.request.user)

    def get_object(self):
        return project_get(user=self.request.user, project_id=self.kwargs["project_id"])

    def list(self, request):
        return self.paginated_list(self.get_queryset)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        project = project_create(user=request.user, **serializer.validated_data)
        project = project_get(user=request.user, project_id=project.pk)
        return Response(self.output(project).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, project_id):
        return Response(self.output(self.get_object()).data)

    def update(self, request, project_id):
        return self._update(request, partial=False)

    def partial_update(self, request, project_id):
        return self._update(request, partial=True)

    def destroy(self, request, project_id):
        project_delete(project=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, *, partial: bool):
        project = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        project = project_update(project=project, data=serializer.validated_data)
        return Response(self.output(project).data)

    @extend_schema(
        methods=["GET"],
        summary="The story memory of a series: episode summaries and each character's state",
        parameters=[_ID],
        responses={200: SeriesMemorySerializer, **error_responses(404)},
    )
    @extend_schema(
        methods=["PATCH"],
        summary="Edit the story memory (each list given replaces the stored one)",
        parameters=[_ID],
        request=SeriesMemorySerializer,
        responses={200: SeriesMemorySerializer, **error_responses(400, 404)},
    )
    @action(detail=True, methods=["get", "patch"], serializer_class=SeriesMemorySerializer)
    def memory(self, request, project_id):
        """GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given."""
        memory = series_memory_get(user=request.user, project_id=project_id)
        if request.method == "PATCH":
            serializer = SeriesMemorySerializer(data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            memory = series_memory_update(project=memory.project, **serializer.validated_data)
        return Response(SeriesMemorySerializer(memory).data)
