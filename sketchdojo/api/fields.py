"""Serializer fields shared by the apps' APIs."""

from rest_framework import serializers
from rest_framework.fields import empty


class QueryOrBodyUUIDField(serializers.UUIDField):
    """A UUID read from the body, or else from the query string (the guide's curls send ids there).

    When both are given they must agree.
    """

    _disagree = False

    def get_value(self, dictionary):
        value = super().get_value(dictionary)
        request = self.context.get("request")
        if request is None:
            return value
        in_query = request.query_params.get(self.field_name)
        if value is empty:
            return empty if in_query is None else in_query
        self._disagree = in_query is not None and str(in_query).strip().lower() != str(value).strip().lower()
        return value

    def run_validation(self, data=empty):
        if self._disagree:
            raise serializers.ValidationError(f"The {self.field_name} in the query string and in the body differ.")
        return super().run_validation(data)
