from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StagedCharacterRequest")


@_attrs_define
class StagedCharacterRequest:
    """
    Attributes:
        name (str):
        position (str | Unset):  Default: 'center'.
        expression (str | Unset):  Default: 'neutral'.
        action (str | Unset):  Default: 'standing'.
    """

    name: str
    position: str | Unset = "center"
    expression: str | Unset = "neutral"
    action: str | Unset = "standing"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        position = self.position

        expression = self.expression

        action = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position
        if expression is not UNSET:
            field_dict["expression"] = expression
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        position = d.pop("position", UNSET)

        expression = d.pop("expression", UNSET)

        action = d.pop("action", UNSET)

        staged_character_request = cls(
            name=name,
            position=position,
            expression=expression,
            action=action,
        )

        staged_character_request.additional_properties = d
        return staged_character_request

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
