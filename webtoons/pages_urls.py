from django.urls import path

from webtoons import pages

urlpatterns = [
    path("w/<uuid:webtoon_id>/", pages.reader, name="reader"),
]
