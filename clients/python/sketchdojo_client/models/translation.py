from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.translation_images import TranslationImages


T = TypeVar("T", bound="Translation")


@_attrs_define
class Translation:
    """`{language, panels: {"<panel id>": {"<bubble index>": "<text>"}}, stale_panels, ...}`.

    Attributes:
        id (UUID):
        language (str): BCP 47 tag, normalised (es, pt-BR, zh-Hant).
        panels (Any):
        images (TranslationImages): {"<panel id>": "<URL of the panel lettered in it>"}
        stale_panels (list[str]): Panels drawn or redrawn since this translation was lettered: save it again to letter
            them.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    language: str
    panels: Any
    images: TranslationImages
    stale_panels: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        language = self.language

        panels = self.panels

        images = self.images.to_dict()

        stale_panels = self.stale_panels

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "language": language,
                "panels": panels,
                "images": images,
                "stale_panels": stale_panels,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.translation_images import TranslationImages  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        language = d.pop("language")

        panels = d.pop("panels")

        images = TranslationImages.from_dict(d.pop("images"))

        stale_panels = cast(list[str], d.pop("stale_panels"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        translation = cls(
            id=id,
            language=language,
            panels=panels,
            images=images,
            stale_panels=stale_panels,
            created_at=created_at,
            updated_at=updated_at,
        )

        translation.additional_properties = d
        return translation

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
