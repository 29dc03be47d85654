"""The API's router: one place that decides the URL shape of every resource.

No trailing slash, an optional one accepted (`/api/v1/projects` and `/api/v1/projects/` are the same
route), ids matched as any path segment (the selectors turn a malformed id into 404), no `.json`
format suffixes, and a root view at the router's mount point that lists each resource.
"""

from django.urls import NoReverseMatch
from rest_framework import routers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse


class ApiRootView(routers.APIRootView):
    """The SketchDojo API. Sign in with `POST auth/login` (a bearer token), or with the browsable API's
    "Log in" link to explore it here; the OpenAPI schema, Swagger UI and ReDoc are linked below."""

    permission_classes = (AllowAny,)
    # Links that are not router resources: (name in the answer, URL name).
    extra_links = (
        ("auth", "accounts:login"),
        ("schema", "schema"),
        ("docs", "swagger-ui"),
        ("redoc", "redoc"),
        ("websocket_docs", "asyncapi"),
    )

    def get_view_name(self):
        return "SketchDojo API"

    def get(self, request, *args, **kwargs):
        links = super().get(request, *args, **kwargs).data
        for key, url_name in self.extra_links:
            try:
                links[key] = reverse(url_name, request=request)
            except NoReverseMatch:
                continue
        return Response(links)


class ApiRouter(routers.DefaultRouter):
    """DefaultRouter with an optional trailing slash and no format suffixes (ids: ApiViewSet.lookup_value_regex)."""

    include_format_suffixes = False
    APIRootView = ApiRootView

    def __init__(self):
        super().__init__()
        self.trailing_slash = "/?"
