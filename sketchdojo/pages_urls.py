from django.urls import path

from sketchdojo import pages

urlpatterns = [
    path("", pages.studio, name="studio"),
]
