"""The users admin: search, filters, quota field, suspend and reactivate actions."""

import pytest
from django.contrib.auth import get_user_model

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def staff_client(client):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_admin_searches_users_by_email(staff_client, user, other_user):
    response = staff_client.get("/admin/accounts/user/", {"q": "jane@example"})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [other_user]


def test_admin_filters_users_by_verification(staff_client, user, other_user):
    User.objects.filter(pk=user.pk).update(is_verified=True)

    response = staff_client.get("/admin/accounts/user/", {"is_verified__exact": "1"})

    assert list(response.context["cl"].queryset) == [User.objects.get(pk=user.pk)]


def test_admin_change_page_offers_the_quota_field(staff_client, user):
    response = staff_client.get(f"/admin/accounts/user/{user.pk}/change/")

    assert response.status_code == 200
    assert "monthly_generation_quota" in response.context["adminform"].form.fields


def test_admin_suspends_then_reactivates_selected_users(staff_client, user, other_user):
    response = staff_client.post(
        "/admin/accounts/user/", {"action": "suspend_users", "_selected_action": [str(user.pk)]}, follow=True
    )

    assert response.status_code == 200
    assert User.objects.get(pk=user.pk).is_active is False
    assert User.objects.get(pk=other_user.pk).is_active is True

    staff_client.post("/admin/accounts/user/", {"action": "reactivate_users", "_selected_action": [str(user.pk)]})

    assert User.objects.get(pk=user.pk).is_active is True


def test_admin_is_closed_to_non_staff(client, user):
    client.force_login(user)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
