from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.art_style_enum import ArtStyleEnum
from ..models.quality_enum import QualityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="StylePreferencesRequest")


@_attrs_define
class StylePreferencesRequest:
    """
    Attributes:
        style (ArtStyleEnum | Unset): * `webtoon` - Webtoon
            * `manga` - Manga
            * `comic` - Comic
            * `anime` - Anime
            * `realistic` - Realistic
            * `sketch` - Sketch
            * `chibi` - Chibi
            * `painting` - Painting
        quality (QualityEnum | Unset): * `draft` - draft
            * `standard` - standard
            * `high` - high Default: QualityEnum.STANDARD.
        color_scheme (str | Unset):  Default: ''.
    """

    style: ArtStyleEnum | Unset = UNSET
    quality: QualityEnum | Unset = QualityEnum.STANDARD
    color_scheme: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value

        color_scheme = self.color_scheme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if style is not UNSET:
            field_dict["style"] = style
        if quality is not UNSET:
            field_dict["quality"] = quality
        if color_scheme is not UNSET:
            field_dict["color_scheme"] = color_scheme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _style = d.pop("style", UNSET)
        style: ArtStyleEnum | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = ArtStyleEnum(_style)

        _quality = d.pop("quality", UNSET)
        quality: QualityEnum | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = QualityEnum(_quality)

        color_scheme = d.pop("color_scheme", UNSET)

        style_preferences_request = cls(
            style=style,
            quality=quality,
            color_scheme=color_scheme,
        )

        style_preferences_request.additional_properties = d
        return style_preferences_request

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
