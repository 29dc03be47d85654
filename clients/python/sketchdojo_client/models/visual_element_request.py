from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.element_type_enum import ElementTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position_request import PositionRequest


T = TypeVar("T", bound="VisualElementRequest")


@_attrs_define
class VisualElementRequest:
    """Drawn text that is not dialogue, e.g. `{"element_type": "sfx", "text": "BOOM", "position": null}`.

    Attributes:
        text (str):
        element_type (ElementTypeEnum | Unset): * `sfx` - sfx
            * `sign` - sign
            * `text` - text
            * `prop` - prop Default: ElementTypeEnum.SFX.
        position (None | PositionRequest | Unset):
    """

    text: str
    element_type: ElementTypeEnum | Unset = ElementTypeEnum.SFX
    position: None | PositionRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.position_request import PositionRequest  # noqa: PLC0415

        text = self.text

        element_type: str | Unset = UNSET
        if not isinstance(self.element_type, Unset):
            element_type = self.element_type.value

        position: dict[str, Any] | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, PositionRequest):
            position = self.position.to_dict()
        else:
            position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if element_type is not UNSET:
            field_dict["element_type"] = element_type
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_request import PositionRequest  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        _element_type = d.pop("element_type", UNSET)
        element_type: ElementTypeEnum | Unset
        if isinstance(_element_type, Unset):
            element_type = UNSET
        else:
            element_type = ElementTypeEnum(_element_type)

        def _parse_position(data: object) -> None | PositionRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                position_type_1 = PositionRequest.from_dict(data)

                return position_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionRequest | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        visual_element_request = cls(
            text=text,
            element_type=element_type,
            position=position,
        )

        visual_element_request.additional_properties = d
        return visual_element_request

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
