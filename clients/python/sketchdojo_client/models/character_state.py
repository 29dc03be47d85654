from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.character_state_relationships import CharacterStateRelationships


T = TypeVar("T", bound="CharacterState")


@_attrs_define
class CharacterState:
    """Rejects keys it does not know (a typo is a 400 naming it, not a silently ignored field).

    Attributes:
        name (str):
        location (str | Unset):  Default: ''.
        knows (list[str] | Unset):
        relationships (CharacterStateRelationships | Unset):
    """

    name: str
    location: str | Unset = ""
    knows: list[str] | Unset = UNSET
    relationships: CharacterStateRelationships | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        location = self.location

        knows: list[str] | Unset = UNSET
        if not isinstance(self.knows, Unset):
            knows = self.knows

        relationships: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationships, Unset):
            relationships = self.relationships.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if knows is not UNSET:
            field_dict["knows"] = knows
        if relationships is not UNSET:
            field_dict["relationships"] = relationships

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_state_relationships import CharacterStateRelationships  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        location = d.pop("location", UNSET)

        knows = cast(list[str], d.pop("knows", UNSET))

        _relationships = d.pop("relationships", UNSET)
        relationships: CharacterStateRelationships | Unset
        if isinstance(_relationships, Unset):
            relationships = UNSET
        else:
            relationships = CharacterStateRelationships.from_dict(_relationships)

        character_state = cls(
            name=name,
            location=location,
            knows=knows,
            relationships=relationships,
        )

        character_state.additional_properties = d
        return character_state

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
