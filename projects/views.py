"""Projects API: thin views that validate, call one selector or service, and serialize."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from projects.models import ArtStyle, ProjectStatus
from projects.selectors import project_get, project_list, series_memory_get
from projects.serializers import (
    ProjectInputSerializer,
    ProjectSerializer,
    ProjectUpdateSerializer,
    SeriesMemorySerializer,
)
from projects.services import project_create, project_delete, project_update, series_memory_update
from sketchdojo.api.pagination import paginated_response
from sketchdojo.api.schema import paginated


class ProjectListCreateView(APIView):
    """GET: the caller's projects, newest first (paginated). POST: a new draft project."""

    @extend_schema(
        operation_id="api_v1_projects_list",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=ProjectStatus.values),
            OpenApiParameter("art_style", OpenApiTypes.STR, enum=ArtStyle.values),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("size", OpenApiTypes.INT),
        ],
        responses=paginated(ProjectSerializer),
    )
    def get(self, request):
        projects = project_list(user=request.user, filters=request.query_params)
        return paginated_response(request, projects, lambda page: ProjectSerializer(page, many=True).data)

    @extend_schema(request=ProjectInputSerializer, responses={201: ProjectSerializer})
    def post(self, request):
        serializer = ProjectInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        project = project_create(user=request.user, **serializer.validated_data)
        project = project_get(user=request.user, project_id=project.pk)
        return Response(ProjectSerializer(project).data, status=status.HTTP_201_CREATED)


@extend_schema(parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class ProjectDetailView(APIView):
    """One of the caller's projects; any other id (another user's, missing, malformed) is 404."""

    @extend_schema(responses=ProjectSerializer)
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(ProjectSerializer(project).data)

    @extend_schema(request=ProjectUpdateSerializer, responses=ProjectSerializer)
    def put(self, request, project_id):
        return self._update(request, project_id, partial=False)

    @extend_schema(request=ProjectUpdateSerializer, responses=ProjectSerializer)
    def patch(self, request, project_id):
        return self._update(request, project_id, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        project_delete(project=project)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, project_id, *, partial: bool):
        project = project_get(user=request.user, project_id=project_id)
        serializer = ProjectUpdateSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        project = project_update(project=project, data=serializer.validated_data)
        return Response(ProjectSerializer(project).data)


@extend_schema(parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class SeriesMemoryView(APIView):
    """The story memory of one of the caller's projects (a series): episode summaries, character states.

    GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given.
    """

    @extend_schema(responses=SeriesMemorySerializer)
    def get(self, request, project_id):
        memory = series_memory_get(user=request.user, project_id=project_id)
        return Response(SeriesMemorySerializer(memory).data)

    @extend_schema(request=SeriesMemorySerializer, responses=SeriesMemorySerializer)
    def patch(self, request, project_id):
        memory = series_memory_get(user=request.user, project_id=project_id)
        serializer = SeriesMemorySerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        memory = series_memory_update(project=memory.project, **serializer.validated_data)
        return Response(SeriesMemorySerializer(memory).data)
