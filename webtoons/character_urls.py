"""/api/v1/characters routes that queue generation work (a reference sheet); config/urls.py mounts them
under the characters prefix, beside characters.urls, as it does webtoons.panel_urls for panels."""

from sketchdojo.api.urls import route
from webtoons.character_views import CharacterReferenceSheetView

urlpatterns = [
    route(
        r"/(?P<character_id>[^/]+)/reference-sheet",
        CharacterReferenceSheetView.as_view(),
        name="character-reference-sheet",
    ),
]
