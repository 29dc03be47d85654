"""The list shape of the whole API: {items, total, page, size, pages, next, previous}.

`next` and `previous` are absolute links to the neighbouring pages (every other query parameter
kept), or null at either end."""

import math

from django.db.models import QuerySet
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class PagePagination(PageNumberPagination):
    """`?page=` from 1, `?size=` 1 to 100 (default 20); out-of-range values are a validation error."""

    page_size = 20
    page_query_param = "page"
    page_size_query_param = "size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise exceptions.ValidationError({"size": [f"Must be a whole number from 1 to {self.max_page_size}."]})
        return size

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        try:
            page = int(raw)
        except ValueError:
            page = 0
        if page < 1:
            raise exceptions.ValidationError({"page": ["Must be a whole number from 1."]})
        return page

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.size = self.get_page_size(request)
        self.page_number = self.get_page_number(request, None)
        # A queryset counts in SQL; a plain list (already-built items) by len().
        self.total = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        start = (self.page_number - 1) * self.size
        return list(queryset[start : start + self.size]) if self.total > start else []

    def get_paginated_response(self, data):
        return Response(
            {
                "items": data,
                "total": self.total,
                "page": self.page_number,
                "size": self.size,
                "pages": self.page_count,
                "next": self._link(self.page_number + 1) if self.page_number < self.page_count else None,
                "previous": self._link(min(self.page_number - 1, self.page_count)) if self.page_number > 1 else None,
            }
        )

    def get_results(self, data):
        """The items of a page this paginator made (the browsable API reads them to offer its Filters)."""
        return data["items"]

    @property
    def page_count(self) -> int:
        return math.ceil(self.total / self.size) if self.total else 0

    def _link(self, page: int) -> str | None:
        if page < 1:
            return None
        return replace_query_param(self.request.build_absolute_uri(), self.page_query_param, page)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["items", "total", "page", "size", "pages", "next", "previous"],
            "properties": {
                "items": schema,
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "size": {"type": "integer"},
                "pages": {"type": "integer"},
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "example": "http://localhost:8000/api/v1/projects?page=3&size=20",
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "example": "http://localhost:8000/api/v1/projects?page=1&size=20",
                },
            },
        }
