from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.character_state_request import CharacterStateRequest
    from ..models.episode_summary_request import EpisodeSummaryRequest


T = TypeVar("T", bound="PatchedSeriesMemoryRequest")


@_attrs_define
class PatchedSeriesMemoryRequest:
    """The series' story memory. PATCH replaces each list it is given (`episodes`, `characters`) whole.

    Attributes:
        episodes (list[EpisodeSummaryRequest] | Unset):
        characters (list[CharacterStateRequest] | Unset):
    """

    episodes: list[EpisodeSummaryRequest] | Unset = UNSET
    characters: list[CharacterStateRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        field_dict.update({})
        if episodes is not UNSET:
            field_dict["episodes"] = episodes
        if characters is not UNSET:
            field_dict["characters"] = characters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_state_request import CharacterStateRequest  # noqa: PLC0415
        from ..models.episode_summary_request import EpisodeSummaryRequest  # noqa: PLC0415

        d = dict(src_dict)
        _episodes = d.pop("episodes", UNSET)
        episodes: list[EpisodeSummaryRequest] | Unset = UNSET
        if _episodes is not UNSET:
            episodes = []
            for episodes_item_data in _episodes:
                episodes_item = EpisodeSummaryRequest.from_dict(episodes_item_data)

                episodes.append(episodes_item)

        _characters = d.pop("characters", UNSET)
        characters: list[CharacterStateRequest] | Unset = UNSET
        if _characters is not UNSET:
            characters = []
            for characters_item_data in _characters:
                characters_item = CharacterStateRequest.from_dict(characters_item_data)

                characters.append(characters_item)

        patched_series_memory_request = cls(
            episodes=episodes,
            characters=characters,
        )

        patched_series_memory_request.additional_properties = d
        return patched_series_memory_request

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
