"""Every moderation action takes a reason and leaves a line in the moderation log, shown in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import ModerationAction, ModerationActionKind
from accounts.tests.factories import UserFactory
from webtoons.models import WebtoonStatus
from webtoons.moderation import webtoons_set_flag
from webtoons.tests.factories import WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return UserFactory(username="mod", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, moderator):
    client.force_login(moderator)
    return client


def _published(user, **kwargs):
    return WebtoonFactory(
        project__user=user,
        status=WebtoonStatus.PUBLISHED,
        published_at=timezone.now(),
        published_url="http://testserver/w/x/",
        **kwargs,
    )


def _log():
    return list(
        ModerationAction.objects.order_by("at", "id").values_list("action", "target_repr", "actor__username", "reason")
    )


@pytest.mark.parametrize(
    "admin_action, kind",
    [
        ("flag_selected", ModerationActionKind.FLAG),
        ("unpublish_selected", ModerationActionKind.UNPUBLISH),
        ("archive_selected", ModerationActionKind.ARCHIVE),
    ],
)
def test_a_webtoon_action_logs_who_did_what_and_why(staff_client, user, admin_action, kind):
    webtoon = _published(user, title="Storm Village")

    response = staff_client.post(
        "/admin/webtoons/webtoon/",
        {"action": admin_action, "_selected_action": [str(webtoon.pk)], "reason": "  Reported: gore in panel 3 "},
    )

    assert response.status_code == 302
    assert _log() == [(kind, "Storm Village", "mod", "Reported: gore in panel 3")]
    entry = ModerationAction.objects.get()
    assert entry.target == webtoon


def test_unflag_and_lift_hold_are_logged_too(staff_client, user):
    webtoon = _published(user, title="Storm Village", is_flagged=True, moderation_hold=True)

    staff_client.post(
        "/admin/webtoons/webtoon/", {"action": "unflag_selected", "_selected_action": [str(webtoon.pk)], "reason": "ok"}
    )
    webtoon.refresh_from_db()
    webtoon.moderation_hold = True
    webtoon.save(update_fields=["moderation_hold"])
    staff_client.post(
        "/admin/webtoons/webtoon/", {"action": "lift_hold_selected", "_selected_action": [str(webtoon.pk)]}
    )

    assert _log() == [
        (ModerationActionKind.UNFLAG, "Storm Village", "mod", "ok"),
        (ModerationActionKind.LIFT_HOLD, "Storm Village", "mod", ""),
    ]


def test_an_action_that_changes_nothing_logs_nothing(staff_client, user):
    webtoon = WebtoonFactory(project__user=user, status=WebtoonStatus.COMPLETED)

    staff_client.post(
        "/admin/webtoons/webtoon/",
        {"action": "unpublish_selected", "_selected_action": [str(webtoon.pk)], "reason": "spam"},
    )

    assert _log() == []


def test_suspending_and_reactivating_users_is_logged_with_the_reason(staff_client, other_user):
    url = "/admin/accounts/user/"

    staff_client.post(url, {"action": "suspend_users", "_selected_action": [str(other_user.pk)], "reason": "Spam"})
    staff_client.post(url, {"action": "reactivate_users", "_selected_action": [str(other_user.pk)], "reason": "Appeal"})

    assert _log() == [
        (ModerationActionKind.SUSPEND, str(other_user), "mod", "Spam"),
        (ModerationActionKind.REACTIVATE, str(other_user), "mod", "Appeal"),
    ]
    assert get_user_model().objects.get(pk=other_user.pk).is_active is True


def test_a_service_call_without_staff_is_logged_without_an_actor(user):
    webtoon = _published(user, title="Storm Village")

    webtoons_set_flag(webtoons=type(webtoon).objects.filter(pk=webtoon.pk), is_flagged=True, reason="auto")

    assert _log() == [(ModerationActionKind.FLAG, "Storm Village", None, "auto")]


def test_the_action_bar_has_a_reason_box(staff_client, user):
    _published(user)

    page = staff_client.get("/admin/webtoons/webtoon/").content.decode()

    assert 'name="reason"' in page


def test_the_webtoon_page_shows_its_moderation_history(staff_client, user):
    webtoon = _published(user)
    staff_client.post(
        "/admin/webtoons/webtoon/",
        {"action": "flag_selected", "_selected_action": [str(webtoon.pk)], "reason": "Reported <b>twice</b>"},
    )

    page = staff_client.get(f"/admin/webtoons/webtoon/{webtoon.pk}/change/").content.decode()

    assert "moderation history" in page.lower()
    assert "Reported &lt;b&gt;twice&lt;/b&gt;" in page


def test_the_log_is_listed_and_read_only(staff_client, user):
    webtoon = _published(user, title="Storm Village")
    webtoons_set_flag(webtoons=type(webtoon).objects.filter(pk=webtoon.pk), is_flagged=True, reason="auto")
    entry = ModerationAction.objects.get()

    listing = staff_client.get("/admin/accounts/moderationaction/")
    change = staff_client.post(f"/admin/accounts/moderationaction/{entry.pk}/change/", {"reason": "rewritten"})
    delete = staff_client.post(f"/admin/accounts/moderationaction/{entry.pk}/delete/", {"post": "yes"})

    assert listing.status_code == 200 and "Storm Village" in listing.content.decode()
    assert change.status_code == 403 and delete.status_code == 403
    assert ModerationAction.objects.get().reason == "auto"
