from django.urls import path

from webtoons import pages

urlpatterns = [
    path("", pages.studio, name="studio"),
    path("w/<uuid:webtoon_id>/", pages.reader, name="reader"),
]
