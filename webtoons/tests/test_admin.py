"""Staff moderation in the Django admin: webtoons (unpublish/archive/flag) and tasks (cancel/retry)."""

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from tasks.models import TaskStatus
from webtoons.models import WebtoonStatus
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    return client


def published(user, **kwargs):
    return WebtoonFactory(
        project__user=user,
        status=WebtoonStatus.PUBLISHED,
        published_at=timezone.now(),
        published_url="http://testserver/w/x/",
        **kwargs,
    )


def test_webtoon_changelist_searches_by_title_and_owner(staff_client, user):
    published(user, title="Storm Village")
    WebtoonFactory(title="Quiet Sea", description="Calm waters")
    response = staff_client.get("/admin/webtoons/webtoon/", {"q": "storm"})
    assert response.status_code == 200
    assert b"Storm Village" in response.content
    assert b"Quiet Sea" not in response.content
    by_owner = staff_client.get("/admin/webtoons/webtoon/", {"q": user.username})
    assert b"Storm Village" in by_owner.content


def test_webtoon_change_page_shows_panels_inline(staff_client, user):
    webtoon = published(user)
    PanelFactory(webtoon=webtoon, sequence_number=1, visual_description="Alex on the hill")
    response = staff_client.get(f"/admin/webtoons/webtoon/{webtoon.pk}/change/")
    assert response.status_code == 200
    assert b"Alex on the hill" in response.content


def test_unpublish_action_takes_the_reader_page_down(staff_client, client, user):
    webtoon = published(user)
    assert client.get(f"/w/{webtoon.pk}/").status_code == 200
    response = staff_client.post(
        "/admin/webtoons/webtoon/", {"action": "unpublish_selected", "_selected_action": [str(webtoon.pk)]}
    )
    assert response.status_code == 302
    webtoon.refresh_from_db()
    assert webtoon.status == WebtoonStatus.COMPLETED
    assert webtoon.published_url == ""
    assert webtoon.published_at is None
    staff_client.logout()
    assert client.get(f"/w/{webtoon.pk}/").status_code == 404


def test_flag_action_hides_and_unflag_restores(staff_client, user):
    from django.test import Client

    visitor = Client()
    webtoon = published(user)
    staff_client.post("/admin/webtoons/webtoon/", {"action": "flag_selected", "_selected_action": [str(webtoon.pk)]})
    webtoon.refresh_from_db()
    assert webtoon.is_flagged is True
    assert visitor.get(f"/w/{webtoon.pk}/").status_code == 404
    staff_client.post("/admin/webtoons/webtoon/", {"action": "unflag_selected", "_selected_action": [str(webtoon.pk)]})
    webtoon.refresh_from_db()
    assert webtoon.is_flagged is False
    assert visitor.get(f"/w/{webtoon.pk}/").status_code == 200


def test_archive_action_archives_but_leaves_generating_webtoons_alone(staff_client, user):
    done = published(user)
    busy = WebtoonFactory(project__user=user, status=WebtoonStatus.GENERATING)
    staff_client.post(
        "/admin/webtoons/webtoon/",
        {"action": "archive_selected", "_selected_action": [str(done.pk), str(busy.pk)]},
    )
    done.refresh_from_db()
    busy.refresh_from_db()
    assert done.status == WebtoonStatus.ARCHIVED
    assert busy.status == WebtoonStatus.GENERATING


def test_task_admin_is_read_only_but_cancels_through_the_service(staff_client):
    task = TaskFactory(status=TaskStatus.RUNNING)
    assert staff_client.get(f"/admin/tasks/task/{task.pk}/change/").status_code == 200
    staff_client.post("/admin/tasks/task/", {"action": "cancel_selected", "_selected_action": [str(task.pk)]})
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED


def test_task_admin_retry_requeues_a_failed_task_and_refuses_a_completed_one(staff_client):
    failed = TaskFactory(status=TaskStatus.FAILED, error_message="boom")
    finished = TaskFactory(status=TaskStatus.COMPLETED)
    response = staff_client.post(
        "/admin/tasks/task/",
        {"action": "retry_selected", "_selected_action": [str(failed.pk), str(finished.pk)]},
        follow=True,
    )
    failed.refresh_from_db()
    finished.refresh_from_db()
    assert failed.status == TaskStatus.PENDING
    assert failed.retry_count == 1
    assert finished.status == TaskStatus.COMPLETED
    assert b"Re-queued 1 task(s)." in response.content


def test_staff_without_change_permission_cannot_cancel_tasks(client):
    viewer = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_task"))
    client.force_login(viewer)
    task = TaskFactory(status=TaskStatus.RUNNING)
    client.post("/admin/tasks/task/", {"action": "cancel_selected", "_selected_action": [str(task.pk)]})
    task.refresh_from_db()
    assert task.status == TaskStatus.RUNNING


def _act(staff_client, action, webtoon):
    response = staff_client.post("/admin/webtoons/webtoon/", {"action": action, "_selected_action": [str(webtoon.pk)]})
    assert response.status_code == 302


@pytest.mark.parametrize("action", ["unpublish_selected", "archive_selected", "flag_selected"])
def test_the_owner_cannot_undo_a_moderators_action_until_staff_lift_the_hold(
    staff_client, auth_client, generated_webtoon, action
):
    publish = f"/api/v1/webtoons/{generated_webtoon.pk}/publish"
    assert auth_client.post(publish).status_code == 200
    _act(staff_client, action, generated_webtoon)

    refused = auth_client.post(publish)

    assert refused.status_code == 409
    assert refused.json() == {
        "status": "error",
        "error": "moderation_hold",
        "message": "A moderator holds this webtoon (unpublished, archived or flagged for review); only staff can "
        "lift the hold before it is published again.",
        "details": {},
    }
    generated_webtoon.refresh_from_db()
    assert generated_webtoon.moderation_hold is True
    assert generated_webtoon.status != WebtoonStatus.PUBLISHED or generated_webtoon.is_flagged

    _act(staff_client, "lift_hold_selected", generated_webtoon)
    generated_webtoon.refresh_from_db()
    assert (generated_webtoon.moderation_hold, generated_webtoon.is_flagged) == (False, False)
    assert generated_webtoon.status != WebtoonStatus.ARCHIVED
    assert auth_client.post(publish).status_code == 200


def test_staff_without_change_permission_cannot_lift_a_hold(client, user):
    from django.contrib.auth.models import Permission

    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_webtoon"))
    client.force_login(viewer)
    webtoon = WebtoonFactory(project__user=user, status=WebtoonStatus.COMPLETED, moderation_hold=True)
    client.post("/admin/webtoons/webtoon/", {"action": "lift_hold_selected", "_selected_action": [str(webtoon.pk)]})
    webtoon.refresh_from_db()
    assert webtoon.moderation_hold is True
