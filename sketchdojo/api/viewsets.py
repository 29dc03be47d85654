"""The base of every resource's ViewSet: thin, selector-backed, readable in the browsable API.

A resource's ViewSet reads through its app's selectors (`get_queryset` and `get_object` call them
with the caller, so another user's id is "not found" exactly as a missing one), writes through its
services, and serializes with the output serializer. The input serializers named here are what the
browsable API's HTML forms and the OpenAPI request bodies show: `create_serializer_class` for POST
on the list, `update_serializer_class` for PUT/PATCH on an object; an extra action names its own with
`@action(serializer_class=...)`.
"""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from sketchdojo import listcache
from sketchdojo.api.filters import SearchFilter, StrictOrderingFilter

# The query parameters of a list that are not filters (the filter backends are skipped without others).
_PAGE_PARAMETERS = frozenset({"page", "size"})


class EmptyBodySerializer(serializers.Serializer):
    """The input of an action that takes no body (publish, cancel, retry): the browsable API shows a bare button."""


class ApiViewSet(viewsets.GenericViewSet):
    lookup_value_regex = "[^/]+"
    # django-filter's backend raises a 400 naming the field for a bad filter value.
    filter_backends = (DjangoFilterBackend, SearchFilter, StrictOrderingFilter)
    # The browsable API's titles: "Projects" for the list, "Project" for one.
    singular_name = ""
    plural_name = ""
    create_serializer_class = None
    update_serializer_class = None

    def get_view_name(self):
        if self.name:  # an extra action (`@action`), named after its method or its `name=`
            return self.name
        return self.singular_name if self.detail else self.plural_name

    def get_serializer_class(self):
        if self.name:  # an extra action: its own serializer_class (from @action) or the output one
            return self.serializer_class
        method = self.request.method if self.request is not None else "GET"
        if method == "POST" and self.create_serializer_class is not None:
            return self.create_serializer_class
        if method in ("PUT", "PATCH") and self.update_serializer_class is not None:
            return self.update_serializer_class
        return self.serializer_class

    def output(self, instance, **kwargs):
        """The output serializer of `instance` (or a page of them with `many=True`), with the request.

        The class's own `serializer_class`: an `@action(serializer_class=...)` names its input only.
        """
        return type(self).serializer_class(instance, context=self.get_serializer_context(), **kwargs)

    def paginated_list(self, rows):
        """Filter (`?search=`, `?ordering=`, the FilterSet), page and serialize `rows`.

        `rows` is a queryset, or a function returning one: it is called only when the page is not
        in the caller's list cache (sketchdojo.listcache), so a cached page costs no query at all.
        """
        url, user_id = self.request.build_absolute_uri(), self.request.user.pk
        cached, version = listcache.page_lookup(user_id, url)
        if cached is not None:
            return Response(cached)
        queryset = rows() if callable(rows) else rows
        if any(name not in _PAGE_PARAMETERS for name in self.request.query_params):
            queryset = self.filter_queryset(queryset)  # no filter, search or ordering asked: nothing to do
        page = self.paginate_queryset(queryset)
        response = self.get_paginated_response(self.output(page, many=True).data)
        listcache.page_store(user_id, url, version, response.data)
        return response
