"""Writes to projects: every create, change and delete goes through here (API, admin, commands)."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from projects.models import ArtStyle, Project, ProjectStatus
from sketchdojo.db import model_update
from sketchdojo.storage import export_folder, files_delete_on_commit, published_folder

UPDATABLE_FIELDS = frozenset(
    {"title", "description", "art_style", "target_panels", "story_outline", "color_palette", "status"}
)


@transaction.atomic
def project_create(
    *,
    user,
    title: str,
    description: str = "",
    art_style: str = ArtStyle.WEBTOON,
    target_panels: int = 6,
    story_outline: str = "",
    color_palette: str | list[str] | None = None,
) -> Project:
    """A new project of `user`, always starting as a draft."""
    return Project.objects.create(
        user=user,
        title=title,
        description=description,
        art_style=art_style,
        target_panels=target_panels,
        story_outline=story_outline,
        color_palette=[] if color_palette is None else color_palette,
        status=ProjectStatus.DRAFT,
    )


@transaction.atomic
def project_update(*, project: Project, data: dict[str, Any]) -> Project:
    """Set the given fields (a subset of UPDATABLE_FIELDS) and save only what changed."""
    unknown = set(data) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"Not updatable project fields: {sorted(unknown)}")
    model_update(project, data=data, fields=data)
    return project


@transaction.atomic
def project_delete(*, project: Project) -> None:
    """Delete the project with its characters (and, through the database cascade, everything under it).

    Every file under it (characters' reference images, the webtoons' strips, thumbnails and stored
    exports, the panels' raw and lettered art) is removed from storage once the delete has committed.
    """
    names = list(project.characters.values_list("reference_image", flat=True))
    for strip, thumbnail in project.webtoons.values_list("strip", "thumbnail"):
        names += [strip, thumbnail]
    for image, raw_image in project.webtoons.values_list("panels__image", "panels__raw_image"):
        names += [image, raw_image]
    folders = []
    for webtoon_id in project.webtoons.values_list("pk", flat=True):
        folders += [export_folder(webtoon_id), published_folder(webtoon_id)]
    project.delete()
    files_delete_on_commit(names=names, folders=folders)


@transaction.atomic
def projects_archive(*, projects: Iterable[Project]) -> int:
    """Archive these projects (a moderation action); returns how many changed."""
    ids = [project.pk for project in projects]
    return (
        Project.objects.filter(pk__in=ids)
        .exclude(status=ProjectStatus.ARCHIVED)
        .update(status=ProjectStatus.ARCHIVED, updated_at=timezone.now())
    )
