"""/api/v1/characters routes (no trailing slash; one is accepted)."""

from django.urls import re_path

from characters.views import CharacterCreateView, CharacterDetailView, ProjectCharacterListView

urlpatterns = [
    re_path(r"^characters(?:/)?$", CharacterCreateView.as_view(), name="character-create"),
    re_path(
        r"^characters/project/(?P<project_id>[^/]+)(?:/)?$",
        ProjectCharacterListView.as_view(),
        name="project-characters",
    ),
    re_path(r"^characters/(?P<character_id>[^/]+)(?:/)?$", CharacterDetailView.as_view(), name="character-detail"),
]
