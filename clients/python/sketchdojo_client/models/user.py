from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (UUID):
        email (str):
        username (str): Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.
        is_active (bool): Designates whether this user should be treated as active. Unselect this instead of deleting
            accounts.
        is_verified (bool):
        generation_quota (int): Webtoon generations allowed per month.
        created_at (datetime.datetime):
    """

    id: UUID
    email: str
    username: str
    is_active: bool
    is_verified: bool
    generation_quota: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        username = self.username

        is_active = self.is_active

        is_verified = self.is_verified

        generation_quota = self.generation_quota

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "username": username,
                "is_active": is_active,
                "is_verified": is_verified,
                "generation_quota": generation_quota,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        username = d.pop("username")

        is_active = d.pop("is_active")

        is_verified = d.pop("is_verified")

        generation_quota = d.pop("generation_quota")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        user = cls(
            id=id,
            email=email,
            username=username,
            is_active=is_active,
            is_verified=is_verified,
            generation_quota=generation_quota,
            created_at=created_at,
        )

        user.additional_properties = d
        return user

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
