"""Where a character's look comes from when a panel is drawn (issue 14: characters stay themselves).

- A project character (matched to the script's cast by name, ignoring case) is drawn from what the
  project stores: its canonical look (`canonical_look(description, appearance)`), its seed and its
  reference image. Whatever the planner wrote about its look is ignored.
- A character the planner invented keeps the look stored with the webtoon: the cast description of
  the webtoon's script, written once at planning and never rewritten.

The planner chooses who is in a panel and their pose, expression and action; never their look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from characters.models import Character
from characters.selectors import character_list_for_project
from sketchdojo.engine.providers import ReferenceImage, canonical_look, derive_panel_seed
from sketchdojo.engine.script import Script, ScriptCharacter

_MIME_BY_EXTENSION = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


def _key(name: str) -> str:
    return name.strip().casefold()


def project_characters_by_name(project) -> dict[str, Character]:
    """The project's characters keyed by their name, case folded."""
    return {_key(c.name): c for c in character_list_for_project(project=project)}


def reference_image_of(character: Character) -> ReferenceImage | None:
    """The character's stored reference image as the bytes providers receive, or None without one."""
    if not character.reference_image:
        return None
    with character.reference_image.open("rb") as handle:
        data = handle.read()
    extension = PurePosixPath(character.reference_image.name).suffix.lstrip(".").lower()
    return ReferenceImage(
        data=data,
        mime=_MIME_BY_EXTENSION.get(extension, "image/png"),
        filename=f"{character.pk}.{extension or 'png'}",
    )


@dataclass
class CastLooks:
    """What the image provider receives about the characters: look text, references, seeds (by script name)."""

    looks: dict[str, str] = field(default_factory=dict)
    references: dict[str, tuple[ReferenceImage, ...]] = field(default_factory=dict)
    seeds: dict[str, int] = field(default_factory=dict)


def cast_looks(*, cast: Iterable[ScriptCharacter], project, present: Iterable[str] = ()) -> CastLooks:
    """The canonical looks and seeds of the cast, and the reference images of the characters `present`.

    Only the images of the characters in the panel are read from storage.
    """
    stored = project_characters_by_name(project)
    wanted = {_key(name) for name in present}
    out = CastLooks()
    for member in cast:
        character = stored.get(_key(member.name))
        if character is None:
            out.looks[member.name] = member.description  # the look stored with the webtoon
            out.seeds[member.name] = member.seed
            continue
        out.looks[member.name] = canonical_look(character.description, character.appearance) or member.description
        out.seeds[member.name] = character.seed
        if _key(member.name) in wanted:
            reference = reference_image_of(character)
            if reference is not None:
                out.references[member.name] = (reference,)
    return out


def script_with_project_looks(script: Script, *, project) -> Script:
    """The planned script with each project character's stored look and seed in place of the planner's.

    Invented characters keep what the planner gave them: that becomes their look, stored with the webtoon.
    """
    stored = project_characters_by_name(project)
    cast = []
    for member in script.characters:
        character = stored.get(_key(member.name))
        if character is not None:
            look = canonical_look(character.description, character.appearance)
            update: dict = {"seed": character.seed}
            if look:
                update["description"] = look[:2000]
            member = member.model_copy(update=update)
        cast.append(member)
    return script.model_copy(update={"characters": cast})


def panel_seed_of(*, names: Iterable[str], seeds: dict[str, int], number: int, base: int) -> int:
    """A panel's seed from the stored seeds of the characters in it and its number.

    The same cast in the same panel number gets the same seed in every webtoon of the project; a panel
    without characters takes `base` (the webtoon's seed) instead.
    """
    chosen = [seeds[name] for name in names if name in seeds]
    return derive_panel_seed(chosen, number, base=0 if chosen else base)


def panel_row_seed(panel, *, cast: Iterable[ScriptCharacter], base: int) -> int:
    """The derived seed of a stored panel (e.g. one added by hand, which has none yet)."""
    names = [c.get("name", "") for c in panel.characters_present if isinstance(c, dict)]
    seeds = cast_looks(cast=cast, project=panel.webtoon.project).seeds
    return panel_seed_of(names=names, seeds=seeds, number=panel.sequence_number, base=base)
