from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_enum import RoleEnum

T = TypeVar("T", bound="Character")


@_attrs_define
class Character:
    """A character as the API returns it, with an absolute `reference_image_url` (or null).

    Attributes:
        id (UUID):
        project_id (UUID):
        name (str):
        role (RoleEnum): * `protagonist` - Protagonist
            * `antagonist` - Antagonist
            * `supporting` - Supporting
            * `background` - Background
        description (str):
        appearance (Any):
        personality (Any):
        seed (int): The character's one image seed: panels derive theirs from the seeds of the characters in them.
        reference_image_url (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    name: str
    role: RoleEnum
    description: str
    appearance: Any
    personality: Any
    seed: int
    reference_image_url: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        name = self.name

        role = self.role.value

        description = self.description

        appearance = self.appearance

        personality = self.personality

        seed = self.seed

        reference_image_url: None | str
        reference_image_url = self.reference_image_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "name": name,
                "role": role,
                "description": description,
                "appearance": appearance,
                "personality": personality,
                "seed": seed,
                "reference_image_url": reference_image_url,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        name = d.pop("name")

        role = RoleEnum(d.pop("role"))

        description = d.pop("description")

        appearance = d.pop("appearance")

        personality = d.pop("personality")

        seed = d.pop("seed")

        def _parse_reference_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference_image_url = _parse_reference_image_url(d.pop("reference_image_url"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        character = cls(
            id=id,
            project_id=project_id,
            name=name,
            role=role,
            description=description,
            appearance=appearance,
            personality=personality,
            seed=seed,
            reference_image_url=reference_image_url,
            created_at=created_at,
            updated_at=updated_at,
        )

        character.additional_properties = d
        return character

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
