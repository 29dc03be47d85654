from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppearanceRequest")


@_attrs_define
class AppearanceRequest:
    """How a character looks; free text so the guide's "electric_blue" or "silver" are fine as written.

    Attributes:
        age_range (str | Unset):
        gender (str | Unset):
        height (str | Unset):
        build (str | Unset):
        hair_color (str | Unset):
        hair_style (str | Unset):
        eye_color (str | Unset):
        skin_tone (str | Unset):
        distinctive_features (list[str] | Unset):
    """

    age_range: str | Unset = UNSET
    gender: str | Unset = UNSET
    height: str | Unset = UNSET
    build: str | Unset = UNSET
    hair_color: str | Unset = UNSET
    hair_style: str | Unset = UNSET
    eye_color: str | Unset = UNSET
    skin_tone: str | Unset = UNSET
    distinctive_features: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        age_range = self.age_range

        gender = self.gender

        height = self.height

        build = self.build

        hair_color = self.hair_color

        hair_style = self.hair_style

        eye_color = self.eye_color

        skin_tone = self.skin_tone

        distinctive_features: list[str] | Unset = UNSET
        if not isinstance(self.distinctive_features, Unset):
            distinctive_features = self.distinctive_features

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if age_range is not UNSET:
            field_dict["age_range"] = age_range
        if gender is not UNSET:
            field_dict["gender"] = gender
        if height is not UNSET:
            field_dict["height"] = height
        if build is not UNSET:
            field_dict["build"] = build
        if hair_color is not UNSET:
            field_dict["hair_color"] = hair_color
        if hair_style is not UNSET:
            field_dict["hair_style"] = hair_style
        if eye_color is not UNSET:
            field_dict["eye_color"] = eye_color
        if skin_tone is not UNSET:
            field_dict["skin_tone"] = skin_tone
        if distinctive_features is not UNSET:
            field_dict["distinctive_features"] = distinctive_features

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_range = d.pop("age_range", UNSET)

        gender = d.pop("gender", UNSET)

        height = d.pop("height", UNSET)

        build = d.pop("build", UNSET)

        hair_color = d.pop("hair_color", UNSET)

        hair_style = d.pop("hair_style", UNSET)

        eye_color = d.pop("eye_color", UNSET)

        skin_tone = d.pop("skin_tone", UNSET)

        distinctive_features = cast(list[str], d.pop("distinctive_features", UNSET))

        appearance_request = cls(
            age_range=age_range,
            gender=gender,
            height=height,
            build=build,
            hair_color=hair_color,
            hair_style=hair_style,
            eye_color=eye_color,
            skin_tone=skin_tone,
            distinctive_features=distinctive_features,
        )

        appearance_request.additional_properties = d
        return appearance_request

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
