"""Characters API: a thin ViewSet that validates, calls one selector or service, and serializes."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from characters.filters import CharacterFilter, CharacterListFilter
from characters.models import Character
from characters.schema import CHARACTER_EXAMPLES
from characters.selectors import character_get, character_list, character_list_for_project
from characters.serializers import CharacterCreateSerializer, CharacterInputSerializer, CharacterSerializer
from characters.services import character_create, character_delete, character_update
from projects.selectors import project_get
from sketchdojo.api.parsers import JSONParser
from sketchdojo.api.viewsets import ApiViewSet

_ID = OpenApiParameter("character_id", OpenApiTypes.UUID, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(summary="List the characters of all your projects, in the order they were created"),
    create=extend_schema(
        summary="Add a character to one of your projects",
        parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body.")],
        examples=CHARACTER_EXAMPLES,
    ),
    retrieve=extend_schema(summary="One of your characters", parameters=[_ID]),
    update=extend_schema(summary="Replace a character's fields", parameters=[_ID]),
    partial_update=extend_schema(
        summary="Change some of a character's fields (appearance and personality merge)", parameters=[_ID]
    ),
    destroy=extend_schema(summary="Delete a character", parameters=[_ID]),
)
@extend_schema(tags=["characters"])
class CharacterViewSet(ApiViewSet):
    """The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.
    """

    singular_name, plural_name = "Character", "Characters"
    queryset = Character.objects.none()  # the model, for the schema and filters; rows: get_queryset
    lookup_url_kwarg = "character_id"
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    serializer_class = CharacterSerializer
    create_serializer_class = CharacterCreateSerializer
    update_serializer_class = CharacterInputSerializer
    filterset_class = CharacterListFilter
    search_fields = ("name", "description")
    ordering_fields = ("created_at", "name", "role")

    def get_queryset(self):
        return character_list(user=self.request.user)

    def get_object(self):
        return character_get(user=self.request.user, character_id=self.kwargs["character_id"])

    def list(self, request):
        return self.paginated_list(self.get_queryset)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        project = project_get(user=request.user, project_id=data.pop("project_id"))
        character = character_create(project=project, **data)
        return Response(self.output(character).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="The cast of one of your projects, in the order it was created",
        parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses=CharacterSerializer(many=True),
    )
    @action(
        detail=False,
        methods=["get"],
        url_path=r"project/(?P<project_id>[^/]+)",
        url_name="for-project",
        name="Characters of a project",
        filterset_class=CharacterFilter,
    )
    def for_project(self, request, project_id):
        """The cast of one of your projects (paginated, filterable)."""
        return self.paginated_list(
            lambda: character_list_for_project(
                project=project_get(user=request.user, project_id=project_id, counts=False)
            )
        )

    def retrieve(self, request, character_id):
        return Response(self.output(self.get_object()).data)

    def update(self, request, character_id):
        return self._update(request, partial=False)

    def partial_update(self, request, character_id):
        return self._update(request, partial=True)

    def destroy(self, request, character_id):
        character_delete(character=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, *, partial: bool):
        character = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        character = character_update(character=character, data=serializer.validated_data, merge_nested=partial)
        return Response(self.output(character).data)
