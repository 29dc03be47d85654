from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.character_state import CharacterState
    from ..models.episode_summary import EpisodeSummary


T = TypeVar("T", bound="SeriesMemory")


@_attrs_define
class SeriesMemory:
    """The series' story memory. PATCH replaces each list it is given (`episodes`, `characters`) whole.

    Attributes:
        project_id (UUID):
        updated_at (datetime.datetime | None):
        episodes (list[EpisodeSummary] | Unset):
        characters (list[CharacterState] | Unset):
    """

    project_id: UUID
    updated_at: datetime.datetime | None
    episodes: list[EpisodeSummary] | Unset = UNSET
    characters: list[CharacterState] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        episodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.episodes, Unset):
            episodes = []
            for episodes_item_data in self.episodes:
                episodes_item = episodes_item_data.to_dict()
                episodes.append(episodes_item)

        characters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.characters, Unset):
            characters = []
            for characters_item_data in self.characters:
                characters_item = characters_item_data.to_dict()
                characters.append(characters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "updated_at": updated_at,
            }
        )
        if episodes is not UNSET:
            field_dict["episodes"] = episodes
        if characters is not UNSET:
            field_dict["characters"] = characters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_state import CharacterState  # noqa: PLC0415
        from ..models.episode_summary import EpisodeSummary  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        _episodes = d.pop("episodes", UNSET)
        episodes: list[EpisodeSummary] | Unset = UNSET
        if _episodes is not UNSET:
            episodes = []
            for episodes_item_data in _episodes:
                episodes_item = EpisodeSummary.from_dict(episodes_item_data)

                episodes.append(episodes_item)

        _characters = d.pop("characters", UNSET)
        characters: list[CharacterState] | Unset = UNSET
        if _characters is not UNSET:
            characters = []
            for characters_item_data in _characters:
                characters_item = CharacterState.from_dict(characters_item_data)

                characters.append(characters_item)

        series_memory = cls(
            project_id=project_id,
            updated_at=updated_at,
            episodes=episodes,
            characters=characters,
        )

        series_memory.additional_properties = d
        return series_memory

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
