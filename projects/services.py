"""Writes to projects: every create, change and delete goes through here (API, admin, commands)."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from projects.models import ArtStyle, Project, ProjectStatus, SeriesMemory
from sketchdojo.db import model_update
from sketchdojo.engine import series
from sketchdojo.errors import InvalidInput
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


def _memory_locked(*, project: Project) -> SeriesMemory:
    SeriesMemory.objects.get_or_create(project=project)
    return SeriesMemory.objects.select_for_update().get(project=project)


@transaction.atomic
def series_memory_update(*, project: Project, episodes: list[dict] | None = None, characters: list[dict] | None = None):
    """Replace the memory's episode summaries and/or character states (the creator's edit).

    The result is checked against `StoryMemory` (InvalidInput naming the place when it does not fit).
    """
    memory = _memory_locked(project=project)
    if episodes is not None:
        memory.episodes = episodes
    if characters is not None:
        memory.characters = characters
    try:
        checked = series.StoryMemory.model_validate({"episodes": memory.episodes, "characters": memory.characters})
    except ValidationError as exc:
        raise InvalidInput(
            {".".join(str(part) for part in error["loc"]): [error["msg"]] for error in exc.errors()}
        ) from exc
    memory.episodes = checked.model_dump(mode="json")["episodes"]
    memory.characters = checked.model_dump(mode="json")["characters"]
    memory.save()
    return memory


@transaction.atomic
def series_memory_record_episode(
    *, project: Project, episode_number: int, title: str, recap: series.EpisodeRecap
) -> SeriesMemory:
    """Fold a finished episode's recap into the memory (a second recap of the same episode replaces the first)."""
    memory = _memory_locked(project=project)
    current = series.StoryMemory.model_validate({"episodes": memory.episodes, "characters": memory.characters})
    updated = series.memory_with_episode(current, episode_number=episode_number, title=title, recap=recap)
    data = updated.model_dump(mode="json")
    memory.episodes, memory.characters = data["episodes"], data["characters"]
    memory.save()
    return memory
