"""Routes of the API apps: no trailing slash, an optional one accepted, decided here once.

Each app's urls.py lists its routes relative to the prefix that config/urls.py gives it
(`path("api/v1/projects", include("projects.urls"))`): `route("", ...)` is the prefix itself,
`route("/(?P<project_id>[^/]+)", ...)` one level below.
"""

from django.urls import re_path


def route(pattern: str, view, *, name: str):
    """`pattern` (a regex below the prefix, "" or starting with "/") that also answers with a trailing slash."""
    return re_path(rf"^{pattern}(?:/)?$", view, name=name)
