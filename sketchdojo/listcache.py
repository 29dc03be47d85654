"""The API's list pages, cached per user until one of that user's rows changes.

Why: a page of a list (projects, characters, webtoons, panels, tasks) costs two queries and the
serialization of its rows on every request, while clients (the studio, scripts following a
generation) ask for the same pages again and again between changes. Measured by bench.api, the
lists ran at about half the speed of a bare DRF view returning the same JSON.

How it stays correct: every user has a version in the cache, and a page is stored with the version
it was read under and served only while that is still the user's version (sketchdojo.versions:
read before the queries, renewed at once and on commit). Any write to a row a list shows (a
subclass of `OwnedModel`: its saves and deletes, and its `OwnedQuerySet`'s
update/bulk_create/bulk_update/delete) renews the owner's version. Ownership never moves between
users, so the owner of a row is remembered per parent row (`_owners`).

Pages also expire after LIST_CACHE_SECONDS (0 turns the cache off), at most a quarter of the life of
the signed media links they carry, so a served link has most of its life left. In the embedded
default the cache is process memory: a write made by another process (a `manage.py` command) shows
in the lists after at most LIST_CACHE_SECONDS; with Redis every process shares the versions.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver

from sketchdojo import versions

OWNER_MEMORY = 50_000  # parent rows whose owner is remembered

_owners: OrderedDict[tuple[type[models.Model], object], object] = OrderedDict()
_owners_lock = Lock()


def page_seconds() -> int:
    """How long a page may be served: LIST_CACHE_SECONDS, at most a quarter of a signed link's life."""
    link_life = settings.MEDIA_URL_EXPIRE_SECONDS
    presigned = settings.STORAGES["default"].get("OPTIONS", {})
    if presigned.get("querystring_auth"):
        link_life = min(link_life, presigned.get("querystring_expire", 3600))
    return max(0, min(settings.LIST_CACHE_SECONDS, link_life // 4))


def _version_key(user_id) -> str:
    return f"lists:v:{user_id}"


def _page_key(user_id, url: str) -> str:
    return f"lists:p:{user_id}:{hashlib.blake2b(url.encode(), digest_size=16).hexdigest()}"


def page_lookup(user_id, url: str) -> tuple[dict | None, str | None]:
    """(the cached page of `url` for this user, or None; the version to store a freshly read page under).

    One cache round trip when the user has a version. The version is None when caching is off.
    """
    if page_seconds() <= 0:
        return None, None
    version_key, page_key = _version_key(user_id), _page_key(user_id, url)
    found = cache.get_many([version_key, page_key])
    version = versions.current(version_key, found)
    stored = found.get(page_key)
    if stored is not None and stored[0] == version and stored[1] == url:
        return stored[2], version
    return None, version


def page_store(user_id, url: str, version: str | None, page: dict) -> None:
    """Keep `page` (read after `page_lookup` returned `version`) for the next requests of `url`."""
    if version is not None:
        cache.set(_page_key(user_id, url), (version, url, page), timeout=page_seconds())


def users_changed(user_ids) -> None:
    """Rows these users own changed: their cached pages are stale now and after the commit."""
    versions.renew(_version_key(user_id) for user_id in user_ids if user_id is not None)


# ---- who owns a row ----------------------------------------------------------------------------


def owner_of(instance: models.Model):
    """The id of the user who owns `instance` (an `OwnedModel`'s row), following its `list_owner`.

    A parent already loaded on the instance costs nothing; else the parent's owner is remembered
    after one query (rows never change owner).
    """
    lookup = instance.list_owner
    first, _, rest = lookup.partition("__")
    field = instance._meta.get_field(first)
    parent_id = getattr(instance, field.attname)
    if not rest or parent_id is None:
        return parent_id
    if field.is_cached(instance) and isinstance(getattr(instance, first), OwnedModel):
        return owner_of(getattr(instance, first))
    parent = field.related_model
    key = (parent, parent_id)
    with _owners_lock:
        if key in _owners:
            _owners.move_to_end(key)
            return _owners[key]
    owner = parent._base_manager.filter(pk=parent_id).values_list(rest, flat=True).first()
    if owner is not None:
        with _owners_lock:
            _owners[key] = owner
            while len(_owners) > OWNER_MEMORY:
                _owners.popitem(last=False)
    return owner


class OwnedQuerySet(models.QuerySet):
    """The queryset of a model whose rows a user's lists show: its bulk writes mark the owners' pages stale.

    `update()`, `bulk_update()` and `delete()` read the owners of the rows they touch first (one
    query); `bulk_create()` asks each new row.
    """

    def _owner_ids(self) -> set:
        return set(self.order_by().values_list(self.model.list_owner, flat=True).distinct())

    def update(self, **kwargs):
        owners = self._owner_ids()
        changed = super().update(**kwargs)
        if changed:
            users_changed(owners)
        return changed

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        changed = super().bulk_update(objs, fields, batch_size=batch_size)
        users_changed({owner_of(obj) for obj in objs})
        return changed

    bulk_update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        users_changed({owner_of(obj) for obj in created})
        return created

    bulk_create.alters_data = True

    def delete(self):
        owners = self._owner_ids()
        deleted = super().delete()
        users_changed(owners)
        return deleted

    delete.alters_data = True


class OwnedModel(models.Model):
    """A model whose rows a user's lists show; `list_owner` leads from a row to its user.

    For example "user", or "webtoon__project__user". Its saves (post_save, below) and deletes (here,
    and `OwnedQuerySet`'s) mark the owner's pages stale; a cascade deletes rows of the same owner,
    so the top row's delete covers it.
    """

    list_owner = "user"

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        owner = owner_of(self)
        deleted = super().delete(*args, **kwargs)
        users_changed({owner})
        return deleted


@receiver(post_save, dispatch_uid="listcache-saved")
def _saved(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, OwnedModel):
        users_changed({owner_of(instance)})
