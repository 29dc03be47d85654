"""Ending a user's open sockets when their sign-in ends.

The sockets (tasks.consumers) re-check their own token when asked; this module asks, after the
change has committed: on logout and suspension (accounts.services) and whenever a saved user's
password changed or the user was suspended by a save (the admin form, `set_password` then save,
`manage.py changepassword`), through the model signals below.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from sketchdojo.realtime import publish_session_revoked

_WATCHED_FIELDS = {"password", "is_active"}


def sessions_recheck(*, user_ids) -> None:
    """Ask the open sockets of these users to check their token again (sent on commit)."""
    for user_id in user_ids:
        publish_session_revoked(user_id)


@receiver(pre_save, sender=get_user_model(), dispatch_uid="accounts.sessions.user_pre_save")
def _note_session_ending_change(sender, instance, update_fields=None, raw=False, **kwargs):
    instance._ends_sessions = False
    if raw or instance.pk is None or (update_fields is not None and not _WATCHED_FIELDS & set(update_fields)):
        return
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    instance._ends_sessions = before["password"] != instance.password or (
        before["is_active"] and not instance.is_active
    )


@receiver(post_save, sender=get_user_model(), dispatch_uid="accounts.sessions.user_post_save")
def _end_sessions_after_change(sender, instance, created=False, **kwargs):
    if not created and getattr(instance, "_ends_sessions", False):
        instance._ends_sessions = False
        sessions_recheck(user_ids=[instance.pk])
