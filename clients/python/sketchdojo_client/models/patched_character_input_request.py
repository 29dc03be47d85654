from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_enum import RoleEnum
from ..types import UNSET, File, FileTypes, Unset

if TYPE_CHECKING:
    from ..models.appearance_request import AppearanceRequest
    from ..models.personality_request import PersonalityRequest


T = TypeVar("T", bound="PatchedCharacterInputRequest")


@_attrs_define
class PatchedCharacterInputRequest:
    """What a client may set on a character (PUT/PATCH, and POST with `project_id`).

    Attributes:
        name (str | Unset):
        role (RoleEnum | Unset): * `protagonist` - Protagonist
            * `antagonist` - Antagonist
            * `supporting` - Supporting
            * `background` - Background
        description (str | Unset):
        appearance (AppearanceRequest | Unset): How a character looks; free text so the guide's "electric_blue" or
            "silver" are fine as written.
        personality (PersonalityRequest | Unset): How a character behaves and talks; the planner turns it into dialogue.
        seed (int | Unset): The character's image seed (default: a random one, kept for good).
        reference_image (File | None | Unset):
    """

    name: str | Unset = UNSET
    role: RoleEnum | Unset = UNSET
    description: str | Unset = UNSET
    appearance: AppearanceRequest | Unset = UNSET
    personality: PersonalityRequest | Unset = UNSET
    seed: int | Unset = UNSET
    reference_image: File | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        description = self.description

        appearance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.appearance, Unset):
            appearance = self.appearance.to_dict()

        personality: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personality, Unset):
            personality = self.personality.to_dict()

        seed = self.seed

        reference_image: FileTypes | None | Unset
        if isinstance(self.reference_image, Unset):
            reference_image = UNSET
        elif isinstance(self.reference_image, File):
            reference_image = self.reference_image.to_tuple()

        else:
            reference_image = self.reference_image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role
        if description is not UNSET:
            field_dict["description"] = description
        if appearance is not UNSET:
            field_dict["appearance"] = appearance
        if personality is not UNSET:
            field_dict["personality"] = personality
        if seed is not UNSET:
            field_dict["seed"] = seed
        if reference_image is not UNSET:
            field_dict["reference_image"] = reference_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appearance_request import AppearanceRequest  # noqa: PLC0415
        from ..models.personality_request import PersonalityRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)

        description = d.pop("description", UNSET)

        _appearance = d.pop("appearance", UNSET)
        appearance: AppearanceRequest | Unset
        if isinstance(_appearance, Unset):
            appearance = UNSET
        else:
            appearance = AppearanceRequest.from_dict(_appearance)

        _personality = d.pop("personality", UNSET)
        personality: PersonalityRequest | Unset
        if isinstance(_personality, Unset):
            personality = UNSET
        else:
            personality = PersonalityRequest.from_dict(_personality)

        seed = d.pop("seed", UNSET)

        def _parse_reference_image(data: object) -> File | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, bytes):
                    raise TypeError()
                reference_image_type_0 = File(payload=BytesIO(data))

                return reference_image_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(File | None | Unset, data)

        reference_image = _parse_reference_image(d.pop("reference_image", UNSET))

        patched_character_input_request = cls(
            name=name,
            role=role,
            description=description,
            appearance=appearance,
            personality=personality,
            seed=seed,
            reference_image=reference_image,
        )

        patched_character_input_request.additional_properties = d
        return patched_character_input_request

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
