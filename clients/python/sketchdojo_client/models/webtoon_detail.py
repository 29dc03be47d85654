from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.art_style_enum import ArtStyleEnum
from ..models.webtoon_status_enum import WebtoonStatusEnum

if TYPE_CHECKING:
    from ..models.webtoon_detail_panels_item import WebtoonDetailPanelsItem


T = TypeVar("T", bound="WebtoonDetail")


@_attrs_define
class WebtoonDetail:
    """One webtoon with its script and its panels in reading order.

    Attributes:
        id (UUID):
        project_id (UUID):
        episode_number (int): Its number in the project's series (1, 2, 3…), given on creation.
        title (str):
        description (str):
        summary (str):
        status (WebtoonStatusEnum): * `planning` - Planning
            * `generating` - Generating
            * `completed` - Completed
            * `failed` - Failed
            * `published` - Published
            * `archived` - Archived
        style (ArtStyleEnum): * `webtoon` - Webtoon
            * `manga` - Manga
            * `comic` - Comic
            * `anime` - Anime
            * `realistic` - Realistic
            * `sketch` - Sketch
            * `chibi` - Chibi
            * `painting` - Painting
        language (str): BCP 47 tag of the story's language, from the script.
        panel_count (int):
        thumbnail_url (None | str):
        strip_url (None | str):
        published_url (None | str): The public page; null until published.
        published_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        has_unpublished_changes (bool): Published, and panels were edited since: the reader shows the published revision
            until a republish (POST /webtoons/{id}/publish).
        script (Any): The validated story Script the panels came from.
        panels (list[WebtoonDetailPanelsItem]):
    """

    id: UUID
    project_id: UUID
    episode_number: int
    title: str
    description: str
    summary: str
    status: WebtoonStatusEnum
    style: ArtStyleEnum
    language: str
    panel_count: int
    thumbnail_url: None | str
    strip_url: None | str
    published_url: None | str
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    has_unpublished_changes: bool
    script: Any
    panels: list[WebtoonDetailPanelsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        episode_number = self.episode_number

        title = self.title

        description = self.description

        summary = self.summary

        status = self.status.value

        style = self.style.value

        language = self.language

        panel_count = self.panel_count

        thumbnail_url: None | str
        thumbnail_url = self.thumbnail_url

        strip_url: None | str
        strip_url = self.strip_url

        published_url: None | str
        published_url = self.published_url

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        has_unpublished_changes = self.has_unpublished_changes

        script = self.script

        panels = []
        for panels_item_data in self.panels:
            panels_item = panels_item_data.to_dict()
            panels.append(panels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "episode_number": episode_number,
                "title": title,
                "description": description,
                "summary": summary,
                "status": status,
                "style": style,
                "language": language,
                "panel_count": panel_count,
                "thumbnail_url": thumbnail_url,
                "strip_url": strip_url,
                "published_url": published_url,
                "published_at": published_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "has_unpublished_changes": has_unpublished_changes,
                "script": script,
                "panels": panels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webtoon_detail_panels_item import WebtoonDetailPanelsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        episode_number = d.pop("episode_number")

        title = d.pop("title")

        description = d.pop("description")

        summary = d.pop("summary")

        status = WebtoonStatusEnum(d.pop("status"))

        style = ArtStyleEnum(d.pop("style"))

        language = d.pop("language")

        panel_count = d.pop("panel_count")

        def _parse_thumbnail_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url"))

        def _parse_strip_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        strip_url = _parse_strip_url(d.pop("strip_url"))

        def _parse_published_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        published_url = _parse_published_url(d.pop("published_url"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        has_unpublished_changes = d.pop("has_unpublished_changes")

        script = d.pop("script")

        panels = []
        _panels = d.pop("panels")
        for panels_item_data in _panels:
            panels_item = WebtoonDetailPanelsItem.from_dict(panels_item_data)

            panels.append(panels_item)

        webtoon_detail = cls(
            id=id,
            project_id=project_id,
            episode_number=episode_number,
            title=title,
            description=description,
            summary=summary,
            status=status,
            style=style,
            language=language,
            panel_count=panel_count,
            thumbnail_url=thumbnail_url,
            strip_url=strip_url,
            published_url=published_url,
            published_at=published_at,
            created_at=created_at,
            updated_at=updated_at,
            has_unpublished_changes=has_unpublished_changes,
            script=script,
            panels=panels,
        )

        webtoon_detail.additional_properties = d
        return webtoon_detail

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
