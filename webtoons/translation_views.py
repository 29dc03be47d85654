"""Translations API: /api/v1/webtoons/{id}/translations[/{lang}[.po|/auto]] (webtoons/translations.py)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from sketchdojo.api.schema import error_responses
from sketchdojo.api.throttles import GenerationRateThrottle, UserRateThrottle
from sketchdojo.links import file_url
from webtoons.models import Translation
from webtoons.selectors import webtoon_get
from webtoons.translation_po import CONTENT_TYPE, texts_from_po, translation_po
from webtoons.translations import (
    language_normalise,
    stale_panel_ids,
    translation_auto,
    translation_delete,
    translation_get,
    translation_list,
    translation_save,
)

_WEBTOON = OpenApiParameter("webtoon_id", OpenApiTypes.UUID, OpenApiParameter.PATH)
_LANG = OpenApiParameter("lang", OpenApiTypes.STR, OpenApiParameter.PATH, description="BCP 47 tag, e.g. es, pt-BR, ko")


class TranslationSerializer(serializers.ModelSerializer):
    """`{language, panels: {"<panel id>": {"<bubble index>": "<text>"}}, stale_panels, ...}`."""

    panels = serializers.JSONField(source="texts")
    stale_panels = serializers.SerializerMethodField(
        help_text="Panels drawn or redrawn since this translation was lettered: save it again to letter them."
    )

    images = serializers.SerializerMethodField(help_text='{"<panel id>": "<URL of the panel lettered in it>"}')

    class Meta:
        model = Translation
        fields = ("id", "language", "panels", "images", "stale_panels", "created_at", "updated_at")

    def get_stale_panels(self, translation) -> list[str]:
        return stale_panel_ids(translation)

    def get_images(self, translation) -> dict[str, str]:
        request = self.context.get("request")
        return {
            str(lettering.panel_id): file_url(lettering.image, request)
            for lettering in translation.panel_letterings.all()
            if lettering.image
        }


class TranslationListSerializer(serializers.Serializer):
    original_language = serializers.CharField()
    items = TranslationSerializer(many=True)


class TranslationInputSerializer(serializers.Serializer):
    panels = serializers.JSONField(help_text='{"<panel id>": {"<bubble index>": "<text>"}}; blank keeps the original.')


@extend_schema(parameters=[_WEBTOON])
class TranslationListView(APIView):
    """GET: the webtoon's original language and its translations."""

    @extend_schema(
        operation_id="api_v1_webtoons_translations_list",
        responses={200: TranslationListSerializer, **error_responses(404)},
    )
    def get(self, request, webtoon_id):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        return Response(
            {
                "original_language": webtoon.language,
                "items": TranslationSerializer(
                    translation_list(webtoon=webtoon), many=True, context={"request": request}
                ).data,
            }
        )


@extend_schema(parameters=[_WEBTOON, _LANG])
class TranslationDetailView(APIView):
    """GET one translation; PUT its texts (re-letters every drawn panel at once); DELETE it."""

    @extend_schema(responses={200: TranslationSerializer, **error_responses(400, 404)})
    def get(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        return Response(
            TranslationSerializer(translation_get(webtoon=webtoon, language=lang), context={"request": request}).data
        )

    @extend_schema(
        request=TranslationInputSerializer, responses={200: TranslationSerializer, **error_responses(400, 404)}
    )
    def put(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        serializer = TranslationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        translation = translation_save(webtoon=webtoon, language=lang, texts=serializer.validated_data["panels"])
        return Response(TranslationSerializer(translation, context={"request": request}).data)

    @extend_schema(responses={204: None, **error_responses(400, 404)})
    def delete(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        translation_delete(webtoon=webtoon, language=lang)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[_WEBTOON, _LANG])
class TranslationPoView(APIView):
    """GET the bubbles as a gettext PO file (empty msgstrs before translating); PUT a translated one."""

    @extend_schema(responses={(200, CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY), **error_responses(400, 404)})
    def get(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        language = language_normalise(lang)
        translation = webtoon.translations.filter(language__iexact=language).first()
        response = HttpResponse(
            translation_po(webtoon=webtoon, language=language, translation=translation), content_type=CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{webtoon.pk}.{language}.po"'
        return response

    @extend_schema(
        request={CONTENT_TYPE: OpenApiTypes.BINARY},
        responses={200: TranslationSerializer, **error_responses(400, 404)},
    )
    def put(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        language = language_normalise(lang)
        texts = texts_from_po(data=request.body, language=language)
        translation = translation_save(webtoon=webtoon, language=language, texts=texts)
        return Response(TranslationSerializer(translation, context={"request": request}).data)


@extend_schema(parameters=[_WEBTOON, _LANG])
class TranslationAutoView(APIView):
    """POST: translate every bubble with the configured LLM, then letter it (409 under the offline planner)."""

    throttle_classes = [UserRateThrottle, GenerationRateThrottle]

    @extend_schema(request=None, responses={200: TranslationSerializer, **error_responses(400, 404, 409, 429)})
    def post(self, request, webtoon_id, lang):
        webtoon = webtoon_get(user=request.user, webtoon_id=webtoon_id)
        translation = translation_auto(webtoon=webtoon, language=lang)
        return Response(TranslationSerializer(translation, context={"request": request}).data)
