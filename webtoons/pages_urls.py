from django.urls import path

from webtoons import pages
from webtoons.feeds import SeriesFeed

urlpatterns = [
    path("", pages.studio, name="studio"),
    path("w/<uuid:webtoon_id>/", pages.reader, name="reader"),
    path("s/<uuid:project_id>/", pages.series, name="series"),
    path("s/<uuid:project_id>/feed.atom", SeriesFeed(), name="series-feed"),
]
