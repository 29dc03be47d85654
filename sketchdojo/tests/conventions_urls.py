"""A test-only URLconf: views that fail on purpose, to check the error envelope and pagination."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from sketchdojo.errors import Conflict, QuotaExceeded


class _Boom(RuntimeError):
    pass


class ExplodingApiView(APIView):
    permission_classes = (AllowAny,)

    def get(self, request):
        raise _Boom("secret internals: password=hunter2")


def exploding_django_view(request):
    raise _Boom("secret internals: password=hunter2")


@require_GET
def get_only_django_view(request):
    return HttpResponse("ok")


class _EchoSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=10)
    count = serializers.IntegerField(min_value=1)


class EchoView(APIView):
    permission_classes = (AllowAny,)

    def post(self, request):
        data = _EchoSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(data.validated_data)


class ConflictView(APIView):
    permission_classes = (AllowAny,)

    def post(self, request):
        raise Conflict("Only failed or cancelled tasks can be retried.")


class QuotaView(APIView):
    permission_classes = (AllowAny,)

    def post(self, request):
        raise QuotaExceeded(retry_after=3600)


class _UsernameSerializer(serializers.Serializer):
    username = serializers.CharField()


class UserListView(ListAPIView):
    permission_classes = (AllowAny,)
    serializer_class = _UsernameSerializer

    def get_queryset(self):
        return get_user_model().objects.order_by("username")


test_api = [
    path("explode", ExplodingApiView.as_view()),
    path("explode-django", exploding_django_view),
    path("get-only", get_only_django_view),
    path("echo", EchoView.as_view()),
    path("conflict", ConflictView.as_view()),
    path("quota", QuotaView.as_view()),
    path("users", UserListView.as_view()),
]

urlpatterns = [
    path("api/test/", include(test_api)),
    path("", include("config.urls")),
]

handler404 = "sketchdojo.api.exceptions.handler404"
handler500 = "sketchdojo.api.exceptions.handler500"
