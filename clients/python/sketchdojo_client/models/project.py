from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.art_style_enum import ArtStyleEnum
from ..models.project_color_palette_type_0 import ProjectColorPaletteType0
from ..models.project_status_enum import ProjectStatusEnum

T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A project as the API returns it; `character_count`/`webtoon_count` come from the selector's annotation.

    Attributes:
        id (UUID):
        title (str):
        description (str):
        art_style (ArtStyleEnum): * `webtoon` - Webtoon
            * `manga` - Manga
            * `comic` - Comic
            * `anime` - Anime
            * `realistic` - Realistic
            * `sketch` - Sketch
            * `chibi` - Chibi
            * `painting` - Painting
        target_panels (int):
        story_outline (str):
        color_palette (list[str] | ProjectColorPaletteType0):  Example: vibrant.
        status (ProjectStatusEnum): * `draft` - Draft
            * `in_progress` - In Progress
            * `completed` - Completed
            * `archived` - Archived
        character_count (int):
        webtoon_count (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    title: str
    description: str
    art_style: ArtStyleEnum
    target_panels: int
    story_outline: str
    color_palette: list[str] | ProjectColorPaletteType0
    status: ProjectStatusEnum
    character_count: int
    webtoon_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        description = self.description

        art_style = self.art_style.value

        target_panels = self.target_panels

        story_outline = self.story_outline

        color_palette: list[str] | str
        if isinstance(self.color_palette, ProjectColorPaletteType0):
            color_palette = self.color_palette.value
        else:
            color_palette = self.color_palette

        status = self.status.value

        character_count = self.character_count

        webtoon_count = self.webtoon_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "art_style": art_style,
                "target_panels": target_panels,
                "story_outline": story_outline,
                "color_palette": color_palette,
                "status": status,
                "character_count": character_count,
                "webtoon_count": webtoon_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        description = d.pop("description")

        art_style = ArtStyleEnum(d.pop("art_style"))

        target_panels = d.pop("target_panels")

        story_outline = d.pop("story_outline")

        def _parse_color_palette(data: object) -> list[str] | ProjectColorPaletteType0:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                color_palette_type_0 = ProjectColorPaletteType0(data)

                return color_palette_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            color_palette_type_1 = cast(list[str], data)

            return color_palette_type_1

        color_palette = _parse_color_palette(d.pop("color_palette"))

        status = ProjectStatusEnum(d.pop("status"))

        character_count = d.pop("character_count")

        webtoon_count = d.pop("webtoon_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project = cls(
            id=id,
            title=title,
            description=description,
            art_style=art_style,
            target_panels=target_panels,
            story_outline=story_outline,
            color_palette=color_palette,
            status=status,
            character_count=character_count,
            webtoon_count=webtoon_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        project.additional_properties = d
        return project

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
