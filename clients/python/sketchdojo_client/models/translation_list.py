from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.translation import Translation


T = TypeVar("T", bound="TranslationList")


@_attrs_define
class TranslationList:
    """
    Attributes:
        original_language (str):
        items (list[Translation]):
    """

    original_language: str
    items: list[Translation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original_language = self.original_language

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "original_language": original_language,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.translation import Translation  # noqa: PLC0415

        d = dict(src_dict)
        original_language = d.pop("original_language")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Translation.from_dict(items_item_data)

            items.append(items_item)

        translation_list = cls(
            original_language=original_language,
            items=items,
        )

        translation_list.additional_properties = d
        return translation_list

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
