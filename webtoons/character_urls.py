"""/api/v1/characters/{id}/reference-sheet: queues generation work (a reference sheet), so it lives in
webtoons (characters may not queue tasks); config/urls.py mounts it beside the router's characters routes."""

from django.urls import re_path

from webtoons.character_views import CharacterReferenceSheetView

urlpatterns = [
    re_path(
        r"^characters/(?P<character_id>[^/.]+)/reference-sheet/?$",
        CharacterReferenceSheetView.as_view(),
        name="character-reference-sheet",
    ),
]
