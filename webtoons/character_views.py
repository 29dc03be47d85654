"""POST /api/v1/characters/{id}/reference-sheet: the character sheet job, which lives with generation.

The view sits in webtoons, not characters: queueing a task needs the ledger (`tasks`), which the
characters app may not import (the import contracts make them independent siblings). config/urls.py
mounts `webtoons.character_urls` under the characters prefix, before characters.urls.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from characters.selectors import character_get
from sketchdojo.api.schema import error_responses
from sketchdojo.api.throttles import PanelGenerationRateThrottle, UserRateThrottle
from tasks.serializers import TaskSerializer
from webtoons.generation.sheets import character_sheet_request


@extend_schema(parameters=[OpenApiParameter("character_id", OpenApiTypes.UUID, OpenApiParameter.PATH)])
class CharacterReferenceSheetView(APIView):
    """202 with a task that draws the character's sheet once and stores it as its reference image."""

    throttle_classes = [UserRateThrottle, PanelGenerationRateThrottle]

    @extend_schema(request=None, responses={202: TaskSerializer, **error_responses(404, 409, 429)})
    def post(self, request, character_id):
        character = character_get(user=request.user, character_id=character_id)
        task = character_sheet_request(user=request.user, character=character)
        return Response(TaskSerializer(task).data, status=status.HTTP_202_ACCEPTED)
