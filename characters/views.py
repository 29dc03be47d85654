"""Characters API: thin views that validate, call one selector or service, and serialize."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from characters.selectors import character_get, character_list_for_project
from characters.serializers import CharacterCreateSerializer, CharacterInputSerializer, CharacterSerializer
from characters.services import character_create, character_delete, character_update
from projects.selectors import project_get
from sketchdojo.api.pagination import paginated_response
from sketchdojo.api.parsers import JSONParser
from sketchdojo.api.schema import paginated

_PARSERS = [JSONParser, MultiPartParser, FormParser]


class CharacterCreateView(APIView):
    """POST /characters: a new character in one of the caller's projects (`project_id` in query or body)."""

    parser_classes = _PARSERS

    @extend_schema(
        parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, description="Or `project_id` in the body.")],
        request=CharacterCreateSerializer,
        responses={201: CharacterSerializer},
    )
    def post(self, request):
        serializer = CharacterCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        project = project_get(user=request.user, project_id=data.pop("project_id"))
        character = character_create(project=project, **data)
        return Response(
            CharacterSerializer(character, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


@extend_schema(parameters=[OpenApiParameter("project_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class ProjectCharacterListView(APIView):
    """GET /characters/project/{project_id}: the cast of one of the caller's projects (paginated)."""

    @extend_schema(
        parameters=[OpenApiParameter("page", OpenApiTypes.INT), OpenApiParameter("size", OpenApiTypes.INT)],
        responses=paginated(CharacterSerializer),
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        characters = character_list_for_project(project=project)
        return paginated_response(
            request, characters, lambda page: CharacterSerializer(page, many=True, context={"request": request}).data
        )


@extend_schema(parameters=[OpenApiParameter("character_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class CharacterDetailView(APIView):
    """One character of one of the caller's projects; any other id is 404."""

    parser_classes = _PARSERS

    @extend_schema(responses=CharacterSerializer)
    def get(self, request, character_id):
        character = character_get(user=request.user, character_id=character_id)
        return Response(CharacterSerializer(character, context={"request": request}).data)

    @extend_schema(request=CharacterInputSerializer, responses=CharacterSerializer)
    def put(self, request, character_id):
        return self._update(request, character_id, partial=False)

    @extend_schema(request=CharacterInputSerializer, responses=CharacterSerializer)
    def patch(self, request, character_id):
        return self._update(request, character_id, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, character_id):
        character = character_get(user=request.user, character_id=character_id)
        character_delete(character=character)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, character_id, *, partial: bool):
        character = character_get(user=request.user, character_id=character_id)
        serializer = CharacterInputSerializer(data=request.data, partial=partial, context={"request": request})
        serializer.is_valid(raise_exception=True)
        character = character_update(character=character, data=serializer.validated_data, merge_nested=partial)
        return Response(CharacterSerializer(character, context={"request": request}).data)
