from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.art_style_enum import ArtStyleEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebtoonInputRequest")


@_attrs_define
class WebtoonInputRequest:
    """What a client may set on a webtoon (PUT/PATCH).

    Attributes:
        title (str | Unset):
        description (str | Unset):
        summary (str | Unset):
        style (ArtStyleEnum | Unset): * `webtoon` - Webtoon
            * `manga` - Manga
            * `comic` - Comic
            * `anime` - Anime
            * `realistic` - Realistic
            * `sketch` - Sketch
            * `chibi` - Chibi
            * `painting` - Painting
    """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    summary: str | Unset = UNSET
    style: ArtStyleEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        summary = self.summary

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if summary is not UNSET:
            field_dict["summary"] = summary
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        summary = d.pop("summary", UNSET)

        _style = d.pop("style", UNSET)
        style: ArtStyleEnum | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = ArtStyleEnum(_style)

        webtoon_input_request = cls(
            title=title,
            description=description,
            summary=summary,
            style=style,
        )

        webtoon_input_request.additional_properties = d
        return webtoon_input_request

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
