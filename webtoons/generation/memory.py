"""The series memory in the pipeline: what episode N is planned from, and its recap once it completes.

The memory itself belongs to the project (`projects.SeriesMemory`, written by `projects.services`);
the episodes are webtoons, so reading earlier episodes' casts and writing a finished episode's recap
happen here, on the webtoons side of the import contracts.
"""

from __future__ import annotations

import logging

from projects.models import Project
from projects.selectors import series_memory_of
from projects.services import series_memory_record_episode
from sketchdojo.engine.providers import ProviderError, get_llm_provider
from sketchdojo.engine.script import Script, ScriptCharacter
from sketchdojo.engine.series import RecapRequest, SeriesContext, StoryMemory, recap_offline
from webtoons.models import Webtoon

logger = logging.getLogger("sketchdojo.pipeline")


def _memory(project: Project) -> StoryMemory:
    stored = series_memory_of(project=project)
    return StoryMemory.model_validate({"episodes": stored.episodes, "characters": stored.characters})


def series_cast(*, project: Project, before: int) -> tuple[ScriptCharacter, ...]:
    """Every character of the project's earlier episodes, with the look of the episode that introduced them."""
    cast: dict[str, ScriptCharacter] = {}
    scripts = (
        Webtoon.objects.filter(project=project, episode_number__lt=before)
        .exclude(script={})
        .order_by("episode_number")
        .values_list("script", flat=True)
    )
    for script in scripts:
        for data in (script or {}).get("characters", []):
            try:
                character = ScriptCharacter.model_validate(data)
            except ValueError:
                continue  # an old or hand-edited script: its other characters still count
            cast.setdefault(character.name, character)
    return tuple(cast.values())


def series_context(*, webtoon: Webtoon) -> SeriesContext:
    """What the planner of this episode knows of the series: the memory and the recurring cast."""
    return SeriesContext(
        episode_number=webtoon.episode_number,
        memory=_memory(webtoon.project),
        cast=series_cast(project=webtoon.project, before=webtoon.episode_number),
    )


def episode_remember(*, webtoon_id) -> None:
    """Recap a completed episode into its series' memory: by the LLM provider (one structured call),
    by its script when the provider fails (the memory is never left without the episode)."""
    webtoon = Webtoon.objects.select_related("project").get(pk=webtoon_id)
    if not webtoon.script:
        return
    request = RecapRequest(
        script=Script.model_validate(webtoon.script),
        episode_number=webtoon.episode_number,
        memory=_memory(webtoon.project),
    )
    try:
        recap = get_llm_provider().recap(request)
    except ProviderError as exc:
        logger.warning("Episode %s of %s recapped offline: %s", webtoon.episode_number, webtoon.project_id, exc)
        recap = recap_offline(request)
    series_memory_record_episode(
        project=webtoon.project, episode_number=webtoon.episode_number, title=webtoon.title, recap=recap
    )
