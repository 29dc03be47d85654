"""/api/v1/characters routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from characters.views import CharacterCreateView, CharacterDetailView, ProjectCharacterListView
from sketchdojo.api.urls import route

urlpatterns = [
    route(r"", CharacterCreateView.as_view(), name="character-create"),
    route(
        r"/project/(?P<project_id>[^/]+)",
        ProjectCharacterListView.as_view(),
        name="project-characters",
    ),
    route(r"/(?P<character_id>[^/]+)", CharacterDetailView.as_view(), name="character-detail"),
]
