"""/api/v1/auth/... (no trailing slash; an optional one is accepted, as on the router's routes)."""

from django.urls import re_path

from accounts import views

app_name = "accounts"

urlpatterns = [
    re_path(r"^register/?$", views.RegisterView.as_view(), name="register"),
    re_path(r"^login/?$", views.LoginView.as_view(), name="login"),
    re_path(r"^refresh/?$", views.RefreshView.as_view(), name="refresh"),
    re_path(r"^me/?$", views.MeView.as_view(), name="me"),
    re_path(r"^logout/?$", views.LogoutView.as_view(), name="logout"),
]
