from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonalityRequest")


@_attrs_define
class PersonalityRequest:
    """How a character behaves and talks; the planner turns it into dialogue.

    Attributes:
        traits (list[str] | Unset):
        motivations (list[str] | Unset):
        fears (list[str] | Unset):
        speech_style (str | Unset):
    """

    traits: list[str] | Unset = UNSET
    motivations: list[str] | Unset = UNSET
    fears: list[str] | Unset = UNSET
    speech_style: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        traits: list[str] | Unset = UNSET
        if not isinstance(self.traits, Unset):
            traits = self.traits

        motivations: list[str] | Unset = UNSET
        if not isinstance(self.motivations, Unset):
            motivations = self.motivations

        fears: list[str] | Unset = UNSET
        if not isinstance(self.fears, Unset):
            fears = self.fears

        speech_style = self.speech_style

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if traits is not UNSET:
            field_dict["traits"] = traits
        if motivations is not UNSET:
            field_dict["motivations"] = motivations
        if fears is not UNSET:
            field_dict["fears"] = fears
        if speech_style is not UNSET:
            field_dict["speech_style"] = speech_style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        traits = cast(list[str], d.pop("traits", UNSET))

        motivations = cast(list[str], d.pop("motivations", UNSET))

        fears = cast(list[str], d.pop("fears", UNSET))

        speech_style = d.pop("speech_style", UNSET)

        personality_request = cls(
            traits=traits,
            motivations=motivations,
            fears=fears,
            speech_style=speech_style,
        )

        personality_request.additional_properties = d
        return personality_request

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
