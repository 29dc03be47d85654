from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.art_style_enum import ArtStyleEnum
from ..models.project_status_enum import ProjectStatusEnum
from ..models.project_update_request_color_palette_type_0 import (
    ProjectUpdateRequestColorPaletteType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectUpdateRequest")


@_attrs_define
class ProjectUpdateRequest:
    """What a client may set on create (POST) and update (PUT/PATCH); `status` only on update.

    Attributes:
        title (str):
        description (str | Unset):
        art_style (ArtStyleEnum | Unset): * `webtoon` - Webtoon
            * `manga` - Manga
            * `comic` - Comic
            * `anime` - Anime
            * `realistic` - Realistic
            * `sketch` - Sketch
            * `chibi` - Chibi
            * `painting` - Painting
        target_panels (int | Unset):
        story_outline (str | Unset):
        color_palette (list[str] | ProjectUpdateRequestColorPaletteType0 | Unset):  Example: vibrant.
        status (ProjectStatusEnum | Unset): * `draft` - Draft
            * `in_progress` - In Progress
            * `completed` - Completed
            * `archived` - Archived
    """

    title: str
    description: str | Unset = UNSET
    art_style: ArtStyleEnum | Unset = UNSET
    target_panels: int | Unset = UNSET
    story_outline: str | Unset = UNSET
    color_palette: list[str] | ProjectUpdateRequestColorPaletteType0 | Unset = UNSET
    status: ProjectStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        art_style: str | Unset = UNSET
        if not isinstance(self.art_style, Unset):
            art_style = self.art_style.value

        target_panels = self.target_panels

        story_outline = self.story_outline

        color_palette: list[str] | str | Unset
        if isinstance(self.color_palette, Unset):
            color_palette = UNSET
        elif isinstance(self.color_palette, ProjectUpdateRequestColorPaletteType0):
            color_palette = self.color_palette.value
        else:
            color_palette = self.color_palette

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if art_style is not UNSET:
            field_dict["art_style"] = art_style
        if target_panels is not UNSET:
            field_dict["target_panels"] = target_panels
        if story_outline is not UNSET:
            field_dict["story_outline"] = story_outline
        if color_palette is not UNSET:
            field_dict["color_palette"] = color_palette
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _art_style = d.pop("art_style", UNSET)
        art_style: ArtStyleEnum | Unset
        if isinstance(_art_style, Unset):
            art_style = UNSET
        else:
            art_style = ArtStyleEnum(_art_style)

        target_panels = d.pop("target_panels", UNSET)

        story_outline = d.pop("story_outline", UNSET)

        def _parse_color_palette(data: object) -> list[str] | ProjectUpdateRequestColorPaletteType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                color_palette_type_0 = ProjectUpdateRequestColorPaletteType0(data)

                return color_palette_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            color_palette_type_1 = cast(list[str], data)

            return color_palette_type_1

        color_palette = _parse_color_palette(d.pop("color_palette", UNSET))

        _status = d.pop("status", UNSET)
        status: ProjectStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProjectStatusEnum(_status)

        project_update_request = cls(
            title=title,
            description=description,
            art_style=art_style,
            target_panels=target_panels,
            story_outline=story_outline,
            color_palette=color_palette,
            status=status,
        )

        project_update_request.additional_properties = d
        return project_update_request

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
