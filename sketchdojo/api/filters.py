"""The list parameters every list of the API understands, and refuses when they are wrong.

`?search=` (the view's `search_fields`), `?ordering=` (the view's `ordering_fields`, `-` for
descending, comma-separated) and the view's django-filter FilterSet (`filterset_class`). The
browsable API shows all three behind its "Filters" button. A bad filter value, and an ordering by a
field the list does not offer, are a 400 validation error in the envelope, never silently ignored.
"""

from rest_framework import exceptions, filters


class SearchFilter(filters.SearchFilter):
    """Case-insensitive substring search over the view's `search_fields`."""


class StrictOrderingFilter(filters.OrderingFilter):
    """`?ordering=` over the view's `ordering_fields`; an unknown field is a 400 listing the valid ones.

    The primary key breaks ties, so pages stay stable when many rows share a value.
    """

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None or not raw.strip():
            return self.get_default_ordering(view)
        terms = [term.strip() for term in raw.split(",")]
        valid = self.remove_invalid_fields(queryset, terms, view, request)
        unknown = [term for term in terms if term not in valid]
        if unknown:
            names = sorted(item[0] for item in self.get_valid_fields(queryset, view, {"request": request}))
            raise exceptions.ValidationError(
                {self.ordering_param: [f"Cannot order by {', '.join(unknown)}; use one of: {', '.join(names)}."]}
            )
        return valid

    def get_schema_operation_parameters(self, view):
        terms = [term for field in getattr(view, "ordering_fields", None) or () for term in (field, f"-{field}")]
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Order by these fields (comma-separated; `-` for descending). Another field is a 400.",
                "schema": {"type": "string", "enum": terms} if terms else {"type": "string"},
            }
        ]

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if ordering:
            return queryset.order_by(*ordering, "-pk")
        return queryset
